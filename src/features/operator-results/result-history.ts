import { viewResult, type OperatorResult } from '../../api/operator-result';
import { parseTimestamp } from '../../api/timestamp';

/** When a result ran: its trigger's time, else when it was written. */
export const ranAt = (result: OperatorResult) => result.executionDetails?.trigger?.timestamp ?? result.dateCreated ?? '';

/**
 * When a result ran, as an instant to order by: times may come with any offset (and a leap second),
 * so their text does not sort. A result that gives no time comes before any that does.
 */
export function ranAtInstant(result: OperatorResult): number {
  const at = parseTimestamp(ranAt(result));
  return Number.isNaN(at) ? -Infinity : at;
}

/** Orders instants, the infinite ones included (`a - b` is NaN for two of them). */
export const byInstant = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);

/** One run of an operator, with the later runs that repeated it exactly (same version, range and output). */
export type Run = { result: OperatorResult; repeats: OperatorResult[] };

/** An operator's runs under one rule, newest first: the latest shown, the rest folded under it. */
export type RunGroup = { key: string; latest: Run; earlier: Run[] };

// The conversation and the output format too: a result of another conversation (named here by
// mistake), or one in another format, is not a run of the same conclusion to compare with these.
const groupKey = (result: OperatorResult) =>
  JSON.stringify([
    result.conversationId,
    result.outputFormat,
    result.operator.id,
    result.intelligenceConfiguration?.id ?? null,
    result.intelligenceConfiguration?.ruleId ?? null,
  ]);

const sameRun = (a: OperatorResult, b: OperatorResult) =>
  a.operator.version === b.operator.version &&
  a.executionDetails?.communications?.first === b.executionDetails?.communications?.first &&
  a.executionDetails?.communications?.last === b.executionDetails?.communications?.last &&
  JSON.stringify(a.result) === JSON.stringify(b.result) &&
  (a.refusal ?? null) === (b.refusal ?? null);

/**
 * Results grouped by conversation, output format, operator and rule (configuration and rule ID), the groups in the order their
 * first result comes in `results`. Within a group runs are newest first, and a run identical to the
 * one before it in time is folded into that one as a repeat.
 */
export function groupRuns(results: readonly OperatorResult[]): RunGroup[] {
  const byKey = new Map<string, OperatorResult[]>();
  for (const result of results) {
    const key = groupKey(result);
    const list = byKey.get(key);
    if (list) list.push(result);
    else byKey.set(key, [result]);
  }
  return [...byKey].map(([key, members]) => {
    const oldestFirst = [...members].sort((a, b) => byInstant(ranAtInstant(a), ranAtInstant(b)) || (a.id < b.id ? -1 : 1));
    const runs: Run[] = [];
    for (const result of oldestFirst) {
      const previous = runs.at(-1);
      if (previous && sameRun(previous.result, result)) previous.repeats.push(result);
      else runs.push({ result, repeats: [] });
    }
    runs.reverse();
    return { key, latest: runs[0]!, earlier: runs.slice(1) };
  });
}

/** What a run concluded as one value to follow over time: a label, or a JSON result's number. */
export type TrackedValue = { kind: 'label'; value: string } | { kind: 'number'; field: string; value: number };

/**
 * The value a strip can follow: a CLASSIFICATION's label, or the first top-level number of a JSON
 * result (`field` names it); null for anything else.
 */
export function trackedValue(result: OperatorResult): TrackedValue | null {
  if (result.refusal) return null;
  const view = viewResult(result);
  if (view.format === 'CLASSIFICATION') return { kind: 'label', value: view.label };
  if (view.format === 'JSON' && view.value !== null && typeof view.value === 'object' && !Array.isArray(view.value)) {
    for (const [field, value] of Object.entries(view.value)) {
      if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'number', field, value };
    }
  }
  return null;
}
