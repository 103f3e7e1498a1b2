import { describe, expect, it } from 'vitest';
import { demoStatus } from '../../tests/bff-in-process';
import { emulatedUpstream } from '../../tests/in-process-twilio';
import { createApp } from './app';
import type { Readiness } from './db/storage';

const TOKEN = 'a-team-token-that-is-long-enough-1234567890';
const app = (readiness?: () => Promise<Readiness>, accessToken: string | null = null) =>
  createApp({ upstream: emulatedUpstream, status: demoStatus, log: () => {}, readiness, accessToken });

describe('GET /api/health', () => {
  it('answers 200 whatever the database does', async () => {
    const response = await app(() => new Promise<never>(() => {})).request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('GET /api/ready', () => {
  it('answers 200 when the database is ready', async () => {
    const response = await app(async () => ({ ready: true })).request('/api/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true });
  });

  it('answers 503 with the reason when it is not', async () => {
    const response = await app(async () => ({ ready: false, reason: 'The database is opening.' })).request('/api/ready');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ready: false, reason: 'The database is opening.' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 in a server built without a database', async () => {
    const response = await app().request('/api/ready');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ready: false, reason: 'This server runs without a database.' });
  });

  it('answers probes without sign-in, while the rest of the API still asks for it', async () => {
    const guarded = app(async () => ({ ready: true }), TOKEN);
    expect((await guarded.request('/api/health')).status).toBe(200);
    expect((await guarded.request('/api/ready')).status).toBe(200);
    expect((await guarded.request('/api/status')).status).toBe(401);
  });
});
