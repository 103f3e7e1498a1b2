import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addReviewer, aVerdict, freshId, written } from '../testing/review-fixtures';
import { openTestDatabase, type TestDatabase } from '../testing/test-database';
import { agreementByOperator, classificationTable } from './agreement';
import { historyOfRecord } from './history';
import type { Reviewer } from './reviewers';
import { createVerdict, deleteVerdict, updateVerdict, verdictsOfConversation, verdictsOfResult } from './verdicts';

let database: TestDatabase;
let ana: Reviewer;
let ben: Reviewer;
let cy: Reviewer;
beforeAll(async () => {
  database = await openTestDatabase();
  [ana, ben, cy] = [
    await addReviewer(database.db, { name: 'Ana' }),
    await addReviewer(database.db, { name: 'Ben' }),
    await addReviewer(database.db, { name: 'Cy' }),
  ];
});
afterAll(() => database.remove());

describe('verdicts', () => {
  it('keeps one verdict per reviewer per result, everyone’s visible with names', async () => {
    const db = database.db;
    const base = aVerdict();
    const fromAna = written(await createVerdict(db, ana.id, base));
    const fromBen = written(
      await createVerdict(db, ben.id, { ...base, verdict: 'disagree', correction: 'negative', note: 'Angry at the end.' }),
    );
    expect(fromAna).toMatchObject({ reviewer: { id: ana.id, name: 'Ana' }, verdict: 'agree', aiLabel: 'positive', version: 1 });
    const again = await createVerdict(db, ana.id, { ...base, verdict: 'unsure' });
    expect(again).toEqual({
      ok: false,
      problem: 'conflict',
      current: { version: 1, changedBy: { id: ana.id, name: 'Ana' }, changedAt: fromAna.updatedAt, deleted: false },
    });
    expect(await verdictsOfResult(db, base.resultId)).toEqual([fromAna, fromBen]);
    expect(await verdictsOfConversation(db, base.conversationId)).toEqual([fromAna, fromBen]);
  });

  it('edits and withdraws with the expected version; only the reviewer may', async () => {
    const db = database.db;
    const verdict = written(await createVerdict(db, ana.id, aVerdict()));
    expect(await updateVerdict(db, ben.id, verdict.id, 1, { verdict: 'unsure', correction: null, note: null })).toMatchObject({
      ok: false,
      problem: 'forbidden',
    });
    const edited = written(
      await updateVerdict(db, ana.id, verdict.id, 1, { verdict: 'disagree', correction: 'neutral', note: 'Flat tone.' }),
    );
    expect(edited).toMatchObject({ verdict: 'disagree', correction: 'neutral', note: 'Flat tone.', version: 2 });
    expect(await updateVerdict(db, ana.id, verdict.id, 1, { verdict: 'agree', correction: null, note: null })).toMatchObject({
      ok: false,
      problem: 'conflict',
      current: { version: 2, deleted: false },
    });
    expect(await deleteVerdict(db, ana.id, verdict.id, 2)).toEqual({ ok: true, record: null });
    expect(await verdictsOfResult(db, verdict.resultId)).toEqual([]);
    const afterDelete = await updateVerdict(db, ana.id, verdict.id, 2, { verdict: 'agree', correction: null, note: null });
    expect(afterDelete).toMatchObject({
      ok: false,
      problem: 'conflict',
      current: { deleted: true, changedBy: { id: ana.id, name: 'Ana' } },
    });
    const history = await historyOfRecord(db, 'verdict', verdict.id);
    expect(history.map((entry) => [entry.action, entry.version])).toEqual([
      ['create', 1],
      ['update', 2],
      ['delete', 3],
    ]);
    expect(history[2]).toMatchObject({ before: { verdict: 'disagree', correction: 'neutral' }, after: null });
  });

  it('refuses a correction with "agree", a label on a result that is not a classification, and bad IDs', async () => {
    const db = database.db;
    const cases: [unknown, string][] = [
      [aVerdict({ verdict: 'agree', correction: 'negative' }), 'a correction goes with "disagree" or "unsure"'],
      [aVerdict({ outputFormat: 'TEXT', aiLabel: 'positive' }), 'only a CLASSIFICATION result has a label'],
      [aVerdict({ resultId: 'intelligence_operatorresult_nope' }), 'resultId: must be an operator result ID'],
      [aVerdict({ operatorId: freshId('operatorResult') }), 'operatorId: must be an operator ID'],
      [{ ...aVerdict(), verdict: 'maybe' }, 'verdict'],
    ];
    for (const [input, message] of cases) {
      const outcome = await createVerdict(db, ana.id, input);
      expect(outcome).toMatchObject({ ok: false, problem: 'invalid' });
      expect(!outcome.ok && 'message' in outcome && outcome.message).toContain(message);
    }
  });
});

describe('agreement by operator', () => {
  it('counts results and verdicts per operator and version, with shares', async () => {
    const db = database.db;
    const operatorId = freshId('operator');
    const result1 = aVerdict({ operatorId, operatorVersion: 1, outputFormat: 'TEXT', aiLabel: null });
    const result2 = aVerdict({ operatorId, operatorVersion: 1, outputFormat: 'TEXT', aiLabel: null });
    const result3 = aVerdict({ operatorId, operatorVersion: 2, outputFormat: 'TEXT', aiLabel: null });
    written(await createVerdict(db, ana.id, result1));
    written(await createVerdict(db, ben.id, { ...result1, verdict: 'disagree', correction: 'Missed the refund.' }));
    written(await createVerdict(db, cy.id, { ...result1, verdict: 'unsure' }));
    written(await createVerdict(db, ana.id, result2));
    written(await createVerdict(db, ana.id, result3));
    expect(await agreementByOperator(db, { operatorId })).toEqual([
      {
        operatorId,
        operatorVersion: 1,
        results: 2,
        verdicts: 4,
        agree: 2,
        disagree: 1,
        unsure: 1,
        shares: { agree: 0.5, disagree: 0.25, unsure: 0.25 },
      },
      {
        operatorId,
        operatorVersion: 2,
        results: 1,
        verdicts: 1,
        agree: 1,
        disagree: 0,
        unsure: 0,
        shares: { agree: 1, disagree: 0, unsure: 0 },
      },
    ]);
    expect((await agreementByOperator(db)).some((row) => row.operatorId === operatorId)).toBe(true);
  });

  it('tables a classification’s labels against the reviewers’ labels', async () => {
    const db = database.db;
    const operatorId = freshId('operator');
    const positive = aVerdict({ operatorId, operatorVersion: 3, aiLabel: 'positive' });
    const negative = aVerdict({ operatorId, operatorVersion: 3, aiLabel: 'negative' });
    written(await createVerdict(db, ana.id, positive));
    written(await createVerdict(db, ben.id, { ...positive, verdict: 'disagree', correction: 'neutral' }));
    written(await createVerdict(db, cy.id, { ...positive, verdict: 'disagree', correction: 'neutral' }));
    written(await createVerdict(db, ana.id, { ...negative, verdict: 'unsure' }));
    written(await createVerdict(db, ben.id, negative));
    expect(await classificationTable(db, { operatorId })).toEqual([
      { operatorId, operatorVersion: 3, aiLabel: 'negative', reviewerLabel: 'negative', count: 1 },
      { operatorId, operatorVersion: 3, aiLabel: 'negative', reviewerLabel: null, count: 1 },
      { operatorId, operatorVersion: 3, aiLabel: 'positive', reviewerLabel: 'neutral', count: 2 },
      { operatorId, operatorVersion: 3, aiLabel: 'positive', reviewerLabel: 'positive', count: 1 },
    ]);
  });
});
