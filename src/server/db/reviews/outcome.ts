import { sql, type Kysely, type Transaction } from 'kysely';
import type * as z from 'zod/mini';
import { summariseIssues } from '../../../api/issues';
import type { HistoryAction, HistoryEntity } from '../../../api/reviews';
import type { Tables } from '../tables';

export type Db = Kysely<Tables>;
export type Trx = Transaction<Tables>;

export type Person = { id: string; name: string };

/** The state of a record that a stale write ran into: what the HTTP layer reports as 409. */
export type CurrentState = { version: number; changedBy: Person | null; changedAt: Date; deleted: boolean };

/**
 * What a write comes to. Expected refusals are values, not exceptions, so that each gets its own
 * answer (400, 403, 404, 409); a failure of the database itself is thrown.
 */
export type WriteOutcome<T> =
  | { ok: true; record: T }
  | { ok: false; problem: 'invalid'; message: string }
  | { ok: false; problem: 'forbidden'; message: string }
  | { ok: false; problem: 'not_found' }
  | { ok: false; problem: 'conflict'; current: CurrentState };

export type Refusal = Extract<WriteOutcome<never>, { ok: false }>;

/** Parses `value` with `schema`, or says what is wrong with it (the first few problems). */
export function parse<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
): { ok: true; data: z.infer<S> } | Extract<Refusal, { problem: 'invalid' }> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data as z.infer<S> };
  return { ok: false, problem: 'invalid', message: summariseIssues(parsed.error.issues, 5) };
}

/** The person writing, who must be known and allowed to write. */
export async function writer(trx: Trx, actorId: string): Promise<Person | Refusal> {
  const actor = await trx.selectFrom('reviewers').select(['id', 'name', 'role']).where('id', '=', actorId).executeTakeFirst();
  if (!actor) return { ok: false, problem: 'forbidden', message: 'This reviewer is not known to the server.' };
  if (actor.role !== 'reviewer')
    return { ok: false, problem: 'forbidden', message: 'Viewers can read reviews but not write them.' };
  return { id: actor.id, name: actor.name };
}

export const isRefusal = (value: object): value is Refusal => 'ok' in value && value.ok === false;

export async function personOf(trx: Db | Trx, id: string | null): Promise<Person | null> {
  if (id === null) return null;
  return (await trx.selectFrom('reviewers').select(['id', 'name']).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** A conflict naming who changed the record last and when. */
export async function conflict(
  trx: Trx,
  row: { version: number; updatedBy: string; updatedAt: Date; deletedAt?: Date | null },
): Promise<Refusal> {
  return {
    ok: false,
    problem: 'conflict',
    current: {
      version: row.version,
      changedBy: await personOf(trx, row.updatedBy),
      changedAt: row.deletedAt ?? row.updatedAt,
      deleted: Boolean(row.deletedAt),
    },
  };
}

/** A record that is not there: a conflict if someone deleted it (the history says who), else not found. */
export async function missing(trx: Trx, entity: HistoryEntity, id: string): Promise<Refusal> {
  const deletion = await trx
    .selectFrom('reviewHistory')
    .select(['actorId', 'at', 'version'])
    .where('entity', '=', entity)
    .where('entityId', '=', id)
    .where('action', '=', 'delete')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!deletion) return { ok: false, problem: 'not_found' };
  return {
    ok: false,
    problem: 'conflict',
    current: {
      version: deletion.version,
      changedBy: await personOf(trx, deletion.actorId),
      changedAt: deletion.at,
      deleted: true,
    },
  };
}

export type HistoryEntry = {
  actorId: string | null;
  entity: HistoryEntity;
  entityId: string;
  conversationId: string | null;
  action: HistoryAction;
  version: number;
  before: unknown;
  after: unknown;
};

/** One row of history, in the transaction of the change it describes. */
export async function recordHistory(trx: Trx, entry: HistoryEntry): Promise<void> {
  await trx
    .insertInto('reviewHistory')
    .values({
      ...entry,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
    })
    .execute();
}

/** The transaction's time, as every timestamp of one change is. */
export const now = () => sql<Date>`now()`;
