import { describe, expect, it } from 'vitest';
import { liveStatus } from '../../tests/twilio-network';
import { activeCall } from '../mocks/fixtures/conversations';
import { createApp } from './app';
import { coalescingUpstream } from './coalescing-upstream';
import type { UpstreamResponse } from './upstream-contract';

const CACHE_MS = 3_000;
const path = `/api/v3/Conversations/${activeCall.id}`;

/** Twilio answering with whatever `twilio.answer` is now; the BFF in front of it with its 3 s cache on a test clock. */
function bffOverTwilio() {
  const twilio = { answer: { status: 200, body: activeCall, headers: {} } as UpstreamResponse, calls: 0, now: 0 };
  const upstream = coalescingUpstream(
    {
      get: async () => {
        twilio.calls++;
        // A fresh object each time, as a real upstream call parses a fresh body.
        return structuredClone(twilio.answer);
      },
    },
    { ttlMs: CACHE_MS, now: () => twilio.now },
  );
  const app = createApp({ upstream, status: liveStatus, log: () => {} });
  const get = async (etag?: string) => {
    const response = await app.request(path, { headers: etag ? { 'If-None-Match': etag } : {} });
    return { response, text: await response.text(), etag: response.headers.get('etag') };
  };
  return { twilio, get };
}

const grown = { ...activeCall, communications: [...activeCall.communications, { ...activeCall.communications[0]!, id: 'x' }] };

describe('re-reading a conversation with If-None-Match', () => {
  it('answers 304 without a body when the client holds what Twilio answered', async () => {
    const { get } = bffOverTwilio();
    const first = await get();
    expect(first.response.status).toBe(200);
    expect(first.etag).toMatch(/^"[\w-]+"$/);
    expect(JSON.parse(first.text)).toEqual(activeCall);

    const again = await get(first.etag!);
    expect(again.response.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.etag).toBe(first.etag);
    expect(again.response.headers.get('cache-control')).toBe('no-store');
    expect(again.response.headers.get('server-timing')).toMatch(/^upstream;dur=[\d.]+, app;dur=[\d.]+$/);
  });

  it('answers 304 for a later upstream answer with the same body, once the cache has expired', async () => {
    const { twilio, get } = bffOverTwilio();
    const first = await get();
    twilio.now += CACHE_MS;
    const again = await get(first.etag!);
    expect(twilio.calls).toBe(2);
    expect(again.response.status).toBe(304);
  });

  it('answers 200 with the new body and a new tag when the conversation changed', async () => {
    const { twilio, get } = bffOverTwilio();
    const first = await get();
    twilio.answer = { ...twilio.answer, body: grown };
    twilio.now += CACHE_MS;
    const changed = await get(first.etag!);
    expect(changed.response.status).toBe(200);
    expect(JSON.parse(changed.text)).toEqual(grown);
    expect(changed.etag).not.toBe(first.etag);
    expect((await get(changed.etag!)).response.status).toBe(304);
  });

  it('never answers 304 for a tag of an answer whose cache entry has expired and that Twilio has since changed', async () => {
    const { twilio, get } = bffOverTwilio();
    const first = await get();
    twilio.answer = { ...twilio.answer, body: grown };
    // Within the cache's 3 s the BFF answers from its cache, for everyone alike, a 304 included.
    twilio.now += CACHE_MS - 1;
    expect((await get(first.etag!)).response.status).toBe(304);
    expect(twilio.calls).toBe(1);
    // From the moment the entry expires, Twilio is asked again and the old tag no longer matches.
    twilio.now += 1;
    const after = await get(first.etag!);
    expect(twilio.calls).toBe(2);
    expect(after.response.status).toBe(200);
    expect(JSON.parse(after.text)).toEqual(grown);
  });

  it('matches the tag in a list, weak or not, and ignores other tags', async () => {
    const { get } = bffOverTwilio();
    const { etag } = await get();
    expect((await get(`"elsewhere", W/${etag}`)).response.status).toBe(304);
    expect((await get('"elsewhere"')).response.status).toBe(200);
  });

  it('passes errors through whatever the client holds, and tags none of them', async () => {
    const { twilio, get } = bffOverTwilio();
    const { etag } = await get();
    twilio.answer = {
      status: 429,
      body: { code: 20429, message: 'Too Many Requests', httpStatusCode: 429, userError: true },
      headers: { 'retry-after': '7' },
    };
    twilio.now += CACHE_MS;
    const limited = await get(etag!);
    expect(limited.response.status).toBe(429);
    expect(limited.response.headers.get('retry-after')).toBe('7');
    expect(limited.etag).toBeNull();
  });
});
