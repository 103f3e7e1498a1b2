import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConversations } from '../../mocks/fixtures/conversations';
import { seedDemoReviews } from '../demo-reviews';
import { agreementByOperator } from './reviews/agreement';
import { reviewsOfConversations } from './reviews/conversation-reviews';
import { historyOfConversation } from './reviews/history';
import { notesOfConversation } from './reviews/notes';
import { verdictsOfConversation } from './reviews/verdicts';
import { openTestDatabase, type TestDatabase } from './testing/test-database';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.remove());

describe('the demo database', () => {
  it('is seeded once with example reviews in every review state, with verdicts, notes and their history', async () => {
    const { db } = database;
    await seedDemoReviews(db);
    await seedDemoReviews(db);
    const statuses = await reviewsOfConversations(
      db,
      demoConversations.map((c) => c.id),
    );
    expect(new Set([...statuses.values()].map((review) => review.status))).toEqual(
      new Set(['reviewed', 'in_review', 'needs_follow_up', 'not_reviewed']),
    );
    expect(await db.selectFrom('reviewers').select('name').orderBy('name').execute()).toEqual([
      { name: 'Priya Raman' },
      { name: 'Sam Ortiz' },
    ]);
    const [first, handoff, sms] = demoConversations;
    expect((await verdictsOfConversation(db, first!.id)).map((v) => [v.outputFormat, v.verdict])).toEqual([
      ['CLASSIFICATION', 'agree'],
      ['TEXT', 'agree'],
    ]);
    expect((await verdictsOfConversation(db, handoff!.id)).map((v) => [v.aiLabel, v.verdict, v.correction])).toEqual([
      ['POSITIVE', 'disagree', 'NEUTRAL'],
      ['POSITIVE', 'unsure', null],
    ]);
    expect(await notesOfConversation(db, sms!.id)).toHaveLength(1);
    expect((await historyOfConversation(db, handoff!.id)).map((entry) => entry.entity)).toEqual([
      'conversation_review',
      'verdict',
      'verdict',
      'note',
    ]);
    expect((await agreementByOperator(db)).reduce((sum, row) => sum + row.verdicts, 0)).toBe(4);
  });
});
