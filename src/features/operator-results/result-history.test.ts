import { describe, expect, it } from 'vitest';
import type { OperatorResult } from '../../api/operator-result';
import { aiHandoff } from '../../mocks/fixtures/conversations';
import { operatorResults } from '../../mocks/fixtures/operator-results';
import { groupRuns, trackedValue } from './result-history';

const base = operatorResults.find((r) => r.outputFormat === 'CLASSIFICATION')!;
let n = 0;
/** A run of `base` at `minute`, covering messages up to `last`, concluding `label`. */
function run(minute: number, last: string, label: string, changes: Partial<OperatorResult> = {}): OperatorResult {
  n += 1;
  return {
    ...base,
    id: `${base.id.slice(0, -4)}${String(1000 + n)}`,
    result: { label },
    executionDetails: {
      ...base.executionDetails,
      trigger: { on: 'COMMUNICATION', timestamp: `2026-06-21T10:${String(minute).padStart(2, '0')}:00Z` },
      communications: { first: 'm0', last },
    },
    ...changes,
  };
}

describe('groupRuns', () => {
  it('puts each operator and rule in its own group, newest run first', () => {
    const [a, b, c] = [run(1, 'm3', 'NEGATIVE'), run(2, 'm6', 'NEUTRAL'), run(3, 'm9', 'POSITIVE')];
    const other = { ...run(2, 'm6', 'X'), operator: { ...base.operator, id: 'intelligence_operator_other' } };
    const otherRule = {
      ...run(2, 'm6', 'Y'),
      intelligenceConfiguration: { ...base.intelligenceConfiguration!, ruleId: 'rule-2' },
    };
    const otherFormat = { ...run(2, 'm6', 'Z'), outputFormat: 'TEXT', result: { text: 'Z' } };
    const groups = groupRuns([b, other, a, c, otherRule, otherFormat]);
    expect(groups).toHaveLength(4);
    expect(groups[3]!.latest.result).toBe(otherFormat);
    expect(groups[0]!.latest.result).toBe(c);
    expect(groups[0]!.earlier.map((r) => r.result)).toEqual([b, a]);
    expect(groups[1]!.latest.result).toBe(other);
    expect(groups[2]!.latest.result).toBe(otherRule);
  });

  it('folds a run that repeats the one before it exactly, and keeps one that differs in version, range or output', () => {
    const first = run(1, 'm3', 'NEGATIVE');
    const repeat = run(2, 'm3', 'NEGATIVE');
    const newVersion = run(3, 'm3', 'NEGATIVE', { operator: { ...base.operator, version: 99 } });
    const wider = run(4, 'm6', 'NEGATIVE', { operator: { ...base.operator, version: 99 } });
    const [group] = groupRuns([first, repeat, newVersion, wider]);
    expect(group!.latest).toEqual({ result: wider, repeats: [] });
    expect(group!.earlier).toEqual([
      { result: newVersion, repeats: [] },
      { result: first, repeats: [repeat] },
    ]);
  });

  it('orders runs by the instant they ran, whatever offset their times are written with', () => {
    const at = (result: OperatorResult, timestamp: string): OperatorResult => ({
      ...result,
      executionDetails: { ...result.executionDetails, trigger: { on: 'COMMUNICATION', timestamp } },
    });
    // 04:30 UTC, 05:00 UTC and the last moment of the day: in text, the first would sort last.
    const early = at(run(1, 'm3', 'NEGATIVE'), '2026-06-21T10:00:00+05:30');
    const later = at(run(2, 'm6', 'NEUTRAL'), '2026-06-21T05:00:00Z');
    const leap = at(run(3, 'm9', 'POSITIVE'), '2026-06-21T23:59:60Z');
    const [group] = groupRuns([leap, early, later]);
    expect(group!.latest.result).toBe(leap);
    expect(group!.earlier.map((r) => r.result)).toEqual([later, early]);
  });

  it('leaves a conversation whose operators ran once each as one group per result', () => {
    const results = operatorResults.filter((r) => r.conversationId === aiHandoff.id);
    expect(groupRuns(results).map((g) => [g.latest.result, g.earlier.length])).toEqual(results.map((r) => [r, 0]));
  });
});

describe('trackedValue', () => {
  it('follows a label, or a JSON result\u2019s first number, and nothing else', () => {
    expect(trackedValue(run(1, 'm1', 'NEGATIVE'))).toEqual({ kind: 'label', value: 'NEGATIVE' });
    const json = { ...base, outputFormat: 'JSON', result: { explanation: 'fine', score: 4 } };
    expect(trackedValue(json)).toEqual({ kind: 'number', field: 'score', value: 4 });
    expect(trackedValue({ ...base, outputFormat: 'JSON', result: { ok: true } })).toBeNull();
    expect(trackedValue({ ...base, outputFormat: 'TEXT', result: { text: 'x' } })).toBeNull();
    expect(trackedValue({ ...run(1, 'm1', 'NEGATIVE'), refusal: 'no' })).toBeNull();
  });
});
