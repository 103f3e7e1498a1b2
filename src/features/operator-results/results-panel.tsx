import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { OperatorResult } from '../../api/operator-result';
import { describeError } from '../../components/api-error-state';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { DateTime } from '../../components/date-time';
import { SkeletonBlock } from '../../components/skeleton';
import { withZone } from '../../lib/time';
import { useZone } from '../../lib/use-zone';
import { operatorQueryOptions, useOperatorResults } from './api';
import { FORMAT_LABELS, TRIGGER_LABELS } from './labels';
import { previewOf, staleNotice, type Evidence } from './result-summary';

export type SortOrder = 'time' | 'operator';

export const resultRowId = (id: string) => `result-row-${id}`;

type Row = { id: string; query: UseQueryResult<OperatorResult> };

const ranAt = (result: OperatorResult) => result.executionDetails?.trigger?.timestamp ?? result.dateCreated ?? '';

/** Operator names by operator ID; a failed lookup simply leaves the ID to be shown. */
export function useOperatorNames(results: OperatorResult[]): Map<string, string> {
  const ids = [...new Set(results.map((r) => r.operator.id))];
  return useQueries({
    queries: ids.map(operatorQueryOptions),
    combine: (answers) => {
      const names = new Map<string, string>();
      answers.forEach((answer, i) => {
        const name = answer.data?.displayName?.trim();
        if (name) names.set(ids[i]!, name);
      });
      return names;
    },
  });
}

function ResultRow({
  row,
  name,
  selected,
  evidence,
  onSelect,
}: {
  row: Row;
  name: string | undefined;
  selected: boolean;
  evidence: Evidence | undefined;
  onSelect: (id: string | null) => void;
}) {
  const { id, query } = row;
  const result = query.data;
  const zone = useZone();
  if (!result) {
    if (query.isPending) {
      return (
        <li className="p-3" aria-busy="true">
          <span className="sr-only">Loading result {id}</span>
          <SkeletonBlock className="h-4 w-1/2" />
          <SkeletonBlock className="mt-2 h-3 w-5/6" />
        </li>
      );
    }
    const { title, detail, retry } = describeError(query.error, 'operator result');
    return (
      <li className="p-3">
        <p className="text-sm font-semibold text-rose-800 dark:text-rose-300">{title}</p>
        <p className="text-xs text-slate-700 dark:text-slate-300">{detail}</p>
        <p className="mt-1 font-mono text-[0.7rem] break-all text-slate-500 dark:text-slate-400">{id}</p>
        {retry && (
          <Button className="mt-2" onClick={() => void query.refetch()} disabled={query.isFetching}>
            Retry
          </Button>
        )}
      </li>
    );
  }
  const when = ranAt(result);
  const trigger = result.executionDetails?.trigger?.on;
  const stale = staleNotice(evidence?.coverage ?? null);
  return (
    <li
      className={
        selected ? 'border-l-4 border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/50' : 'border-l-4 border-transparent'
      }
    >
      <button
        type="button"
        id={resultRowId(id)}
        aria-pressed={selected}
        onClick={() => onSelect(selected ? null : id)}
        className="block w-full scroll-mt-16 p-3 pb-1 text-left hover:bg-slate-50 dark:hover:bg-slate-800/60"
      >
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className={`font-semibold text-slate-950 dark:text-white ${name ? '' : 'font-mono text-xs break-all'}`}>
            {name ?? result.operator.id}
          </span>
          {typeof result.operator.version === 'number' && (
            <span className="text-xs text-slate-600 dark:text-slate-400">v{result.operator.version}</span>
          )}
          <Badge tone={result.outputFormat in FORMAT_LABELS ? 'violet' : 'outline'}>
            {FORMAT_LABELS[result.outputFormat] ?? result.outputFormat}
          </Badge>
        </span>
        <span className="mt-1 block text-sm text-slate-800 [overflow-wrap:anywhere] dark:text-slate-200">
          {previewOf(result)}
        </span>
        <span className="mt-1 block text-xs text-slate-600 dark:text-slate-400">
          {trigger ? (TRIGGER_LABELS[trigger] ?? trigger) : 'Trigger not provided'}
          {when && (
            <>
              {' \u00b7 '}
              <DateTime iso={when} className="whitespace-nowrap" />
            </>
          )}
        </span>
        {stale && (
          <span className="mt-1 block text-xs font-semibold text-amber-800 dark:text-amber-300">
            {stale}: the conversation has grown since
          </span>
        )}
      </button>
      <div className="flex flex-wrap items-center gap-3 px-3 pb-3 text-xs">
        <Link
          to={withZone(`/operator-results/${id}`, zone)}
          aria-label={`Full result: ${name ?? result.operator.id}`}
          className="font-medium text-sky-800 underline dark:text-sky-300"
        >
          Full result
        </Link>
        {selected && evidence && evidence.range.size + evidence.references.size === 0 && (
          <span className="text-slate-600 dark:text-slate-400">No message of this conversation is marked as its evidence.</span>
        )}
      </div>
    </li>
  );
}

