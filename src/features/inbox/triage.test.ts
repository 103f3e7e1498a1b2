import { describe, expect, it } from 'vitest';
import type { OperatorResult } from '../../api/operator-result';
import { operatorResults } from '../../mocks/fixtures/operator-results';
import { OPERATORS } from '../../mocks/fixtures/operator-results';
import { cellValueOf, latestResult, readTriage, rowMatches, testsFor, writeTriage } from './triage';

const first = (format: string) => operatorResults.find((result) => result.outputFormat === format)!;

describe('triage by result', () => {
  it('shows the label, the first number of a JSON result, or nothing', () => {
    const label = first('CLASSIFICATION');
    expect(cellValueOf(label)).toMatchObject({ kind: 'label' });
    const json: OperatorResult = { ...first('JSON'), result: { explanation: 'ok', nested: { score: 4, other: 2 } } };
    expect(cellValueOf(json)).toEqual({ kind: 'number', value: 4 });
    expect(cellValueOf(null)).toEqual({ kind: 'none' });
  });

  it('takes the latest of several results', () => {
    const older = { ...first('CLASSIFICATION'), id: 'a', dateCreated: '2026-11-01T10:00:00Z' };
    const newer = { ...first('CLASSIFICATION'), id: 'b', dateCreated: '2026-11-01T11:00:00Z' };
    expect(latestResult([newer, older])?.id).toBe('b');
    expect(latestResult([])).toBeNull();
  });

  it('takes the latest by the instant, whatever offset its time is written with', () => {
    const earlier = { ...first('CLASSIFICATION'), id: 'a', dateCreated: '2026-11-01T15:00:00+05:30' };
    const later = { ...first('CLASSIFICATION'), id: 'b', dateCreated: '2026-11-01T10:00:00Z' };
    const leap = { ...first('CLASSIFICATION'), id: 'c', dateCreated: '2026-11-01T23:59:60Z' };
    expect(latestResult([later, earlier])?.id).toBe('b');
    expect(latestResult([leap, later])?.id).toBe('c');
  });

  it('reads columns and conditions from the URL, at most three columns, and writes them back', () => {
    const params = new URLSearchParams(
      `show=${OPERATORS.sentiment}&where=${OPERATORS.csat}:le:2&show=${OPERATORS.qa}&show=${OPERATORS.summary}&where=${OPERATORS.sentiment}:bogus`,
    );
    const { triage, problems } = readTriage(params);
    expect(triage.columns).toEqual([OPERATORS.sentiment, OPERATORS.qa, OPERATORS.summary]);
    expect(triage.conditions).toEqual([]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/At most 3 result columns/);
    const two = readTriage(new URLSearchParams(`where=${OPERATORS.csat}:le:2&where=${OPERATORS.sentiment}:is:NEGATIVE`)).triage;
    expect(writeTriage(two, new URLSearchParams()).toString()).toBe(
      `show=${OPERATORS.csat}&show=${OPERATORS.sentiment}&where=${OPERATORS.csat}%3Ale%3A2&where=${OPERATORS.sentiment}%3Ais%3ANEGATIVE`,
    );
  });

  it('keeps a row only when every condition holds; unknown while a cell is loading', () => {
    const conditions = [{ operatorId: 'x', test: { kind: 'atMost', value: 2 } } as const];
    expect(rowMatches(conditions, () => ({ kind: 'number', value: 2 }))).toBe(true);
    expect(rowMatches(conditions, () => ({ kind: 'number', value: 3 }))).toBe(false);
    expect(rowMatches(conditions, () => 'pending')).toBeNull();
    expect(rowMatches(conditions, () => 'failed')).toBe(false);
    expect(
      testsFor([
        { kind: 'label', label: 'NEGATIVE' },
        { kind: 'number', value: 3 },
      ]).labels,
    ).toEqual([{ kind: 'is', label: 'NEGATIVE' }]);
  });
});
