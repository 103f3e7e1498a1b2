import { describe, expect, it } from 'vitest';
import { twilioAnswer } from '../../tests/ask-twilio';
import { conversationPageSchema, type ConversationListItem } from '../api/conversation';
import { CONFIGURATIONS, CONVERSATION_CONFIGURATIONS } from './fixtures/configurations';
import { activeCall, seedConversation, smsThread, whatsappOrder } from './fixtures/conversations';
import { demoAccount } from './fixtures/demo-account';
import { OPERATORS } from './fixtures/operator-results';
import { twilioHandlers } from './handlers';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const DAY = 86_400_000;
const handlers = twilioHandlers({ now: () => NOW });
const account = demoAccount({ now: NOW });
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

type Page = { items: ConversationListItem[]; meta: { pageSize: number; nextToken: string | null; previousToken: string | null } };

async function list(query: string): Promise<{ status: number; body: Page & { code?: number; message?: string } }> {
  const answer = await twilioAnswer(handlers, `/v3/Conversations${query ? `?${query}` : ''}`);
  return answer as { status: number; body: Page & { code?: number; message?: string } };
}

/** Every item of a filter, following `nextToken` to the end with the same filters. */
async function walk(filters: string, pageSize: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let token: string | null = null;
  let pages = 0;
  do {
    const query = [filters, `pageSize=${pageSize}`, token ? `pageToken=${encodeURIComponent(token)}` : '']
      .filter(Boolean)
      .join('&');
    const { status, body } = await list(query);
    expect(status, body.message).toBe(200);
    expect(conversationPageSchema.safeParse(body).success).toBe(true);
    expect(body.meta.pageSize).toBe(body.items.length);
    expect(body.items.length).toBeLessThanOrEqual(pageSize);
    ids.push(...body.items.map((item) => item.id));
    token = body.meta.nextToken;
    pages++;
  } while (token && pages < 100);
  return { ids, pages };
}

const expected = (keep: (c: ConversationListItem) => boolean) => account.listed.filter(keep).map((c) => c.id);
const ranAny = (c: ConversationListItem, ids: string[]) => ids.some((id) => account.operatorsRan(c.id).has(id));

