import { setupServer } from 'msw/node';
import { DEMO_ACCOUNT } from '../mocks/fixtures/builders';
import { twilioHandlers } from '../mocks/handlers';
import type { Credentials } from './config';

/**
 * Demo mode runs the real server code against a fake Twilio network: the same MSW handlers the
 * tests use intercept the `twilio` library's HTTPS requests inside this process
 * (see docs/decisions/0003-demo-mode-fakes-the-network.md).
 */
export function startDemoNetwork(): { close(): void } {
  const network = setupServer(...twilioHandlers);
  network.listen({ onUnhandledRequest: 'bypass' });
  return network;
}

/** Placeholder credentials: the faked network checks that an Authorization header is sent. */
export const DEMO_CREDENTIALS: Credentials = { kind: 'authToken', accountSid: DEMO_ACCOUNT, authToken: 'demo-mode-token' };
