import type { AnyHandler } from 'msw';
import { handlers } from '../src/mocks/handlers';
import { UpstreamUnavailable, type Upstream } from '../src/server/upstream-contract';
import { askTwilio } from './ask-twilio';

/** The body as the `twilio` library hands it over: parsed when it is JSON, text otherwise. */
function parsedLikeTwilio(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The BFF's upstream answered by MSW handlers in this process, with no `twilio` library and no
 * socket: for the app inside jsdom and for server tests that build it many times. `twilio()` is
 * read on every call, so a test's `server.use(...)` takes effect (`{ once: true }` included). It
 * fails the way `twilioUpstream` does: a network error is `unreachable`, no answer in `timeoutMs`
 * a `timeout`.
 */
export function inProcessUpstream(twilio: () => readonly AnyHandler[], { timeoutMs = 2_000 } = {}): Upstream {
  return {
    async get(path) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new UpstreamUnavailable('timeout', `no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        const response = await Promise.race([askTwilio(twilio(), path), deadline]);
        if (!response) throw new Error(`No handler answers GET ${path}: add one, or start from \`handlers\``);
        if (response.type === 'error') throw new UpstreamUnavailable('unreachable', 'network error');
        const body = parsedLikeTwilio(await response.text());
        return { status: response.status, body, headers: Object.fromEntries(response.headers) };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** The BFF's upstream answered by the happy-path `handlers` alone. */
export const emulatedUpstream = inProcessUpstream(() => handlers);