describe('GET /v3/Conversations (emulated)', () => {
  it('lists the whole account newest first, as list items without messages', async () => {
    const { ids, pages } = await walk('', 1000);
    expect(pages).toBe(1);
    expect(ids).toEqual(account.listed.map((c) => c.id));
    const { body } = await list('pageSize=1000');
    const created = body.items.map((item) => Date.parse(item.createdAt));
    for (let i = 1; i < created.length; i++) expect(created[i]!, `item ${i}`).toBeLessThanOrEqual(created[i - 1]!);
    expect(body.items.some((item) => 'communications' in item)).toBe(false);
  });

  it('answers 50 items by default, with a token for the next page and none for the previous', async () => {
    const { body } = await list('');
    expect(body.items).toHaveLength(50);
    expect(body.meta).toMatchObject({ key: 'items', pageSize: 50, previousToken: null });
    expect(typeof body.meta.nextToken).toBe('string');
  });

  const support = CONFIGURATIONS.support.id;
  const aiReview = CONFIGURATIONS.aiReview.id;
  const after = NOW - 20 * DAY;
  const before = NOW - 5 * DAY;
  it.each<[string, string, (c: ConversationListItem) => boolean]>([
    ['status', 'status=INACTIVE', (c) => c.status === 'INACTIVE'],
    ['one channel', 'channels=EMAIL', (c) => c.channels.includes('EMAIL')],
    ['channels, OR', 'channels=SMS&channels=RCS', (c) => c.channels.includes('SMS') || c.channels.includes('RCS')],
    ['a channel ID', `channelId=${whatsappOrder.channelIds[0]}`, (c) => c.id === whatsappOrder.id],
    ['one of several channel IDs', `channelId=${smsThread.channelIds[1]}`, (c) => c.id === smsThread.id],
    ['createdAtAfter (inclusive)', `createdAtAfter=${iso(after)}`, (c) => Date.parse(c.createdAt) >= after],
    ['createdAtBefore (exclusive)', `createdAtBefore=${iso(before)}`, (c) => Date.parse(c.createdAt) < before],
    [
      'a window',
      `createdAtAfter=${iso(after)}&createdAtBefore=${iso(before)}`,
      (c) => Date.parse(c.createdAt) >= after && Date.parse(c.createdAt) < before,
    ],
    [
      'a conversation configuration',
      `conversationConfigurationId=${CONVERSATION_CONFIGURATIONS.voice}`,
      (c) => c.conversationConfigurationId === CONVERSATION_CONFIGURATIONS.voice,
    ],
    [
      'intelligence configurations, OR',
      `intelligenceConfigurationIds=${aiReview}&intelligenceConfigurationIds=${CONFIGURATIONS.sales.id}`,
      (c) =>
        c.intelligenceConfigurationIds.includes(aiReview) || c.intelligenceConfigurationIds.includes(CONFIGURATIONS.sales.id),
    ],
    ['an operator that ran', `operatorIds=${OPERATORS.csat}`, (c) => ranAny(c, [OPERATORS.csat])],
    [
      'operators, OR',
      `operatorIds=${OPERATORS.compliance}&operatorIds=${OPERATORS.entities}`,
      (c) => ranAny(c, [OPERATORS.compliance, OPERATORS.entities]),
    ],
    [
      'everything at once, AND across parameters',
      `status=CLOSED&channels=VOICE&channels=CHAT&intelligenceConfigurationIds=${support}&operatorIds=${OPERATORS.sentiment}&createdAtAfter=${iso(NOW - 30 * DAY)}`,
      (c) =>
        c.status === 'CLOSED' &&
        (c.channels.includes('VOICE') || c.channels.includes('CHAT')) &&
        c.intelligenceConfigurationIds.includes(support) &&
        ranAny(c, [OPERATORS.sentiment]) &&
        Date.parse(c.createdAt) >= NOW - 30 * DAY,
    ],
  ])('filters by %s, and paging through it gives exactly the filtered account', async (_label, query, keep) => {
    const want = expected(keep);
    expect(want.length, 'the filter matches something').toBeGreaterThan(0);
    expect(want.length, 'the filter leaves something out').toBeLessThan(account.listed.length);
    const { ids, pages } = await walk(query, 7);
    expect(ids).toEqual(want);
    expect(pages).toBe(Math.max(1, Math.ceil(want.length / 7)));
  });

  it('finds the conversation of a Call SID, and none for an unknown one', async () => {
    expect((await list(`channelId=${seedConversation.channelIds[0]}`)).body.items.map((c) => c.id)).toEqual([
      seedConversation.id,
    ]);
    expect((await list(`channelId=${activeCall.channelIds[0]}`)).body.items.map((c) => c.id)).toEqual([activeCall.id]);
    expect((await list('channelId=CAffffffffffffffffffffffffffffffff')).body.items).toEqual([]);
  });

  it('keeps conversations whose operator ran, whichever configuration ran it', async () => {
    const { body } = await list(`operatorIds=${OPERATORS.qa}&pageSize=1000`);
    expect(body.items.length).toBeGreaterThan(10);
    for (const item of body.items) {
      const results = account.resultsOf(item.id);
      expect(
        results.some((r) => r.operator.id === OPERATORS.qa),
        item.id,
      ).toBe(true);
    }
  });

  it('walks back with previousToken', async () => {
    const first = await list('status=CLOSED&pageSize=10');
    const second = await list(`status=CLOSED&pageSize=10&pageToken=${encodeURIComponent(first.body.meta.nextToken!)}`);
    const back = await list(`status=CLOSED&pageSize=10&pageToken=${encodeURIComponent(second.body.meta.previousToken!)}`);
    expect(back.body.items).toEqual(first.body.items);
    expect(second.body.items[0]).toEqual(account.listed.filter((c) => c.status === 'CLOSED')[10]);
  });

  it('binds a token to its filters: another filter gets a 400, another page size does not', async () => {
    const token = encodeURIComponent((await list('status=CLOSED&channels=VOICE&pageSize=5')).body.meta.nextToken!);
    expect((await list(`status=CLOSED&channels=VOICE&pageSize=5&pageToken=${token}`)).status).toBe(200);
    expect((await list(`channels=VOICE&status=CLOSED&pageSize=20&pageToken=${token}`)).status).toBe(200);
    for (const other of ['status=ACTIVE&channels=VOICE', 'status=CLOSED', 'status=CLOSED&channels=VOICE&channels=SMS', '']) {
      const answer = await list(`${other}&pageSize=5&pageToken=${token}`);
      expect(answer.status, other).toBe(400);
      expect(answer.body).toMatchObject({ code: 20001, httpStatusCode: 400 });
      expect(answer.body.message).toContain('different query');
    }
    const operators = encodeURIComponent(
      ((await twilioAnswer(handlers, '/v3/ControlPlane/Operators?pageSize=2')).body as Page).meta.nextToken!,
    );
    expect((await list(`pageToken=${operators}`)).status).toBe(400);
  });

  it.each([
    ['31 days and a second', `createdAtAfter=2026-10-01T00:00:00Z&createdAtBefore=2026-11-01T00:00:01Z`, 'is 31 days'],
    ['an inverted window', `createdAtAfter=2026-11-02T00:00:00Z&createdAtBefore=2026-11-01T00:00:00Z`, 'later than'],
    ['a date that does not parse', 'createdAtAfter=soon', 'Invalid date-time'],
    ['an unknown status', 'status=closed', 'status'],
    ['an unknown channel', 'channels=VOICE&channels=FAX', 'channels'],
    ['a page size of 0', 'pageSize=0', 'pageSize'],
    ['a page size of 1001', 'pageSize=1001', 'pageSize'],
    ['a token that is not one', 'pageToken=not-a-token', 'Invalid pageToken'],
  ])('answers Twilio\u2019s 400 for %s', async (_label, query, message) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 20001, httpStatusCode: 400, userError: true });
    expect(body.message).toContain(message);
  });

  it('accepts a window of exactly 31 days, and one bound alone of any age', async () => {
    expect((await list(`createdAtAfter=${iso(NOW - 31 * DAY)}&createdAtBefore=${iso(NOW)}`)).status).toBe(200);
    const old = await list(`createdAtBefore=${iso(NOW - 60 * DAY)}&pageSize=1000`);
    expect(old.status).toBe(200);
    expect(old.body.items.map((c) => c.id)).toEqual(expected((c) => Date.parse(c.createdAt) < NOW - 60 * DAY));
  });
});

describe('GET /v3/ControlPlane/Operators and /Configurations (emulated)', () => {
  it.each(['Operators', 'Configurations'])('pages the %s', async (name) => {
    const all = ((await twilioAnswer(handlers, `/v3/ControlPlane/${name}`)).body as Page).items;
    const ids: unknown[] = [];
    let token: string | null = null;
    do {
      const page = (
        await twilioAnswer(
          handlers,
          `/v3/ControlPlane/${name}?pageSize=3${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`,
        )
      ).body as Page;
      expect(page.meta.pageSize).toBe(page.items.length);
      ids.push(...page.items);
      token = page.meta.nextToken;
    } while (token);
    expect(ids).toEqual(all);
    expect(all.length).toBeGreaterThan(3);
  });
});
