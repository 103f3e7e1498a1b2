import { randomBytes, randomUUID } from 'node:crypto';
import type { StorageLocation } from '../../config';
import { runChild, type Child } from '../../db/testing/child-process';
import { LOCAL_NAME_COOKIE, localNameCookie } from '../../identity/local-identity';

export type ServerProcess = { child: Child; url: string; stop(): Promise<void> };

/** The secret the test's server processes sign names with, so one person's cookie works on each. */
export const SECRET = randomBytes(32);

export async function startServer(location: StorageLocation): Promise<ServerProcess> {
  const child = runChild('../../reviews/testing/review-server.ts', location, { TEST_SECRET: SECRET.toString('hex') });
  const port = /^listening (\d+)$/.exec(await child.waitFor(/^listening \d+$/))![1];
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
      await child.exited;
    },
  };
}

/** A person on loopback, as their browser's cookie names them. */
export const personCookie = (name: string) =>
  `${LOCAL_NAME_COOKIE}=${localNameCookie(SECRET, { subject: randomUUID(), name, email: null })}`;

/** A request as the viewer's own page makes it. */
export function call(url: string, method: string, path: string, cookie: string, body?: unknown): Promise<Response> {
  return fetch(`${url}${path}`, {
    method,
    headers: {
      Cookie: cookie,
      'Sec-Fetch-Site': 'same-origin',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
