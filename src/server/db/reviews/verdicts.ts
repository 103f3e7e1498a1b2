import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import * as z from 'zod/mini';
import {
  expectedVersionSchema,
  newVerdictSchema,
  operatorResultIdSchema,
  recordIdSchema,
  verdictEditSchema,
  type Verdict,
} from '../../../api/reviews';
import type { Tables } from '../tables';
import {
  conflict,
  personOf,
  type CurrentState,
  isRefusal,
  missing,
  now,
  parse,
  recordHistory,
  writer,
  type Db,
  type Person,
  type Trx,
  type WriteOutcome,
} from './outcome';

type VerdictRow = Selectable<Tables['verdicts']>;

export type VerdictRecord = {
  id: string;
  conversationId: string;
  resultId: string;
  operatorId: string;
  operatorVersion: number | null;
  outputFormat: string;
  aiLabel: string | null;
  reviewer: Person;
  verdict: Verdict;
  correction: string | null;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
};

const verdictRef = z.strictObject({ actorId: recordIdSchema, verdictId: recordIdSchema, expectedVersion: expectedVersionSchema });

function verdictsWithNames(db: Db | Trx) {
  return db
    .selectFrom('verdicts')
    .innerJoin('reviewers', 'reviewers.id', 'verdicts.reviewerId')
    .selectAll('verdicts')
    .select('reviewers.name as reviewerName');
}

function toRecord({
  reviewerId,
  reviewerName,
  updatedBy: _updatedBy,
  ...row
}: VerdictRow & { reviewerName: string }): VerdictRecord {
  return { ...row, reviewer: { id: reviewerId, name: reviewerName } };
}

async function readVerdict(trx: Db | Trx, id: string): Promise<VerdictRecord> {
  return toRecord(await verdictsWithNames(trx).where('verdicts.id', '=', id).executeTakeFirstOrThrow());
}

/** A reviewer's verdict on a result: one each; a second one for the same result is a conflict with the first. */
export async function createVerdict(db: Db, actorId: string, input: unknown): Promise<WriteOutcome<VerdictRecord>> {
  const actor = parse(recordIdSchema, actorId);
  if (!actor.ok) return actor;
  const verdict = parse(newVerdictSchema, input);
  if (!verdict.ok) return verdict;
  return db.transaction().execute(async (trx) => {
    const reviewer = await writer(trx, actor.data);
    if (isRefusal(reviewer)) return reviewer;
    const row = await trx
      .insertInto('verdicts')
      .values({ id: randomUUID(), ...verdict.data, reviewerId: reviewer.id, updatedBy: reviewer.id })
      // Not an error: an error would end the transaction, and this is an expected refusal.
      .onConflict((on) => on.columns(['reviewerId', 'resultId']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const existing = await trx
        .selectFrom('verdicts')
        .selectAll()
        .where('reviewerId', '=', reviewer.id)
        .where('resultId', '=', verdict.data.resultId)
        .executeTakeFirstOrThrow();
      return conflict(trx, existing);
    }
    await recordHistory(trx, {
      actorId: reviewer.id,
      entity: 'verdict',
      entityId: row.id,
      conversationId: row.conversationId,
      action: 'create',
      version: row.version,
      before: null,
      after: row,
    });
    return { ok: true, record: await readVerdict(trx, row.id) };
  });
}

async function changeVerdict(
  db: Db,
  ref: unknown,
  change: (trx: Trx, before: VerdictRow) => Promise<VerdictRow | null>,
): Promise<WriteOutcome<VerdictRecord | null>> {
  const parsed = parse(verdictRef, ref);
  if (!parsed.ok) return parsed;
  const { actorId, verdictId, expectedVersion } = parsed.data;
  return db.transaction().execute(async (trx) => {
    const actor = await writer(trx, actorId);
    if (isRefusal(actor)) return actor;
    const before = await trx.selectFrom('verdicts').selectAll().where('id', '=', verdictId).forUpdate().executeTakeFirst();
    if (!before) return missing(trx, 'verdict', verdictId);
    if (before.version !== expectedVersion) return conflict(trx, before);
    if (before.reviewerId !== actor.id)
      return { ok: false, problem: 'forbidden', message: 'Only its reviewer can change a verdict.' };
    const after = await change(trx, before);
    await recordHistory(trx, {
      actorId: actor.id,
      entity: 'verdict',
      entityId: verdictId,
      conversationId: before.conversationId,
      action: after ? 'update' : 'delete',
      version: after ? after.version : before.version + 1,
      before,
      after,
    });
    return { ok: true, record: after ? await readVerdict(trx, verdictId) : null };
  });
}

export async function updateVerdict(
  db: Db,
  actorId: string,
  verdictId: string,
  expectedVersion: number,
  input: unknown,
): Promise<WriteOutcome<VerdictRecord>> {
  const edit = parse(verdictEditSchema, input);
  if (!edit.ok) return edit;
  const outcome = await changeVerdict(db, { actorId, verdictId, expectedVersion }, (trx, before) =>
    trx
      .updateTable('verdicts')
      .set({ ...edit.data, updatedAt: now(), updatedBy: actorId, version: before.version + 1 })
      .where('id', '=', verdictId)
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  return outcome.ok ? { ok: true, record: outcome.record! } : outcome;
}

/** Withdraws a verdict; the history keeps what it said, and who withdrew it when. */
export async function deleteVerdict(
  db: Db,
  actorId: string,
  verdictId: string,
  expectedVersion: number,
): Promise<WriteOutcome<null>> {
  const outcome = await changeVerdict(db, { actorId, verdictId, expectedVersion }, async (trx) => {
    await trx.deleteFrom('verdicts').where('id', '=', verdictId).execute();
    return null;
  });
  return outcome.ok ? { ok: true, record: null } : outcome;
}

export async function verdictsOfConversation(db: Db, conversationId: string): Promise<VerdictRecord[]> {
  const rows = await verdictsWithNames(db)
    .where('verdicts.conversationId', '=', conversationId)
    .orderBy('verdicts.createdAt')
    .orderBy('verdicts.id')
    .execute();
  return rows.map(toRecord);
}

export async function verdictsOfResult(db: Db, resultId: string): Promise<VerdictRecord[]> {
  if (!operatorResultIdSchema.safeParse(resultId).success) return [];
  const rows = await verdictsWithNames(db)
    .where('verdicts.resultId', '=', resultId)
    .orderBy('verdicts.createdAt')
    .orderBy('verdicts.id')
    .execute();
  return rows.map(toRecord);
}

/** A reviewer's verdict on a result (there is one at most), or null. */
export async function verdictOfReviewer(db: Db, reviewerId: string, resultId: string): Promise<VerdictRecord | null> {
  const row = await verdictsWithNames(db)
    .where('verdicts.reviewerId', '=', reviewerId)
    .where('verdicts.resultId', '=', resultId)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/**
 * When a reviewer's verdict on a result was last withdrawn, and by whom: what a write based on
 * that verdict's version runs into. Null when they never had one.
 */
export async function withdrawnVerdict(db: Db, reviewerId: string, resultId: string): Promise<CurrentState | null> {
  const row = await db
    .selectFrom('reviewHistory')
    .select(['actorId', 'at', 'version'])
    .where('entity', '=', 'verdict')
    .where('action', '=', 'delete')
    .where(sql<string>`before->>'reviewerId'`, '=', reviewerId)
    .where(sql<string>`before->>'resultId'`, '=', resultId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  return { version: row.version, changedBy: await personOf(db, row.actorId), changedAt: row.at, deleted: true };
}
