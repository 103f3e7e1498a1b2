import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getJson, keepEntityTag, retryDelayFromHeaders, UnexpectedShapeError } from './api-client';

describe('retryDelayFromHeaders', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('reads Retry-After in seconds', () => {
    expect(retryDelayFromHeaders(new Headers({ 'Retry-After': '3' }), now)).toBe(3000);
  });
  it('reads Retry-After as an HTTP date', () => {
    expect(retryDelayFromHeaders(new Headers({ 'Retry-After': 'Mon, 23 Nov 2026 12:00:05 GMT' }), now)).toBe(5000);
  });
  it('reads X-RateLimit-Reset as seconds from now', () => {
    expect(retryDelayFromHeaders(new Headers({ 'X-RateLimit-Reset': '2' }), now)).toBe(2000);
  });
  it('reads X-RateLimit-Reset as a Unix time when it is one', () => {
    expect(retryDelayFromHeaders(new Headers({ 'X-RateLimit-Reset': String(now / 1000 + 4) }), now)).toBe(4000);
  });
  it('prefers Retry-After and never goes negative', () => {
    expect(retryDelayFromHeaders(new Headers({ 'Retry-After': '1', 'X-RateLimit-Reset': '9' }), now)).toBe(1000);
    expect(retryDelayFromHeaders(new Headers({ 'X-RateLimit-Reset': String(now / 1000 - 10) }), now)).toBe(0);
  });
  it('says nothing when there is nothing to read', () => {
    expect(retryDelayFromHeaders(new Headers(), now)).toBeNull();
  });
});

describe('getJson re-reading what it holds', () => {
  const schema = { safeParse: (value: unknown) => ({ success: true as const, data: structuredClone(value) as { n: number } }) };
  const answers: Response[] = [];
  const requests: RequestInit[] = [];
  beforeEach(() => {
    answers.length = 0;
    requests.length = 0;
    vi.stubGlobal('fetch', (_path: string, init: RequestInit) => {
      requests.push(init);
      return Promise.resolve(answers.shift()!);
    });
  });
  afterEach(() => vi.unstubAllGlobals());
  const json = (body: unknown, etag: string) =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json', ETag: etag } });

  it('asks plainly the first time, then only for a change, and hands back what it holds on a 304 without reading a body', async () => {
    answers.push(json({ n: 1 }, '"one"'), new Response(null, { status: 304, headers: { ETag: '"one"' } }));
    const first = await getJson('/api/x', schema);
    expect(requests[0]).toEqual({ signal: undefined });
    const read = vi.spyOn(Response.prototype, 'json');
    const again = await getJson('/api/x', schema, undefined, first);
    expect(new Headers(requests[1]!.headers).get('if-none-match')).toBe('"one"');
    expect(again).toBe(first);
    expect(read).not.toHaveBeenCalled();
  });

  it('takes a changed answer and its new tag', async () => {
    answers.push(json({ n: 1 }, '"one"'), json({ n: 2 }, '"two"'), new Response(null, { status: 304 }));
    const first = await getJson('/api/x', schema);
    const changed = await getJson('/api/x', schema, undefined, first);
    expect(changed).toEqual({ n: 2 });
    await getJson('/api/x', schema, undefined, changed);
    expect(new Headers(requests[2]!.headers).get('if-none-match')).toBe('"two"');
  });

  it('asks plainly for a value it has no tag for, and refuses a 304 to that', async () => {
    answers.push(new Response(null, { status: 304 }));
    await expect(getJson('/api/x', schema, undefined, { n: 5 })).rejects.toBeInstanceOf(UnexpectedShapeError);
    expect(requests[0]).toEqual({ signal: undefined });
  });

  it('keeps a tag on a copy of the answer', async () => {
    answers.push(json({ n: 1 }, '"one"'), new Response(null, { status: 304 }));
    const copy = keepEntityTag(await getJson('/api/x', schema), { n: 1 });
    expect(await getJson('/api/x', schema, undefined, copy)).toBe(copy);
  });
});
