import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { benchHandlers } from '../mocks/bench-handlers';
import { drillHandlers } from '../mocks/drill-handlers';
import { DEMO_ACCOUNT } from '../mocks/fixtures/builders';
import { twilioHandlers } from '../mocks/handlers';
import { liveCallHandlers } from '../mocks/live-call-handlers';
import type { Credentials } from './config';

export type DemoOptions = {
  benchConversations: boolean;
  /** Generated conversations beside the samples (fixtures/demo-account.ts). */
  accountSize?: number;
  /**
   * The server's clock: the demo account's conversations are spread over the 90 days before it, and
   * the live call happens by it.
   */
  now?: () => number;
};

/**
 * What the demo's Twilio answers: the drills (home page, "Error states and edge cases") and the live
 * call in front of the happy path, and the benchmark's long chats in front of all when asked for.
 */
export function demoHandlers({ benchConversations, accountSize, now }: DemoOptions): RequestHandler[] {
  return [
    ...(benchConversations ? benchHandlers : []),
    ...drillHandlers,
    ...liveCallHandlers({ now }),
    ...twilioHandlers({ now, size: accountSize }),
  ];
}

/**
 * Demo mode runs the real server code against a fake Twilio network: the same MSW handlers the
 * tests use intercept the `twilio` library's HTTPS requests inside this process
 * (see docs/decisions/0003-demo-mode-fakes-the-network.md).
 */
export function startDemoNetwork(options: DemoOptions): { close(): void } {
  const network = setupServer(...demoHandlers(options));
  network.listen({ onUnhandledRequest: 'bypass' });
  return network;
}

/** Placeholder credentials: the faked network checks that an Authorization header is sent. */
export const DEMO_CREDENTIALS: Credentials = { kind: 'authToken', accountSid: DEMO_ACCOUNT, authToken: 'demo-mode-token' };
