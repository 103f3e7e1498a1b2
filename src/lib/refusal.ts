import type { OperatorResult } from '../api/operator-result';

/** A `refusal` may come at the top level or inside `result`; either way it is what the operator said. */
export function refusalOf(result: OperatorResult): string | null {
  const candidates = [result.refusal, (result.result as { refusal?: unknown } | null | undefined)?.refusal];
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && candidate.trim()) return candidate;
    if (candidate && typeof candidate === 'object') return JSON.stringify(candidate);
  }
  return null;
}
