import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { recordIdSchema, reviewerIdentitySchema } from '../../../api/reviews';
import type { Tables } from '../tables';
import { now, parse, recordHistory, type Db, type WriteOutcome } from './outcome';

export type Reviewer = Selectable<Tables['reviewers']>;

/**
 * The reviewer for an identity (its source and subject), created on first sight and brought up to
 * date when the name, e-mail or role it comes with has changed (a users file edited, a proxy's
 * header). Each change is in the history, made by the reviewer themself.
 */
export async function ensureReviewer(db: Db, input: unknown): Promise<WriteOutcome<Reviewer>> {
  const parsed = parse(reviewerIdentitySchema, input);
  if (!parsed.ok) return parsed;
  const identity = parsed.data;
  return db.transaction().execute(async (trx) => {
    const id = randomUUID();
    const created = await trx
      .insertInto('reviewers')
      .values({ id, ...identity })
      .onConflict((on) => on.columns(['source', 'subject']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (created) {
      await recordHistory(trx, {
        actorId: id,
        entity: 'reviewer',
        entityId: id,
        conversationId: null,
        action: 'create',
        version: created.version,
        before: null,
        after: created,
      });
      return { ok: true, record: created };
    }
    const before = await trx
      .selectFrom('reviewers')
      .selectAll()
      .where('source', '=', identity.source)
      .where('subject', '=', identity.subject)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (before.name === identity.name && before.email === identity.email && before.role === identity.role) {
      return { ok: true, record: before };
    }
    const after = await trx
      .updateTable('reviewers')
      .set({ name: identity.name, email: identity.email, role: identity.role, updatedAt: now(), version: before.version + 1 })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordHistory(trx, {
      actorId: before.id,
      entity: 'reviewer',
      entityId: before.id,
      conversationId: null,
      action: 'update',
      version: after.version,
      before,
      after,
    });
    return { ok: true, record: after };
  });
}

export async function reviewerById(db: Db, id: string): Promise<Reviewer | null> {
  if (!recordIdSchema.safeParse(id).success) return null;
  return (await db.selectFrom('reviewers').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}
