import { describe, expect, it } from 'vitest';
import { emulatedUpstream } from '../../tests/in-process-twilio';
import { seedConversation } from '../mocks/fixtures/conversations';
import { operatorResults } from '../mocks/fixtures/operator-results';
import { operators, operatorWithFailingLookup } from '../mocks/fixtures/operators';
import { plainDemoStatus } from '../mocks/fixtures/server-status';
import { createApp, serverTimingHeader } from './app';
import { UpstreamUnavailable, type Upstream } from './upstream-contract';

const ACCESS_TOKEN = 'correct-horse-battery-staple-0123456789';
const status = plainDemoStatus;
/** How long the fake Twilio takes to answer: long enough to tell apart from the BFF's own time. */
const UPSTREAM_DELAY_MS = 40;
const WELL_FORMED = /^upstream;dur=(\d+(?:\.\d{1,2})?), app;dur=(\d+(?:\.\d{1,2})?)$/;

const slowUpstream: Upstream = {
  get: async (path) => {
    await new Promise((resolve) => setTimeout(resolve, UPSTREAM_DELAY_MS));
    return emulatedUpstream.get(path);
  },
};

const appWith = (upstream: Upstream, accessToken: string | null = null) =>
  createApp({ upstream, status, log: () => {}, accessToken });

/** The two durations of a response's Server-Timing header, after checking its whole shape. */
function timingOf(response: Response): { upstream: number; app: number } {
  const header = response.headers.get('server-timing');
  expect(header).toMatch(WELL_FORMED);
  const [, upstream, app] = WELL_FORMED.exec(header!)!;
  return { upstream: Number(upstream), app: Number(app) };
}

const result = operatorResults[0]!;
const operator = operators.find((o) => o.id !== operatorWithFailingLookup)!;

describe('Server-Timing', () => {
  it.each([
    ['a conversation', `/api/v3/Conversations/${seedConversation.id}`],
    ['an operator result', `/api/v3/OperatorResults/${result.id}`],
    ['an operator', `/api/v3/ControlPlane/Operators/${operator.id}`],
  ])('splits the time of %s into awaiting Twilio and the BFF’s own', async (_label, path) => {
    const response = await appWith(slowUpstream).request(path);
    expect(response.status).toBe(200);
    const timing = timingOf(response);
    // Timers can fire a little early by performance.now(); the split is what matters.
    expect(timing.upstream).toBeGreaterThanOrEqual(UPSTREAM_DELAY_MS - 5);
    expect(timing.app).toBeLessThan(timing.upstream);
  });

  it('says upstream;dur=0 when the answer came from the cache', async () => {
    const app = appWith(slowUpstream);
    const path = `/api/v3/ControlPlane/Operators/${operator.id}`;
    await app.request(path);
    expect(timingOf(await app.request(path)).upstream).toBe(0);
  });

  it.each([
    ['the status', '/api/status', 200],
    ['an invalid ID', '/api/v3/Conversations/not-an-id', 400],
    ['an unknown API route', '/api/nowhere', 404],
  ])('is on %s too, with nothing awaited', async (_label, path, code) => {
    const response = await appWith(slowUpstream).request(path);
    expect(response.status).toBe(code);
    expect(timingOf(response).upstream).toBe(0);
  });

  it('times the wait when Twilio cannot be reached', async () => {
    const unreachable: Upstream = {
      get: async () => {
        await new Promise((resolve) => setTimeout(resolve, UPSTREAM_DELAY_MS));
        throw new UpstreamUnavailable('unreachable', 'ECONNREFUSED 10.0.0.1:443 with secret detail');
      },
    };
    const response = await appWith(unreachable).request(`/api/v3/Conversations/${seedConversation.id}`);
    expect(response.status).toBe(502);
    const header = response.headers.get('server-timing')!;
    expect(timingOf(response).upstream).toBeGreaterThanOrEqual(UPSTREAM_DELAY_MS - 5);
    expect(header).not.toMatch(/ECONN|10\.0\.0\.1|secret/);
  });

  it('holds durations only: no IDs, paths, descriptions or credentials', async () => {
    const path = `/api/v3/Conversations/${seedConversation.id}`;
    const header = (await appWith(slowUpstream).request(path)).headers.get('server-timing')!;
    // Exactly two metrics, each a name and a duration: no `desc=` that could carry text.
    expect(header.split(', ').map((metric) => metric.split(';')[0])).toEqual(['upstream', 'app']);
    expect(header).not.toContain('desc');
    expect(header).not.toContain(seedConversation.id);
    expect(header).not.toMatch(/AC[0-9a-f]{4}|twilio|\/v3\//i);
  });

  it('is not sent on a request the access check refuses, so it cannot time the token comparison', async () => {
    const app = appWith(slowUpstream, ACCESS_TOKEN);
    const refused = await app.request(`/api/v3/Conversations/${seedConversation.id}`, {
      headers: { Authorization: 'Bearer wrong-token' },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('server-timing')).toBeNull();
    const allowed = await app.request(`/api/v3/Conversations/${seedConversation.id}`, {
      headers: { Authorization: `Bearer ${ACCESS_TOKEN}` },
    });
    expect(allowed.status).toBe(200);
    timingOf(allowed);
  });

  it('rounds to hundredths of a millisecond and never goes below zero', () => {
    expect(serverTimingHeader(1.23456, 0.0049)).toBe('upstream;dur=1.23, app;dur=0');
    expect(serverTimingHeader(0, -0.001)).toBe('upstream;dur=0, app;dur=0');
  });
});
