import type { RequestHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { inProcessUpstream } from '../../tests/in-process-twilio';
import { MAX_PAGE_TOKEN_LENGTH } from '../api/list-query';
import { CONFIGURATIONS, configurations, CONVERSATION_CONFIGURATIONS } from '../mocks/fixtures/configurations';
import { OPERATORS } from '../mocks/fixtures/operator-results';
import { operators } from '../mocks/fixtures/operators';
import { plainDemoStatus } from '../mocks/fixtures/server-status';
import { twilioHandlers } from '../mocks/handlers';
import { createApp } from './app';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const twilio = twilioHandlers({ now: () => NOW });
const CALL_SID = 'CA1234567890abcdef1234567890abcdef';

/** The app over the emulated Twilio (with `extra` in front); `calls` lists the paths that reached Twilio. */
function setup(extra: RequestHandler[] = [], ttlMs = 60_000) {
  const calls: string[] = [];
  let clock = NOW;
  const upstream = inProcessUpstream(() => [...extra, ...twilio]);
  const app = createApp({
    upstream: { get: (path) => (calls.push(path), upstream.get(path)) },
    status: plainDemoStatus,
    log: () => {},
    operatorCacheTtlMs: ttlMs,
    now: () => clock,
  });
  const get = async (path: string) => {
    const response = await app.request(path);
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  };
  return { calls, get, advance: (ms: number) => (clock += ms) };
}

type Meta = { pageSize: number; nextToken?: string | null; previousToken?: string | null };

describe('GET /api/v3/Conversations: each filter becomes exactly the upstream query', () => {
  const op = OPERATORS;
  const support = CONFIGURATIONS.support.id;
  const sales = CONFIGURATIONS.sales.id;
  it.each([
    ['no filter', '', '/v3/Conversations'],
    ['status', 'status=INACTIVE', '/v3/Conversations?status=INACTIVE'],
    ['one channel', 'channels=WHATSAPP', '/v3/Conversations?channels=WHATSAPP'],
    [
      'channels, as repeated keys in a stable order',
      'channels=VOICE&channels=SMS',
      '/v3/Conversations?channels=SMS&channels=VOICE',
    ],
    ['a channel given twice, once', 'channels=SMS&channels=VOICE&channels=SMS', '/v3/Conversations?channels=SMS&channels=VOICE'],
    ['a Call SID', `channelId=${CALL_SID}`, `/v3/Conversations?channelId=${CALL_SID}`],
    [
      'a Message SID',
      'channelId=MMa7c3e9f1b5d2048e6a1c3b5d7f9e0a2c',
      '/v3/Conversations?channelId=MMa7c3e9f1b5d2048e6a1c3b5d7f9e0a2c',
    ],
    ['createdAtAfter alone', 'createdAtAfter=2026-11-01T08:00:00Z', '/v3/Conversations?createdAtAfter=2026-11-01T08%3A00%3A00Z'],
    [
      'createdAtBefore alone',
      'createdAtBefore=2026-11-01T08:00:00Z',
      '/v3/Conversations?createdAtBefore=2026-11-01T08%3A00%3A00Z',
    ],
    [
      'a date with an offset and milliseconds, in UTC to the second as the library sends it',
      'createdAtAfter=2026-11-01T09:30:15.750%2B01:30',
      '/v3/Conversations?createdAtAfter=2026-11-01T08%3A00%3A15Z',
    ],
    [
      'a window of exactly 31 days',
      'createdAtAfter=2026-10-01T00:00:00Z&createdAtBefore=2026-11-01T00:00:00Z',
      '/v3/Conversations?createdAtBefore=2026-11-01T00%3A00%3A00Z&createdAtAfter=2026-10-01T00%3A00%3A00Z',
    ],
    [
      'a conversation configuration',
      `conversationConfigurationId=${CONVERSATION_CONFIGURATIONS.voice}`,
      `/v3/Conversations?conversationConfigurationId=${CONVERSATION_CONFIGURATIONS.voice}`,
    ],
    [
      'intelligence configurations',
      `intelligenceConfigurationIds=${support}&intelligenceConfigurationIds=${sales}`,
      `/v3/Conversations?${[support, sales]
        .sort()
        .map((id) => `intelligenceConfigurationIds=${id}`)
        .join('&')}`,
    ],
    [
      'operators',
      `operatorIds=${op.sentiment}&operatorIds=${op.qa}`,
      `/v3/Conversations?${[op.sentiment, op.qa]
        .sort()
        .map((id) => `operatorIds=${id}`)
        .join('&')}`,
    ],
    ['a page size with leading zeros', 'pageSize=0050', '/v3/Conversations?pageSize=50'],
    [
      'every filter at once, in the library\u2019s order',
      `operatorIds=${op.csat}&channels=CHAT&status=CLOSED&pageSize=25&createdAtAfter=2026-11-20T00:00:00Z&conversationConfigurationId=${CONVERSATION_CONFIGURATIONS.default}&intelligenceConfigurationIds=${support}&channelId=${CALL_SID}&createdAtBefore=2026-11-30T00:00:00Z`,
      `/v3/Conversations?pageSize=25&createdAtBefore=2026-11-30T00%3A00%3A00Z&createdAtAfter=2026-11-20T00%3A00%3A00Z&status=CLOSED&channelId=${CALL_SID}&channels=CHAT&conversationConfigurationId=${CONVERSATION_CONFIGURATIONS.default}&intelligenceConfigurationIds=${support}&operatorIds=${op.csat}`,
    ],
  ])('%s', async (_label, query, upstream) => {
    const { calls, get } = setup();
    const answer = await get(`/api/v3/Conversations${query ? `?${query}` : ''}`);
    expect(answer.status).toBe(200);
    expect(calls).toEqual([upstream]);
  });

  it('sends one bound alone as it is, without inventing the other (the 31-day limit is between the two)', async () => {
    const { calls, get } = setup();
    expect((await get('/api/v3/Conversations?createdAtAfter=2025-01-01T00:00:00Z')).status).toBe(200);
    expect((await get('/api/v3/Conversations?createdAtBefore=2026-11-30T00:00:00Z')).status).toBe(200);
    expect(calls).toEqual([
      '/v3/Conversations?createdAtAfter=2025-01-01T00%3A00%3A00Z',
      '/v3/Conversations?createdAtBefore=2026-11-30T00%3A00%3A00Z',
    ]);
  });

  it('answers a bad value with 400 naming the parameter and what is allowed, without calling Twilio', async () => {
    const { calls, get } = setup();
    const window = await get('/api/v3/Conversations?createdAtAfter=2026-09-01T00:00:00Z&createdAtBefore=2026-11-01T00:00:00Z');
    expect(window).toMatchObject({
      status: 400,
      body: {
        code: 90402,
        httpStatusCode: 400,
        userError: true,
        params: { parameter: 'createdAtAfter' },
        message: "createdAtAfter and createdAtBefore may be at most 31 days apart (Twilio's limit); these are 61 days apart.",
      },
    });
    const channel = await get('/api/v3/Conversations?channels=FAX');
    expect(channel.body.message).toBe(
      'channels must be one of VOICE, SMS, RCS, EMAIL, WHATSAPP, CHAT, API or SYSTEM, not "FAX".',
    );
    const unknown = await get('/api/v3/Conversations?limit=10');
    expect(unknown.body.message).toBe(
      'Unknown parameter "limit": this list takes pageSize, pageToken, createdAtBefore, createdAtAfter, status, channelId, channels, conversationConfigurationId, intelligenceConfigurationIds or operatorIds.',
    );
    expect(calls).toEqual([]);
  });
});

describe('page tokens pass through untouched', () => {
  it.each([
    ['GET /api/v3/Conversations', '/api/v3/Conversations?status=CLOSED&', '/v3/Conversations'],
    ['GET /api/v3/ControlPlane/Operators', '/api/v3/ControlPlane/Operators?', '/v3/ControlPlane/Operators'],
    ['GET /api/v3/ControlPlane/Configurations', '/api/v3/ControlPlane/Configurations?', '/v3/ControlPlane/Configurations'],
  ])('%s', async (_route, bff, upstream) => {
    for (const token of ['eyJvZmZzZXQiOjJ9==', 'a b&c=d%e+f/g?h#i', 'page\n2 \u00e9\u4e2d', 't'.repeat(MAX_PAGE_TOKEN_LENGTH)]) {
      const { calls, get } = setup([], 0);
      await get(`${bff}pageToken=${encodeURIComponent(token)}`);
      expect(calls).toHaveLength(1);
      const sent = new URL(calls[0]!, 'https://intelligence.twilio.com');
      expect(sent.pathname).toBe(upstream);
      expect(sent.searchParams.get('pageToken')).toBe(token);
      expect(calls[0]).not.toMatch(/[\s#]/);
    }
  });

  it('walks every page of a filter with the tokens Twilio gave, forwards and back', async () => {
    const { calls, get } = setup();
    const base = '/api/v3/Conversations?status=CLOSED&channels=VOICE&channels=CHAT&pageSize=40';
    const pages: Array<Array<{ id: string }>> = [];
    let token: string | null | undefined;
    let previous: string | null | undefined;
    do {
      const answer = await get(token ? `${base}&pageToken=${encodeURIComponent(token)}` : base);
      expect(answer.status).toBe(200);
      pages.push(answer.body.items as Array<{ id: string }>);
      const meta = answer.body.meta as Meta;
      expect(meta.pageSize).toBe(pages.at(-1)!.length);
      previous = meta.previousToken;
      token = meta.nextToken;
    } while (token);
    expect(pages.length).toBeGreaterThan(2);
    const ids = pages.flat().map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const back = await get(`${base}&pageToken=${encodeURIComponent(previous!)}`);
    expect((back.body.items as Array<{ id: string }>).map((item) => item.id)).toEqual(pages.at(-2)!.map((item) => item.id));
    expect(calls.every((path) => path.startsWith('/v3/Conversations?pageSize=40'))).toBe(true);
  });
});

describe('GET /api/v3/ControlPlane/Operators and …/Configurations', () => {
  it.each([
    ['Operators', operators],
    ['Configurations', configurations],
  ])('list the %s and keep them a while, as the operator lookup does', async (name, all) => {
    const { calls, get, advance } = setup([], 60_000);
    const first = await get(`/api/v3/ControlPlane/${name}`);
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual(all);
    expect(await get(`/api/v3/ControlPlane/${name}`)).toMatchObject({ status: 200, body: first.body });
    expect(calls).toEqual([`/v3/ControlPlane/${name}`]);
    advance(60_001);
    await get(`/api/v3/ControlPlane/${name}`);
    expect(calls).toHaveLength(2);
  });

  it.each(['Operators', 'Configurations'])('page the %s by token', async (name) => {
    const { get } = setup();
    const first = await get(`/api/v3/ControlPlane/${name}?pageSize=2`);
    const meta = first.body.meta as Meta;
    expect(meta.pageSize).toBe(2);
    const second = await get(`/api/v3/ControlPlane/${name}?pageSize=2&pageToken=${encodeURIComponent(meta.nextToken!)}`);
    expect(second.status).toBe(200);
    expect((second.body.items as unknown[]).length).toBeGreaterThan(0);
    expect(second.body.items).not.toEqual(first.body.items);
  });

  it.each([
    [
      'a filter they do not have',
      'Operators?status=ACTIVE',
      'Unknown parameter "status": this list takes pageSize or pageToken.',
    ],
    ['a page size out of range', 'Configurations?pageSize=1001', 'pageSize must be a whole number from 1 to 1000.'],
    ['a page size given twice', 'Operators?pageSize=1&pageSize=2', 'pageSize may be given once'],
  ])('refuse %s with 400 before calling Twilio', async (_label, path, message) => {
    const { calls, get } = setup();
    const answer = await get(`/api/v3/ControlPlane/${path}`);
    expect(answer.status).toBe(400);
    expect(String(answer.body.message)).toContain(message);
    expect(calls).toEqual([]);
  });
});
