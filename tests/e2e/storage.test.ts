import { describe, expect, inject, it } from 'vitest';

describe('the built server and its database', () => {
  it('answers health and readiness: the database was created and migrated from the bundled migrations', async () => {
    const base = inject('baseUrl');
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/api/ready`);
    expect(await ready.json()).toEqual({ ready: true });
    expect(ready.status).toBe(200);
  });
});
