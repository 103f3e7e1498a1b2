import type { OperatorResult } from '../../api/operator-result';
import { analysisCost, describeCost } from './analysis-cost';

/**
 * What the conversation's analysis cost, from the results the panel holds: results, characters in
 * and out (Twilio's billing units), latency, and the runs that saw a truncated input or refused.
 */
export function AnalysisCostLine({ results }: { results: readonly OperatorResult[] }) {
  if (results.length === 0) return null;
  const cost = analysisCost(results);
  return (
    <p className="border-t border-slate-200 px-4 py-3 text-xs text-slate-700 dark:border-slate-700 dark:text-slate-300">
      <span className="font-semibold text-slate-900 dark:text-slate-100">What the analysis cost: </span>
      {describeCost(cost).join(' \u00b7 ')}
    </p>
  );
}
