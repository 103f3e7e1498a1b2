import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { isId } from '../../api/ids';
import { DateTime } from '../../components/date-time';
import { withZone } from '../../lib/time';
import { useZone } from '../../lib/use-zone';
import { ranAt, type Run } from './result-history';
import { previewOf } from './result-summary';

export const runRowId = (id: string) => `result-row-${id}`;

const runIds = (run: Run) => [run.result.id, ...run.repeats.map((r) => r.id)];

/** "and 2 identical runs before": repeats folded into a run. */
export function RepeatNote({ run }: { run: Run }) {
  if (run.repeats.length === 0) return null;
  return (
    <p className="text-slate-600 dark:text-slate-400">
      Ran {run.repeats.length + 1} times with the same version, range and output.
    </p>
  );
}

/**
 * An operator's earlier runs under the same rule, folded under its latest result ("5 earlier
 * runs"); open when one of them is selected. Each selects like a result in the panel.
 */
export function EarlierRuns({
  runs,
  operatorLabel,
  selectedId,
  onSelect,
  focus,
  onFocused,
  reviewFor,
}: {
  runs: Run[];
  operatorLabel: string;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  focus: { id: string; seq: number } | null;
  onFocused: () => void;
  /** The verdicts on a selected earlier run, and the reader's own, as on the latest. */
  reviewFor: (result: Run['result']) => ReactNode;
}) {
  const zone = useZone();
  const holdsSelection = selectedId !== null && runs.some((run) => runIds(run).includes(selectedId));
  const focused = focus && runs.find((run) => runIds(run).includes(focus.id));
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (!focused || !focus) return;
    if (details.current) details.current.open = true;
    const button = document.getElementById(runRowId(focused.result.id));
    button?.scrollIntoView({ block: 'nearest' });
    button?.focus();
    onFocused();
  }, [focused, focus, onFocused]);
  if (runs.length === 0) return null;
  return (
    <details
      ref={details}
      open={holdsSelection || undefined}
      className="rounded-md border border-slate-200 dark:border-slate-700"
    >
      <summary className="cursor-pointer px-2 py-1 font-medium text-slate-800 dark:text-slate-200">
        {runs.length === 1 ? '1 earlier run' : `${runs.length} earlier runs`}
      </summary>
      <ol className="divide-y divide-slate-200 dark:divide-slate-700" aria-label={`Earlier runs of ${operatorLabel}`}>
        {runs.map((run) => {
          const { result } = run;
          const selected = selectedId !== null && runIds(run).includes(selectedId);
          const when = ranAt(result);
          return (
            <li key={result.id} className={selected ? 'bg-sky-50 dark:bg-sky-950/50' : undefined}>
              <button
                type="button"
                id={runRowId(result.id)}
                aria-pressed={selected}
                onClick={() => onSelect(selected ? null : result.id)}
                className="block w-full px-2 py-1.5 text-left hover:bg-slate-50 dark:hover:bg-slate-800/60"
              >
                <span className="block text-slate-900 [overflow-wrap:anywhere] dark:text-slate-100">{previewOf(result)}</span>
                <span className="block text-slate-600 dark:text-slate-400">
                  {when ? <DateTime iso={when} className="whitespace-nowrap" /> : 'Time not provided'}
                  {typeof result.operator.version === 'number' && ` \u00b7 v${result.operator.version}`}
                  {run.repeats.length > 0 && ` \u00b7 ${run.repeats.length + 1} identical runs`}
                </span>
              </button>
              {selected && isId('operatorResult', result.id) && (
                <Link
                  to={withZone(`/operator-results/${result.id}`, zone)}
                  aria-label={`Full result: ${operatorLabel}, earlier run`}
                  className="mx-2 mb-1.5 inline-block font-medium text-sky-800 underline dark:text-sky-300"
                >
                  Full result
                </Link>
              )}
              {selected && <div className="px-2 pb-2">{reviewFor(result)}</div>}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
