import { sql } from 'kysely';
import type { Db } from './outcome';

export type OperatorAgreement = {
  operatorId: string;
  operatorVersion: number | null;
  /** Results with at least one verdict. */
  results: number;
  verdicts: number;
  agree: number;
  disagree: number;
  unsure: number;
  /** Shares of the verdicts, from 0 to 1. */
  shares: { agree: number; disagree: number; unsure: number };
};

/** One cell of a CLASSIFICATION operator's table: how often reviewers put `reviewerLabel` where the AI said `aiLabel`. */
export type LabelPair = {
  operatorId: string;
  operatorVersion: number | null;
  aiLabel: string | null;
  /** The correction, or the AI's label when the reviewer agreed; null when unsure without a correction. */
  reviewerLabel: string | null;
  count: number;
};

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** Per operator and version: how many results were reviewed and how the verdicts split. */
export async function agreementByOperator(db: Db, { operatorId }: { operatorId?: string } = {}): Promise<OperatorAgreement[]> {
  let query = db
    .selectFrom('verdicts')
    .select([
      'operatorId',
      'operatorVersion',
      sql<number>`count(DISTINCT result_id)::int`.as('results'),
      sql<number>`count(*)::int`.as('verdicts'),
      sql<number>`(count(*) FILTER (WHERE verdict = 'agree'))::int`.as('agree'),
      sql<number>`(count(*) FILTER (WHERE verdict = 'disagree'))::int`.as('disagree'),
      sql<number>`(count(*) FILTER (WHERE verdict = 'unsure'))::int`.as('unsure'),
    ])
    .groupBy(['operatorId', 'operatorVersion'])
    .orderBy('operatorId')
    .orderBy('operatorVersion');
  if (operatorId !== undefined) query = query.where('operatorId', '=', operatorId);
  const rows = await query.execute();
  return rows.map((row) => ({
    ...row,
    shares: {
      agree: share(row.agree, row.verdicts),
      disagree: share(row.disagree, row.verdicts),
      unsure: share(row.unsure, row.verdicts),
    },
  }));
}

/** For CLASSIFICATION operators: the AI's label against the reviewers' label, counted. */
export async function classificationTable(db: Db, { operatorId }: { operatorId?: string } = {}): Promise<LabelPair[]> {
  const reviewerLabel = sql<string | null>`coalesce(correction, CASE WHEN verdict = 'agree' THEN ai_label END)`;
  let query = db
    .selectFrom('verdicts')
    .select([
      'operatorId',
      'operatorVersion',
      'aiLabel',
      reviewerLabel.as('reviewerLabel'),
      sql<number>`count(*)::int`.as('count'),
    ])
    .where('outputFormat', '=', 'CLASSIFICATION')
    .groupBy(['operatorId', 'operatorVersion', 'aiLabel', reviewerLabel])
    .orderBy('operatorId')
    .orderBy('operatorVersion')
    .orderBy('aiLabel')
    .orderBy(reviewerLabel);
  if (operatorId !== undefined) query = query.where('operatorId', '=', operatorId);
  return query.execute();
}
