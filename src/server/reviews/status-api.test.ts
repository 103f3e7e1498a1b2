import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictBodySchema, historyPageSchema, reviewStatusesSchema, reviewStatusSchema } from '../../api/review-answers';
import { freshId } from '../db/testing/review-fixtures';
import { reviewApp, type ReviewApp } from './testing/review-app';

let api: ReviewApp;
beforeAll(async () => {
  api = await reviewApp();
});
afterAll(() => api.database.remove());

const statusPath = (conversationId: string) => `/api/reviews/conversations/${conversationId}/status`;

describe("a conversation's review status", () => {
  it('is set with the version read (0 for none yet); a stale write gets 409 naming who set it and when', async () => {
    const [ana, bo] = [api.person('Ana Lima'), api.person('Bo')];
    const conversationId = freshId('conversation');
    const set = await api.send('PUT', statusPath(conversationId), { as: ana, body: { status: 'in_review', expectedVersion: 0 } });
    expect(set.status).toBe(200);
    const first = reviewStatusSchema.parse(await set.json());
    expect(first).toMatchObject({ conversationId, status: 'in_review', updatedBy: { name: 'Ana Lima' }, version: 1, mine: true });

    const racing = await api.send('PUT', statusPath(conversationId), {
      as: bo,
      body: { status: 'reviewed', expectedVersion: 0 },
    });
    expect(racing.status).toBe(409);
    const body = conflictBodySchema(reviewStatusSchema).parse(await racing.json());
    expect(body.conflict).toEqual({
      version: 1,
      changedBy: { id: first.updatedBy!.id, name: 'Ana Lima' },
      changedAt: first.updatedAt,
      deleted: false,
      current: { ...first, mine: false },
    });
    const done = await api.send('PUT', statusPath(conversationId), { as: bo, body: { status: 'reviewed', expectedVersion: 1 } });
    expect(reviewStatusSchema.parse(await done.json())).toMatchObject({
      status: 'reviewed',
      updatedBy: { name: 'Bo' },
      version: 2,
    });
  });

  it('is read for many conversations at once, in the order asked, with "mine" and the counts of verdicts and notes', async () => {
    const [ana, bo] = [api.person('Ana Lima'), api.person('Bo')];
    const [mine, theirs, untouched] = [freshId('conversation'), freshId('conversation'), freshId('conversation')];
    await api.send('PUT', statusPath(mine), { as: ana, body: { status: 'needs_follow_up', expectedVersion: 0 } });
    await api.send('PUT', statusPath(theirs), { as: bo, body: { status: 'reviewed', expectedVersion: 0 } });
    const message = freshId('communication');
    for (const text of ['One.', 'Two.']) {
      await api.send('POST', `/api/reviews/conversations/${theirs}/notes`, {
        as: bo,
        body: { anchor: { firstCommunicationId: message, lastCommunicationId: message, passage: null }, text },
      });
    }
    const response = await api.send('GET', `/api/reviews/statuses?conversationIds=${untouched},${mine},${theirs},${mine}`, {
      as: ana,
    });
    expect(response.status).toBe(200);
    const { statuses } = reviewStatusesSchema.parse(await response.json());
    expect(statuses.map((s) => [s.conversationId, s.status, s.mine, s.updatedBy?.name ?? null, s.notes, s.verdicts])).toEqual([
      [untouched, 'not_reviewed', false, null, 0, 0],
      [mine, 'needs_follow_up', true, 'Ana Lima', 0, 0],
      [theirs, 'reviewed', false, 'Bo', 2, 0],
    ]);
  });

  it('refuses a batch that is empty, too long, or holds something that is not a conversation ID', async () => {
    const ids = Array.from({ length: 101 }, () => freshId('conversation'));
    for (const [query, message] of [
      ['', 'Add ?conversationIds= with the conversation IDs, separated by commas.'],
      [`?conversationIds=${ids.join(',')}`, 'Ask for at most 100 conversations at once.'],
      [`?conversationIds=${ids[0]},conv_conversation_BAD`, 'conversationIds: "conv_conversation_BAD": Character 19 is "B"'],
    ]) {
      const response = await api.send('GET', `/api/reviews/statuses${query}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toContain(message);
    }
  });
});

describe("a conversation's history", () => {
  it('lists every change (who, when, before and after), oldest first, a page at a time', async () => {
    const ana = api.person('Ana Lima');
    const conversationId = freshId('conversation');
    await api.send('PUT', statusPath(conversationId), { as: ana, body: { status: 'in_review', expectedVersion: 0 } });
    await api.send('PUT', statusPath(conversationId), { as: ana, body: { status: 'reviewed', expectedVersion: 1 } });
    const page = historyPageSchema.parse(
      await (await api.send('GET', `/api/reviews/conversations/${conversationId}/history`)).json(),
    );
    expect(page.next).toBeNull();
    expect(page.entries.map((e) => [e.entity, e.action, e.version, e.actor?.name])).toEqual([
      ['conversation_review', 'create', 1, 'Ana Lima'],
      ['conversation_review', 'update', 2, 'Ana Lima'],
    ]);
    expect(page.entries[1]).toMatchObject({ before: { status: 'in_review' }, after: { status: 'reviewed' } });
    const rest = historyPageSchema.parse(
      await (await api.send('GET', `/api/reviews/conversations/${conversationId}/history?after=${page.entries[0]!.id}`)).json(),
    );
    expect(rest.entries.map((e) => e.id)).toEqual([page.entries[1]!.id]);
    expect((await api.send('GET', `/api/reviews/conversations/${conversationId}/history?after=x`)).status).toBe(400);
  });

  it('pages with ?limit=, offering a next page only when there is one', async () => {
    const ana = api.person('Ana Lima');
    const conversationId = freshId('conversation');
    for (const [version, status] of ['in_review', 'reviewed', 'needs_follow_up'].entries()) {
      await api.send('PUT', statusPath(conversationId), { as: ana, body: { status, expectedVersion: version } });
    }
    const read = async (query: string) =>
      historyPageSchema.parse(
        await (await api.send('GET', `/api/reviews/conversations/${conversationId}/history?${query}`)).json(),
      );
    const first = await read('limit=2');
    expect(first.entries.map((e) => e.version)).toEqual([1, 2]);
    expect(first.next).toBe(first.entries[1]!.id);
    const last = await read(`limit=1&after=${first.next}`);
    expect(last.entries.map((e) => e.version)).toEqual([3]);
    // The last page is full, yet nothing follows it.
    expect(last.next).toBeNull();
    for (const limit of ['0', '501', 'x', '-1']) {
      const answer = await api.send('GET', `/api/reviews/conversations/${conversationId}/history?limit=${limit}`);
      expect(answer.status).toBe(400);
      expect(await answer.text()).toContain('?limit= must be a whole number from 1 to 500.');
    }
  });
});