export function ResultsPanel({
  ids,
  selectedId,
  onSelect,
  evidenceFor,
}: {
  ids: string[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  evidenceFor: (result: OperatorResult) => Evidence;
}) {
  const [sort, setSort] = useState<SortOrder>('time');
  const sortId = useId();
  const queries = useOperatorResults(ids);
  const loaded = useMemo(() => queries.flatMap((q) => (q.data ? [q.data] : [])), [queries]);
  const names = useOperatorNames(loaded);
  const rows: Row[] = ids.map((id, i) => ({ id, query: queries[i]! }));
  const nameOf = (row: Row) =>
    row.query.data ? (names.get(row.query.data.operator.id) ?? row.query.data.operator.id) : '\uffff';
  const timeOf = (row: Row) => (row.query.data ? ranAt(row.query.data) : '\uffff');
  const sorted = [...rows].sort((a, b) =>
    sort === 'operator'
      ? nameOf(a).localeCompare(nameOf(b)) || timeOf(a).localeCompare(timeOf(b))
      : timeOf(a).localeCompare(timeOf(b)),
  );
  const unknownSelection = selectedId !== null && !ids.includes(selectedId);

  return (
    <section
      aria-labelledby="results-heading"
      className="rounded-xl border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2 p-4 pb-2">
        <h2 id="results-heading" className="text-base font-semibold text-slate-950 dark:text-white">
          Operator results <span className="font-normal text-slate-600 dark:text-slate-400">({ids.length})</span>
        </h2>
        {ids.length > 1 && (
          <span className="flex items-center gap-2 text-xs">
            <label htmlFor={sortId} className="text-slate-700 dark:text-slate-300">
              Sort by
            </label>
            <select
              id={sortId}
              value={sort}
              onChange={(event) => setSort(event.target.value as SortOrder)}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-600 dark:bg-slate-800"
            >
              <option value="time">Time</option>
              <option value="operator">Operator</option>
            </select>
          </span>
        )}
      </div>
      {unknownSelection && (
        <p
          role="status"
          className="mx-4 mb-2 rounded-md bg-amber-50 p-2 text-xs text-amber-950 dark:bg-amber-950/60 dark:text-amber-100"
        >
          The link selects result <code className="break-all">{selectedId}</code>, which this conversation does not list.
        </p>
      )}
      {ids.length === 0 ? (
        <p className="px-4 pb-4 text-sm text-slate-600 dark:text-slate-400">
          No language operator has produced a result for this conversation.
        </p>
      ) : (
        <>
          <p className="px-4 pb-2 text-xs text-slate-600 dark:text-slate-400">
            Select a result to highlight the messages it rests on.
          </p>
          <ul className="divide-y divide-slate-200 border-t border-slate-200 dark:divide-slate-700 dark:border-slate-700">
            {sorted.map((row) => (
              <ResultRow
                key={row.id}
                row={row}
                name={row.query.data ? names.get(row.query.data.operator.id) : undefined}
                selected={row.id === selectedId}
                evidence={row.query.data ? evidenceFor(row.query.data) : undefined}
                onSelect={onSelect}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
