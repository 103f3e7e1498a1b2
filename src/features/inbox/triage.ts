import { checkId } from '../../api/ids';
import { quoted } from '../../api/list-query';
import { viewResult, type OperatorResult } from '../../api/operator-result';
import { parseTimestamp } from '../../api/timestamp';
import { refusalOf } from '../../lib/refusal';

/**
 * Triage by what the AI concluded: up to three operators shown as columns (`?show=`), and
 * conditions on their latest result (`?where=`) that narrow the rows loaded so far.
 */

export const MAX_TRIAGE_COLUMNS = 3;

/** What a result cell says: the label, the first number of a JSON result, a short text, or nothing. */
export type CellValue =
  | { kind: 'label'; label: string }
  | { kind: 'number'; value: number }
  | { kind: 'text'; text: string }
  | { kind: 'refused' }
  | { kind: 'none' };

export type TriageTest =
  | { kind: 'is'; label: string }
  | { kind: 'atMost'; value: number }
  | { kind: 'exactly'; value: number }
  | { kind: 'atLeast'; value: number }
  | { kind: 'none' };

export type TriageCondition = { operatorId: string; test: TriageTest };
export type Triage = { columns: string[]; conditions: TriageCondition[] };
export const NO_TRIAGE: Triage = { columns: [], conditions: [] };

const time = (result: OperatorResult) =>
  parseTimestamp(result.dateCreated ?? result.executionDetails?.trigger?.timestamp ?? '') || 0;

/** The latest of an operator's results on a conversation (an active one gets a new one every few messages). */
export function latestResult(results: readonly OperatorResult[]): OperatorResult | null {
  let latest: OperatorResult | null = null;
  for (const result of results) if (latest === null || time(result) >= time(latest)) latest = result;
  return latest;
}

