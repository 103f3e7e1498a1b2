import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { emulatedUpstream } from '../../tests/in-process-twilio';
import { plainDemoStatus } from '../mocks/fixtures/server-status';
import { createApp } from './app';
import { sameOriginWrites } from './same-origin-writes';

/** A write route of the kind a feature would add, behind the guard as createApp installs it. */
const app = new Hono();
app.use('*', sameOriginWrites);
app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '/api/reviews', (c) => c.json({ saved: true }));
app.get('/api/reviews', (c) => c.json({ reviews: [] }));

const write = (method: string, headers: Record<string, string>) =>
  app.request('/api/reviews', {
    method,
    headers: { Host: 'viewer.test', 'Content-Type': 'application/json', ...headers },
    body: '{}',
  });

describe('a request that changes something', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('%s is refused from another site', async (method) => {
    expect((await write(method, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await write(method, { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await write(method, { Origin: 'https://evil.example' })).status).toBe(403);
  });

  it('is refused when it says nowhere where it comes from', async () => {
    expect((await write('POST', {})).status).toBe(403);
    // What a browser sends on a form post under our no-referrer policy, without Sec-Fetch-Site: proves nothing.
    expect((await write('POST', { Origin: 'null' })).status).toBe(403);
    expect((await write('POST', { Origin: 'not a url' })).status).toBe(403);
  });

  it('is let through from this site’s own pages', async () => {
    expect((await write('POST', { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await write('DELETE', { 'Sec-Fetch-Site': 'same-origin', Origin: 'null' })).status).toBe(200);
    // An older browser: no Sec-Fetch-Site, but an Origin that names this host.
    expect((await write('PUT', { Origin: 'http://viewer.test' })).status).toBe(200);
  });

  it('judges by Sec-Fetch-Site when both are sent', async () => {
    expect((await write('POST', { 'Sec-Fetch-Site': 'cross-site', Origin: 'http://viewer.test' })).status).toBe(403);
  });

  it('answers the API in the v3 error shape, not to be kept', async () => {
    const response = await write('POST', {});
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ code: 90403, httpStatusCode: 403, userError: true });
  });

  it('leaves reads alone, with or without the headers', async () => {
    expect((await app.request('/api/reviews', { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(200);
    expect((await app.request('/api/reviews')).status).toBe(200);
  });
});

describe('the server', () => {
  it('guards every route, in open (loopback) mode too', async () => {
    const open = createApp({ upstream: emulatedUpstream, status: plainDemoStatus, log: () => {} });
    const response = await open.request('/api/status', { method: 'POST', headers: { Host: 'viewer.test' } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 90403 });
    const sameSite = await open.request('/api/status', { method: 'POST', headers: { 'Sec-Fetch-Site': 'same-origin' } });
    expect(sameSite.status).toBe(404);
  });
});
