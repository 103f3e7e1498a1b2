import { describe, expect, it } from 'vitest';
import { coalescingUpstream } from './coalescing-upstream';
import { UpstreamUnavailable, type UpstreamResponse } from './upstream-contract';

function fakeUpstream(answers: Array<UpstreamResponse | Error>) {
  const calls: string[] = [];
  const releases: Array<() => void> = [];
  return {
    calls,
    release: () => releases.splice(0).forEach((release) => release()),
    upstream: {
      get: (path: string) => {
        calls.push(path);
        const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!;
        return new Promise<UpstreamResponse>((resolve, reject) =>
          releases.push(() => (answer instanceof Error ? reject(answer) : resolve(answer))),
        );
      },
    },
  };
}

const ok: UpstreamResponse = { status: 200, body: { id: 1 }, headers: {} };
const limited: UpstreamResponse = { status: 429, body: { code: 20429 }, headers: { 'retry-after': '1' } };

describe('coalescingUpstream', () => {
  it('sends one request for identical concurrent GETs and gives every caller the answer', async () => {
    const fake = fakeUpstream([ok]);
    const upstream = coalescingUpstream(fake.upstream, { ttlMs: 0 });
    const waiting = Array.from({ length: 20 }, () => upstream.get('/v3/Conversations/a'));
    fake.release();
    expect(await Promise.all(waiting)).toEqual(Array(20).fill(ok));
    expect(fake.calls).toHaveLength(1);
  });

  it('keeps different paths apart', async () => {
    const fake = fakeUpstream([ok]);
    const upstream = coalescingUpstream(fake.upstream, { ttlMs: 0 });
    const both = Promise.all([upstream.get('/a'), upstream.get('/b')]);
    fake.release();
    await both;
    expect(fake.calls).toEqual(['/a', '/b']);
  });

  it('keeps a success for the time to live, then asks again', async () => {
    let clock = 0;
    const fake = fakeUpstream([ok]);
    const upstream = coalescingUpstream(fake.upstream, { ttlMs: 3000, now: () => clock });
    const first = upstream.get('/a');
    fake.release();
    await first;
    clock = 2999;
    expect(await upstream.get('/a')).toBe(ok);
    expect(fake.calls).toHaveLength(1);
    clock = 3000;
    const third = upstream.get('/a');
    fake.release();
    await third;
    expect(fake.calls).toHaveLength(2);
  });

  it('never keeps a failure: a 429 or an unreachable upstream is asked again next time', async () => {
    const fake = fakeUpstream([limited, new UpstreamUnavailable('unreachable', 'ECONNRESET'), ok]);
    const upstream = coalescingUpstream(fake.upstream, { ttlMs: 60_000 });
    const a = upstream.get('/a');
    fake.release();
    expect(await a).toBe(limited);
    const b = Promise.all([upstream.get('/a'), upstream.get('/a')]);
    fake.release();
    await expect(b).rejects.toBeInstanceOf(UpstreamUnavailable);
    const c = upstream.get('/a');
    fake.release();
    expect(await c).toBe(ok);
    expect(fake.calls).toHaveLength(3);
  });
});
