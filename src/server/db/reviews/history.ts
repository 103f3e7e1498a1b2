import type { HistoryAction, HistoryEntity } from '../../../api/reviews';
import type { Db, Person } from './outcome';

export type HistoryRecord = {
  /** Increases with every change (a string: it is a 64-bit integer). */
  id: string;
  at: Date;
  actor: Person | null;
  entity: HistoryEntity;
  entityId: string;
  conversationId: string | null;
  action: HistoryAction;
  version: number;
  before: unknown;
  after: unknown;
};

function historyWithNames(db: Db) {
  return db
    .selectFrom('reviewHistory')
    .leftJoin('reviewers', 'reviewers.id', 'reviewHistory.actorId')
    .selectAll('reviewHistory')
    .select('reviewers.name as actorName');
}

type Row = Awaited<ReturnType<ReturnType<typeof historyWithNames>['execute']>>[number];

const toRecord = ({ actorId, actorName, ...row }: Row): HistoryRecord => ({
  ...row,
  actor: actorId === null ? null : { id: actorId, name: actorName ?? '' },
});

/**
 * Every change to a conversation's verdicts, notes and status, oldest first; a page of `limit`
 * changes after the change `after` when asked.
 */
export async function historyOfConversation(
  db: Db,
  conversationId: string,
  { after, limit }: { after?: string; limit?: number } = {},
): Promise<HistoryRecord[]> {
  let query = historyWithNames(db).where('reviewHistory.conversationId', '=', conversationId);
  if (after !== undefined) query = query.where('reviewHistory.id', '>', after as never);
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.orderBy('reviewHistory.id').execute();
  return rows.map(toRecord);
}

/** Every change to one record, oldest first. */
export async function historyOfRecord(db: Db, entity: HistoryEntity, entityId: string): Promise<HistoryRecord[]> {
  const rows = await historyWithNames(db)
    .where('reviewHistory.entity', '=', entity)
    .where('reviewHistory.entityId', '=', entityId)
    .orderBy('reviewHistory.id')
    .execute();
  return rows.map(toRecord);
}
