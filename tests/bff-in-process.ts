import { http } from 'msw';
import { setupServer } from 'msw/node';
import type { ServerStatus } from '../src/api/status';
import { handlers } from '../src/mocks/handlers';
import { createApp } from '../src/server/app';
import { demoDrills, demoLiveCall, demoSampleSummaries } from '../src/server/demo-samples';
import { inProcessUpstream } from './in-process-twilio';

export const demoStatus: ServerStatus = {
  mode: 'demo',
  access: 'open',
  accountSidPrefix: 'AC0000\u2026',
  region: null,
  samples: demoSampleSummaries,
  drills: demoDrills,
  liveCall: demoLiveCall,
};

/**
 * The real BFF app, answering the SPA's relative /api requests inside jsdom, and the emulated Twilio
 * behind it. A test overrides either with `server.use(...)`: a BFF answer on `/api/...`, or Twilio's
 * on `${TWILIO_V3}/...` (src/mocks/twilio-http.ts), which the BFF then handles as it would live.
 */
const app = createApp({ upstream: inProcessUpstream(() => server.listHandlers()), status: demoStatus, log: () => {} });

export const server = setupServer(
  http.all('/api/*', ({ request }) => app.fetch(request)),
  ...handlers,
);
