import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addReviewer, freshId, written } from '../testing/review-fixtures';
import { openTestDatabase, type TestDatabase } from '../testing/test-database';
import { reviewOfConversation, reviewsOfConversations, setReviewStatus } from './conversation-reviews';
import { historyOfConversation, historyOfRecord } from './history';
import { ensureReviewer, reviewerById, type Reviewer } from './reviewers';

let database: TestDatabase;
let ana: Reviewer;
let ben: Reviewer;
beforeAll(async () => {
  database = await openTestDatabase();
  ana = await addReviewer(database.db, { name: 'Ana' });
  ben = await addReviewer(database.db, { name: 'Ben' });
});
afterAll(() => database.remove());

describe('review status', () => {
  it('is "not reviewed" at version 0 until someone sets it, then says who and when', async () => {
    const db = database.db;
    const conversationId = freshId('conversation');
    expect(await reviewOfConversation(db, conversationId)).toEqual({
      conversationId,
      status: 'not_reviewed',
      updatedBy: null,
      updatedAt: null,
      version: 0,
    });
    const inReview = written(await setReviewStatus(db, ana.id, 0, { conversationId, status: 'in_review' }));
    expect(inReview).toMatchObject({ status: 'in_review', updatedBy: { id: ana.id, name: 'Ana' }, version: 1 });
    const reviewed = written(await setReviewStatus(db, ben.id, 1, { conversationId, status: 'reviewed' }));
    expect(await reviewOfConversation(db, conversationId)).toEqual(reviewed);
    expect(reviewed).toMatchObject({ status: 'reviewed', updatedBy: { id: ben.id, name: 'Ben' }, version: 2 });
    const history = await historyOfConversation(db, conversationId);
    expect(history.map((entry) => [entry.action, entry.actor?.name, (entry.after as { status: string }).status])).toEqual([
      ['create', 'Ana', 'in_review'],
      ['update', 'Ben', 'reviewed'],
    ]);
  });

  it('gives one of two first markings a success and the other a conflict naming the first', async () => {
    const db = database.db;
    const conversationId = freshId('conversation');
    const outcomes = await Promise.all([
      setReviewStatus(db, ana.id, 0, { conversationId, status: 'reviewed' }),
      setReviewStatus(db, ben.id, 0, { conversationId, status: 'needs_follow_up' }),
    ]);
    const winner = outcomes.find((o) => o.ok);
    const loser = outcomes.find((o) => !o.ok);
    expect(winner && loser).toBeTruthy();
    expect(loser).toMatchObject({ ok: false, problem: 'conflict', current: { version: 1, deleted: false } });
    expect((await historyOfRecord(db, 'conversation_review', conversationId)).length).toBe(1);
  });

  it('reads many conversations at once for an inbox page, and validates its input', async () => {
    const db = database.db;
    const [a, b] = [freshId('conversation'), freshId('conversation')];
    written(await setReviewStatus(db, ana.id, 0, { conversationId: a, status: 'needs_follow_up' }));
    const found = await reviewsOfConversations(db, [a, b, 'not an id']);
    expect([...found.keys()]).toEqual([a, b]);
    expect(found.get(a)?.status).toBe('needs_follow_up');
    expect(found.get(b)?.status).toBe('not_reviewed');
    expect(await setReviewStatus(db, ana.id, 0, { conversationId: b, status: 'done' })).toMatchObject({
      ok: false,
      problem: 'invalid',
    });
    expect(await setReviewStatus(db, ana.id, 1.5, { conversationId: b, status: 'reviewed' })).toMatchObject({
      ok: false,
      problem: 'invalid',
    });
    // A version that was never there: not found, and nothing written.
    expect(await setReviewStatus(db, ana.id, 3, { conversationId: b, status: 'reviewed' })).toEqual({
      ok: false,
      problem: 'not_found',
    });
    expect(await reviewOfConversation(db, b)).toMatchObject({ status: 'not_reviewed', version: 0 });
    expect(await historyOfConversation(db, b)).toEqual([]);
  });
});

describe('reviewers', () => {
  it('are created on first sight, kept by source and subject, and updated when their details change', async () => {
    const db = database.db;
    const identity = {
      source: 'token',
      subject: 'dana@example.com',
      name: 'Dana',
      email: 'dana@example.com',
      role: 'viewer',
    } as const;
    const first = written(await ensureReviewer(db, identity));
    expect(written(await ensureReviewer(db, identity))).toEqual(first);
    const promoted = written(await ensureReviewer(db, { ...identity, role: 'reviewer', name: 'Dana K.' }));
    expect(promoted).toMatchObject({ id: first.id, role: 'reviewer', name: 'Dana K.', version: 2 });
    expect(await reviewerById(db, first.id)).toEqual(promoted);
    const other = written(await ensureReviewer(db, { ...identity, source: 'proxy' }));
    expect(other.id).not.toBe(first.id);
    const history = await historyOfRecord(db, 'reviewer', first.id);
    expect(history.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(await ensureReviewer(db, { ...identity, email: 'not an address' })).toMatchObject({ ok: false, problem: 'invalid' });
  });
});
