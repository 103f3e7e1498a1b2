import { http } from 'msw';
import { setupServer } from 'msw/node';
import type { ServerStatus } from '../src/api/status';
import { emulatorUpstream } from '../src/mocks/emulator-upstream';
import { createApp } from '../src/server/app';
import { demoDrills, demoSampleSummaries } from '../src/server/demo-samples';

export const demoStatus: ServerStatus = {
  mode: 'demo',
  access: 'open',
  accountSidPrefix: 'AC0000\u2026',
  region: null,
  samples: demoSampleSummaries,
  drills: demoDrills,
};

/** The real BFF app, answering the SPA's relative /api requests inside jsdom. */
const app = createApp({ upstream: emulatorUpstream, status: demoStatus, log: () => {} });

export const server = setupServer(http.all('/api/*', ({ request }) => app.fetch(request)));