/** The first number in a JSON value, depth first, in the order its keys came. */
function firstNumber(value: unknown, depth = 0): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (depth > 8 || value === null || typeof value !== 'object') return null;
  for (const inner of Array.isArray(value) ? value : Object.values(value)) {
    const found = firstNumber(inner, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

const TEXT_CELL = 40;
const clip = (text: string) => (text.length > TEXT_CELL ? `${text.slice(0, TEXT_CELL - 1).trimEnd()}\u2026` : text);

export function cellValueOf(result: OperatorResult | null): CellValue {
  if (result === null) return { kind: 'none' };
  if (refusalOf(result)) return { kind: 'refused' };
  const view = viewResult(result);
  switch (view.format) {
    case 'CLASSIFICATION':
      return { kind: 'label', label: view.label };
    case 'JSON': {
      const number = firstNumber(view.value);
      if (number !== null) return { kind: 'number', value: number };
      return { kind: 'text', text: typeof view.value === 'string' ? clip(view.value) : 'JSON' };
    }
    case 'TEXT':
      return { kind: 'text', text: clip(view.text.replace(/\s+/g, ' ').trim()) };
    case 'EXTRACTION':
      return { kind: 'text', text: `${view.entities.length} ${view.entities.length === 1 ? 'entity' : 'entities'}` };
    case 'unknown':
      return { kind: 'text', text: view.declared };
  }
}

export function matches(value: CellValue, test: TriageTest): boolean {
  switch (test.kind) {
    case 'none':
      return value.kind === 'none';
    case 'is':
      return value.kind === 'label' && value.label === test.label;
    case 'atMost':
      return value.kind === 'number' && value.value <= test.value;
    case 'exactly':
      return value.kind === 'number' && value.value === test.value;
    case 'atLeast':
      return value.kind === 'number' && value.value >= test.value;
  }
}

/** "NEGATIVE", "2 or less", "no result": a test as a person reads it. */
export function describeTest(test: TriageTest): string {
  switch (test.kind) {
    case 'none':
      return 'no result';
    case 'is':
      return test.label;
    case 'atMost':
      return `${test.value} or less`;
    case 'exactly':
      return `exactly ${test.value}`;
    case 'atLeast':
      return `${test.value} or more`;
  }
}

/** A test as the URL holds it after the operator ID: `is:NEGATIVE`, `le:2`, `eq:3`, `ge:4`, `none`. */
export function writeTest(test: TriageTest): string {
  switch (test.kind) {
    case 'none':
      return 'none';
    case 'is':
      return `is:${test.label}`;
    case 'atMost':
      return `le:${test.value}`;
    case 'exactly':
      return `eq:${test.value}`;
    case 'atLeast':
      return `ge:${test.value}`;
  }
}

export function readTest(text: string): TriageTest | null {
  if (text === 'none') return { kind: 'none' };
  const [kind, ...rest] = text.split(':');
  const argument = rest.join(':');
  if (kind === 'is' && argument !== '') return { kind: 'is', label: argument };
  const value = Number(argument);
  if (argument === '' || !Number.isFinite(value)) return null;
  if (kind === 'le') return { kind: 'atMost', value };
  if (kind === 'eq') return { kind: 'exactly', value };
  if (kind === 'ge') return { kind: 'atLeast', value };
  return null;
}

/**
 * Reads the triage columns and conditions from the URL. A condition's operator is shown as a
 * column too; past three columns, or with a malformed value, a parameter is left out and said so.
 */
export function readTriage(params: URLSearchParams): { triage: Triage; problems: string[] } {
  const problems: string[] = [];
  const columns: string[] = [];
  const addColumn = (operatorId: string): boolean => {
    if (columns.includes(operatorId)) return true;
    if (columns.length >= MAX_TRIAGE_COLUMNS) {
      problems.push(`At most ${MAX_TRIAGE_COLUMNS} result columns are shown: ${quoted(operatorId)} was left out.`);
      return false;
    }
    columns.push(operatorId);
    return true;
  };
  const operatorIn = (value: string, what: string): string | null => {
    const check = checkId('operator', value);
    if (!check.ok) problems.push(`The ${what} in the link was left out. ${check.problem}`);
    return check.ok ? check.id : null;
  };
  for (const value of params.getAll('show')) {
    const id = operatorIn(value, 'result column');
    if (id) addColumn(id);
  }
  const conditions: TriageCondition[] = [];
  for (const value of params.getAll('where')) {
    const colon = value.indexOf(':');
    const id = operatorIn(colon === -1 ? value : value.slice(0, colon), 'result filter');
    if (!id) continue;
    const test = colon === -1 ? null : readTest(value.slice(colon + 1));
    if (!test) {
      problems.push(`The result filter ${quoted(value)} is not one this page can apply: left out.`);
      continue;
    }
    if (conditions.some((condition) => condition.operatorId === id)) {
      problems.push(`The link filters one result column twice; the first filter is used.`);
      continue;
    }
    if (addColumn(id)) conditions.push({ operatorId: id, test });
  }
  return { triage: { columns, conditions }, problems };
}

export function writeTriage(triage: Triage, into: URLSearchParams): URLSearchParams {
  into.delete('show');
  into.delete('where');
  for (const id of triage.columns) into.append('show', id);
  for (const { operatorId, test } of triage.conditions) into.append('where', `${operatorId}:${writeTest(test)}`);
  return into;
}

/** Whether a row passes every condition, given its cells; `null` while a cell it needs is not known yet. */
export function rowMatches(
  conditions: readonly TriageCondition[],
  cellOf: (operatorId: string) => CellValue | 'pending' | 'failed',
): boolean | null {
  let known = true;
  for (const { operatorId, test } of conditions) {
    const value = cellOf(operatorId);
    if (value === 'failed') return false;
    if (value === 'pending') known = false;
    else if (!matches(value, test)) return false;
  }
  return known ? true : null;
}

/**
 * The tests a filter menu offers for one column, from the values seen so far: each label, and for
 * numbers "n or less", "exactly n" and "n or more"; "no result" always.
 */
export function testsFor(values: readonly CellValue[]): { labels: TriageTest[]; numbers: TriageTest[] } {
  const labels = [...new Set(values.flatMap((v) => (v.kind === 'label' ? [v.label] : [])))].sort();
  const numbers = [...new Set(values.flatMap((v) => (v.kind === 'number' ? [v.value] : [])))].sort((a, b) => a - b);
  return {
    labels: labels.map((label) => ({ kind: 'is', label })),
    numbers: [
      ...numbers.map((value): TriageTest => ({ kind: 'atMost', value })),
      ...numbers.map((value): TriageTest => ({ kind: 'exactly', value })),
      ...numbers.map((value): TriageTest => ({ kind: 'atLeast', value })),
    ],
  };
}
