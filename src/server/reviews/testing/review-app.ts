import { randomBytes, randomUUID } from 'node:crypto';
import { emulatedUpstream } from '../../../../tests/in-process-twilio';
import { demoStatus } from '../../../../tests/bff-in-process';
import { createApp, type AppOptions } from '../../app';
import { openTestDatabase, type TestDatabase } from '../../db/testing/test-database';
import { LOCAL_NAME_COOKIE, localNameCookie } from '../../identity/local-identity';
import type { LogEntry } from '../../log';

export type ReviewApp = {
  app: ReturnType<typeof createApp>;
  database: TestDatabase;
  logs: LogEntry[];
  /** A new person on loopback with this name: the Cookie header their browser sends. */
  person(name: string): { Cookie: string };
  /** A request as the viewer's own page makes it (same origin), with a JSON body when given. */
  send(
    method: string,
    path: string,
    options?: { as?: { Cookie: string }; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
};

/** The real app on loopback, over a new test database, with the emulated Twilio behind it. */
export async function reviewApp(options: Partial<AppOptions> = {}): Promise<ReviewApp> {
  const database = await openTestDatabase();
  const secret = randomBytes(32);
  const logs: LogEntry[] = [];
  const app = createApp({
    upstream: emulatedUpstream,
    status: demoStatus,
    log: (entry) => logs.push(entry),
    localIdentity: { secret, standIn: null },
    storage: { state: () => ({ state: 'ready', database }) },
    ...options,
  });
  return {
    app,
    database,
    logs,
    person: (name) => ({
      Cookie: `${LOCAL_NAME_COOKIE}=${localNameCookie(secret, { subject: randomUUID(), name, email: null })}`,
    }),
    send: async (method, path, { as, body, headers } = {}) =>
      app.request(path, {
        method,
        headers: {
          'Sec-Fetch-Site': 'same-origin',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...as,
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}
