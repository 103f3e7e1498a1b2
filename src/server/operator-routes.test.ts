import { describe, expect, it } from 'vitest';
import type { RequestHandler } from 'msw';
import { inProcessUpstream } from '../../tests/in-process-twilio';
import { failingOperatorLookup } from '../mocks/drill-handlers';
import { aiHandoff, seedConversation } from '../mocks/fixtures/conversations';
import { operatorResults } from '../mocks/fixtures/operator-results';
import { operators, operatorWithFailingLookup } from '../mocks/fixtures/operators';
import { plainDemoStatus } from '../mocks/fixtures/server-status';
import { handlers } from '../mocks/handlers';
import { createApp } from './app';
import { MAX_PAGE_TOKEN_LENGTH } from './relay-routes';

const status = plainDemoStatus;

/** The app over the emulated Twilio, with `twilio` handlers in front of it; `calls` lists what reached Twilio. */
function setup(ttlMs = 60_000, twilio: RequestHandler[] = []) {
  const calls: string[] = [];
  let clock = 1_000_000;
  const upstream = inProcessUpstream(() => [...twilio, ...handlers]);
  const app = createApp({
    upstream: { get: (path) => (calls.push(path), upstream.get(path)) },
    status,
    log: () => {},
    operatorCacheTtlMs: ttlMs,
    now: () => clock,
  });
  const get = async (path: string) => {
    const response = await app.request(path);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { calls, get, advance: (ms: number) => (clock += ms) };
}

describe('GET /api/v3/ControlPlane/Operators/:id', () => {
  const operator = operators[0]!;

  it('answers the definition and keeps it for a while without asking Twilio again', async () => {
    const { calls, get, advance } = setup(60_000);
    expect(await get(`/api/v3/ControlPlane/Operators/${operator.id}`)).toEqual({ status: 200, body: operator });
    expect(await get(`/api/v3/ControlPlane/Operators/${operator.id}`)).toEqual({ status: 200, body: operator });
    expect(calls).toHaveLength(1);
    advance(60_001);
    await get(`/api/v3/ControlPlane/Operators/${operator.id}`);
    expect(calls).toHaveLength(2);
  });

  it('does not cache a failed lookup', async () => {
    const { calls, get } = setup(60_000, [failingOperatorLookup]);
    expect((await get(`/api/v3/ControlPlane/Operators/${operatorWithFailingLookup}`)).status).toBe(500);
    expect((await get(`/api/v3/ControlPlane/Operators/${operatorWithFailingLookup}`)).status).toBe(500);
    expect(calls).toHaveLength(2);
  });

  it.each([
    'intelligence_operator_short',
    'intelligence_operatorresult_01kf3q9x1a2b3c4d5e6f7g8h9j',
    '..%2F..%2FConversations',
    'INTELLIGENCE_OPERATOR_01KD2B7M4S9T0V1W2X3Y4Z5A6B',
  ])('rejects %s with 400 before calling Twilio', async (id) => {
    const { calls, get } = setup();
    const answer = await get(`/api/v3/ControlPlane/Operators/${id}`);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(90400);
    expect(calls).toHaveLength(0);
  });

  it('passes a 404 through', async () => {
    const { get } = setup();
    const answer = await get('/api/v3/ControlPlane/Operators/intelligence_operator_00000000000000000000000000');
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe(20404);
  });
});

describe('GET /api/v3/OperatorResults?conversationId=', () => {
  const mine = operatorResults.filter((r) => r.conversationId === aiHandoff.id);

  it('lists one conversation\u2019s results and follows the opaque page tokens', async () => {
    const { calls, get } = setup();
    const first = await get(`/api/v3/OperatorResults?conversationId=${aiHandoff.id}&pageSize=3`);
    expect(first.status).toBe(200);
    const meta = first.body.meta as { nextToken: string; pageSize: number };
    expect(first.body.items).toEqual(mine.slice(0, 3));
    expect(meta.pageSize).toBe(3);
    const second = await get(
      `/api/v3/OperatorResults?conversationId=${aiHandoff.id}&pageSize=3&pageToken=${encodeURIComponent(meta.nextToken)}`,
    );
    expect(second.body.items).toEqual(mine.slice(3));
    expect((second.body.meta as { nextToken: unknown }).nextToken).toBeNull();
    expect(calls[1]).toBe(
      `/v3/OperatorResults?conversationId=${aiHandoff.id}&pageSize=3&pageToken=${encodeURIComponent(meta.nextToken)}`,
    );
  });

  it.each([
    ['base64 with padding', 'eyJvZmZzZXQiOjJ9=='],
    ['characters a URL must escape', 'a b&c=d%e+f/g?h#i'],
    ['a line break and non-ASCII', 'page\n2 \u00e9\u4e2d'],
    ['the longest allowed', 't'.repeat(MAX_PAGE_TOKEN_LENGTH)],
  ])('passes a page token on exactly as Twilio gave it (%s), URL-encoded', async (_label, token) => {
    const { calls, get } = setup();
    await get(`/api/v3/OperatorResults?conversationId=${seedConversation.id}&pageToken=${encodeURIComponent(token)}`);
    expect(calls).toHaveLength(1);
    const sent = new URL(calls[0]!, 'https://intelligence.twilio.com');
    expect(sent.searchParams.get('pageToken')).toBe(token);
    expect(calls[0]).not.toMatch(/[\s#]/);
  });

  it('forwards only the parameters it knows', async () => {
    const { calls, get } = setup();
    await get(`/api/v3/OperatorResults?conversationId=${seedConversation.id}&operatorId=x&evil=%0d%0a`);
    expect(calls).toEqual([`/v3/OperatorResults?conversationId=${seedConversation.id}`]);
  });

  it.each([
    ['no conversationId', '', 'Add ?conversationId='],
    ['a malformed conversationId', '?conversationId=conv_conversation_NOPE', 'Character 19 is "N"'],
    ['pageSize 0', `?conversationId=${seedConversation.id}&pageSize=0`, 'pageSize'],
    ['pageSize 1001', `?conversationId=${seedConversation.id}&pageSize=1001`, 'pageSize'],
    ['an empty pageToken', `?conversationId=${seedConversation.id}&pageToken=`, 'pageToken'],
    [
      'a pageToken longer than any Twilio gives',
      `?conversationId=${seedConversation.id}&pageToken=${'a'.repeat(MAX_PAGE_TOKEN_LENGTH + 1)}`,
      'pageToken must be from 1 to 2048 characters',
    ],
  ])('rejects %s with 400 before calling Twilio', async (_label, query, message) => {
    const { calls, get } = setup();
    const answer = await get(`/api/v3/OperatorResults${query}`);
    expect(answer.status).toBe(400);
    expect(String(answer.body.message)).toContain(message);
    expect(calls).toHaveLength(0);
  });
});
