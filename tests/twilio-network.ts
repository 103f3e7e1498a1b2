import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { TWILIO_INTELLIGENCE_BASE } from '../src/api/paths';
import type { ServerStatus } from '../src/api/status';
import { handlers } from '../src/mocks/handlers';

/**
 * The Twilio API faked at the network level for a server test file, with a record of every request
 * that reached it (cleared after each test): the real `twilioUpstream` is what calls it.
 */
export function setupTwilioNetwork() {
  const network = setupServer(...handlers);
  const upstreamRequests: Request[] = [];
  network.events.on('request:start', ({ request }) => {
    if (request.url.startsWith(TWILIO_INTELLIGENCE_BASE)) upstreamRequests.push(request);
  });
  beforeAll(() => network.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    network.resetHandlers();
    upstreamRequests.length = 0;
  });
  afterAll(() => network.close());
  return { network, upstreamRequests };
}

/** What a live server with an open loopback listener reports. */
export const liveStatus: ServerStatus = {
  mode: 'live',
  access: 'open',
  accountSidPrefix: 'AC0123\u2026',
  region: null,
  samples: [],
  drills: [],
  liveCall: null,
};
