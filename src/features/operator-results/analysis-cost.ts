import type { OperatorResult } from '../../api/operator-result';
import { refusalOf } from '../../lib/refusal';

/** What a conversation's analysis cost, from the figures Twilio reports with each result. */
export type AnalysisCost = {
  results: number;
  /** Twilio bills language operators by characters read and written. */
  inputCharacters: number;
  outputCharacters: number;
  latencyMs: number;
  slowest: { resultId: string; latencyMs: number } | null;
  truncated: number;
  refusals: number;
  /** Results that lack one of the figures above (the spec's own examples leave `metadata` out). */
  incomplete: number;
};

const figure = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;

export function analysisCost(results: readonly OperatorResult[]): AnalysisCost {
  const cost: AnalysisCost = {
    results: results.length,
    inputCharacters: 0,
    outputCharacters: 0,
    latencyMs: 0,
    slowest: null,
    truncated: 0,
    refusals: 0,
    incomplete: 0,
  };
  for (const result of results) {
    const system = result.metadata?.system;
    const input = figure(system?.inputCharacters);
    const output = figure(system?.outputCharacters);
    const latency = figure(system?.latencyMs);
    cost.inputCharacters += input ?? 0;
    cost.outputCharacters += output ?? 0;
    cost.latencyMs += latency ?? 0;
    if (latency !== null && (cost.slowest === null || latency > cost.slowest.latencyMs)) {
      cost.slowest = { resultId: result.id, latencyMs: latency };
    }
    if (input === null || output === null || latency === null) cost.incomplete += 1;
    if (system?.inputTruncated === true) cost.truncated += 1;
    if (refusalOf(result) !== null) cost.refusals += 1;
  }
  return cost;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "640 ms", "4.2 s", "1,250.5 s": milliseconds below a second, seconds to a tenth above. */
export function formatLatency(ms: number): string {
  return ms < 1000
    ? `${Math.round(ms).toLocaleString()} ms`
    : `${(ms / 1000).toLocaleString(undefined, { maximumFractionDigits: 1 })} s`;
}

/** The figures as the parts of one line, for people. */
export function describeCost(cost: AnalysisCost): string[] {
  const parts = [
    count(cost.results, 'result', 'results'),
    `${cost.inputCharacters.toLocaleString()} characters in, ${cost.outputCharacters.toLocaleString()} out`,
  ];
  if (cost.slowest) parts.push(`${formatLatency(cost.latencyMs)} in all, the slowest ${formatLatency(cost.slowest.latencyMs)}`);
  parts.push(cost.truncated === 0 ? 'no truncated input' : count(cost.truncated, 'truncated input', 'truncated inputs'));
  parts.push(cost.refusals === 0 ? 'no refusal' : count(cost.refusals, 'refusal', 'refusals'));
  if (cost.incomplete > 0) {
    parts.push(
      cost.incomplete === cost.results
        ? 'Twilio gave no figures for any result'
        : `figures missing for ${count(cost.incomplete, 'result', 'results')}`,
    );
  }
  return parts;
}
