import { sql } from 'kysely';
import * as z from 'zod/mini';
import {
  conversationIdSchema,
  expectedVersionSchema,
  recordIdSchema,
  reviewStatusChangeSchema,
  type ReviewStatus,
} from '../../../api/reviews';
import { conflict, isRefusal, parse, recordHistory, writer, now, type Db, type Person, type WriteOutcome } from './outcome';

export type ConversationReview = {
  conversationId: string;
  status: ReviewStatus;
  /** Who set the status and when; null for a conversation nobody has reviewed. */
  updatedBy: Person | null;
  updatedAt: Date | null;
  /** 0 until the status is first set. */
  version: number;
};

const change = z.strictObject({ actorId: recordIdSchema, expectedVersion: expectedVersionSchema });

const notReviewed = (conversationId: string): ConversationReview => ({
  conversationId,
  status: 'not_reviewed',
  updatedBy: null,
  updatedAt: null,
  version: 0,
});

function reviewsWithNames(db: Db) {
  return db
    .selectFrom('conversationReviews')
    .innerJoin('reviewers', 'reviewers.id', 'conversationReviews.updatedBy')
    .select([
      'conversationReviews.conversationId',
      'conversationReviews.status',
      'conversationReviews.updatedAt',
      'conversationReviews.version',
      'reviewers.id as reviewerId',
      'reviewers.name as reviewerName',
    ]);
}

/**
 * Sets a conversation's review status. `expectedVersion` is the version the writer read: 0 when
 * the conversation had none, so that two people marking it at once get one success and one conflict.
 */
export async function setReviewStatus(
  db: Db,
  actorId: string,
  expectedVersion: number,
  input: unknown,
): Promise<WriteOutcome<ConversationReview>> {
  const ref = parse(change, { actorId, expectedVersion });
  if (!ref.ok) return ref;
  const parsed = parse(reviewStatusChangeSchema, input);
  if (!parsed.ok) return parsed;
  const { conversationId, status } = parsed.data;
  return db.transaction().execute(async (trx) => {
    const actor = await writer(trx, actorId);
    if (isRefusal(actor)) return actor;
    let before = await trx
      .selectFrom('conversationReviews')
      .selectAll()
      .where('conversationId', '=', conversationId)
      .forUpdate()
      .executeTakeFirst();
    // The writer had read a status that is no longer there (only possible after a restore): nothing is written.
    if (!before && expectedVersion !== 0) return { ok: false, problem: 'not_found' };
    let after;
    if (!before) {
      after = await trx
        .insertInto('conversationReviews')
        .values({ conversationId, status, updatedBy: actor.id })
        .onConflict((on) => on.column('conversationId').doNothing())
        .returningAll()
        .executeTakeFirst();
      // Someone else set it first, between our look and our insert.
      if (!after)
        before = await trx
          .selectFrom('conversationReviews')
          .selectAll()
          .where('conversationId', '=', conversationId)
          .executeTakeFirstOrThrow();
    }
    if (before) {
      if (before.version !== expectedVersion) return conflict(trx, before);
      after = await trx
        .updateTable('conversationReviews')
        .set({ status, updatedAt: now(), updatedBy: actor.id, version: before.version + 1 })
        .where('conversationId', '=', conversationId)
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    await recordHistory(trx, {
      actorId: actor.id,
      entity: 'conversation_review',
      entityId: conversationId,
      conversationId,
      action: before ? 'update' : 'create',
      version: after!.version,
      before: before ?? null,
      after,
    });
    return {
      ok: true,
      record: { conversationId, status: after!.status, updatedBy: actor, updatedAt: after!.updatedAt, version: after!.version },
    };
  });
}

export async function reviewOfConversation(db: Db, conversationId: string): Promise<ConversationReview> {
  return (await reviewsOfConversations(db, [conversationId])).get(conversationId) ?? notReviewed(conversationId);
}

/** Review statuses of many conversations at once (an inbox page); those never reviewed are "not reviewed". */
export async function reviewsOfConversations(
  db: Db,
  conversationIds: readonly string[],
): Promise<Map<string, ConversationReview>> {
  const ids = [...new Set(conversationIds)].filter((id) => conversationIdSchema.safeParse(id).success);
  const found = new Map<string, ConversationReview>(ids.map((id) => [id, notReviewed(id)]));
  if (ids.length === 0) return found;
  const rows = await reviewsWithNames(db).where('conversationReviews.conversationId', 'in', ids).execute();
  for (const row of rows) {
    found.set(row.conversationId, {
      conversationId: row.conversationId,
      status: row.status,
      updatedBy: { id: row.reviewerId, name: row.reviewerName },
      updatedAt: row.updatedAt,
      version: row.version,
    });
  }
  return found;
}

/** How many verdicts and live notes each of these conversations has (none when it is not in the map). */
export async function reviewCounts(
  db: Db,
  conversationIds: readonly string[],
): Promise<Map<string, { verdicts: number; notes: number }>> {
  const counts = new Map<string, { verdicts: number; notes: number }>();
  const ids = [...new Set(conversationIds)];
  if (ids.length === 0) return counts;
  const entry = (id: string) => counts.get(id) ?? counts.set(id, { verdicts: 0, notes: 0 }).get(id)!;
  const verdicts = await db
    .selectFrom('verdicts')
    .select(['conversationId', sql<number>`count(*)::int`.as('count')])
    .where('conversationId', 'in', ids)
    .groupBy('conversationId')
    .execute();
  for (const row of verdicts) entry(row.conversationId).verdicts = row.count;
  const notes = await db
    .selectFrom('notes')
    .select(['conversationId', sql<number>`count(*)::int`.as('count')])
    .where('conversationId', 'in', ids)
    .where('deletedAt', 'is', null)
    .groupBy('conversationId')
    .execute();
  for (const row of notes) entry(row.conversationId).notes = row.count;
  return counts;
}
