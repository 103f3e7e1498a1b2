import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { isId } from '../../api/ids';
import type { OperatorResult } from '../../api/operator-result';
import { describeError } from '../../components/api-error-state';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { DateTime } from '../../components/date-time';
import { SkeletonBlock } from '../../components/skeleton';
import { withZone } from '../../lib/time';
import { useZone } from '../../lib/use-zone';
import { namedOperators, operatorQueryOptions } from './api';
import { AnalysisCostLine } from './analysis-cost-line';
import { FORMAT_LABELS, TRIGGER_LABELS } from './labels';
import { OperatorLine } from './operator-line';
import { EarlierRuns, RepeatNote } from './earlier-runs';
import { byInstant, groupRuns, ranAt, ranAtInstant, type RunGroup } from './result-history';
import { previewOf, staleNotice, type Evidence } from './result-summary';
import type { ConversationResults, ResultEntry } from './use-conversation-results';
import { lookup } from '../../lib/lookup';

export type SortOrder = 'time' | 'operator';

export const resultRowId = (id: string) => `result-row-${id}`;

/**
 * What the panel shows: its rows (an operator's runs under one rule are one row, plus any result
 * still loading or unopenable) and how many results those rows hold.
 */
export function countResults(entries: readonly ResultEntry[]): { rows: number; results: number } {
  const loaded = entries.flatMap((entry) => (entry.kind === 'result' ? [entry.result] : []));
  return { rows: groupRuns(loaded).length + entries.length - loaded.length, results: entries.length };
}

/** "4 · 9 runs", or just "4" while every row is one result. */
export const resultCountLabel = ({ rows, results }: { rows: number; results: number }) =>
  rows === results ? String(results) : `${rows} \u00b7 ${results} runs`;

/** Operator names by operator ID; a failed lookup simply leaves the ID to be shown. */
export function useOperatorNames(results: OperatorResult[]): Map<string, string> {
  const ids = namedOperators(results);
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

function PendingRow({ id, query }: { id: string | null; query: UseQueryResult<unknown> }) {
  if (query.isPending) {
    return (
      <li className="border-l-4 border-transparent p-3" aria-busy="true">
        <span className="sr-only">{id ? `Loading result ${id}` : 'Loading results'}</span>
        <SkeletonBlock className="h-4 w-1/2" />
        <SkeletonBlock className="mt-2 h-3 w-5/6" />
      </li>
    );
  }
  const { title, detail, retry } = describeError(query.error, 'operator result');
  return (
    <li className="border-l-4 border-transparent p-3">
      <p className="text-sm font-semibold text-rose-800 dark:text-rose-300">{title}</p>
      <p className="text-xs text-slate-700 dark:text-slate-300">{detail}</p>
      {id && <p className="mt-1 font-mono text-[0.7rem] break-all text-slate-500 dark:text-slate-400">{id}</p>}
      {retry && (
        <Button className="mt-2" onClick={() => void query.refetch()} disabled={query.isFetching}>
          Retry
        </Button>
      )}
    </li>
  );
}

function UnopenableRow({ id }: { id: string }) {
  return (
    <li className="border-l-4 border-transparent p-3">
      <p className="text-sm font-semibold text-slate-900 dark:text-slate-100">A reference this viewer cannot open</p>
      <p className="text-xs text-slate-700 dark:text-slate-300">
        The conversation lists it among its results, but it is not shaped like an operator result ID, so it is not fetched.
      </p>
      <p className="mt-1 font-mono text-xs [overflow-wrap:anywhere] text-slate-800 dark:text-slate-200">{id}</p>
    </li>
  );
}

function ResultRow({
  result,
  unlisted,
  arrived,
  name,
  selected,
  evidence,
  references,
  review,
  onSelect,
  focusSeq,
  onFocused,
  history,
}: {
  result: OperatorResult;
  unlisted: boolean;
  /** Arrived while the page was open (a live conversation's operators at work). */
  arrived: boolean;
  name: string | undefined;
  selected: boolean;
  evidence: Evidence;
  references: ReactNode;
  review: ReactNode;
  onSelect: (id: string | null) => void;
  /** Set when the page asks for this row to be brought into view and focused (a new number each time). */
  focusSeq: number | null;
  onFocused: () => void;
  /** The operator's earlier runs under the same rule, and repeats of this one. */
  history?: ReactNode;
}) {
  const { id } = result;
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusSeq === null || !button.current) return;
    button.current.scrollIntoView({ block: 'nearest' });
    button.current.focus();
    onFocused();
  }, [focusSeq, onFocused]);
  const when = ranAt(result);
  const trigger = result.executionDetails?.trigger?.on;
  const stale = staleNotice(evidence.coverage);
  const operatorLabel = name ?? (result.operator.id || 'Operator not named');
  const zone = useZone();
  return (
    <li
      className={
        selected ? 'border-l-4 border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/50' : 'border-l-4 border-transparent'
      }
    >
      <button
        ref={button}
        type="button"
        id={resultRowId(id)}
        aria-pressed={selected}
        onClick={() => onSelect(selected ? null : id)}
        className="block w-full scroll-mt-16 p-3 pb-1 text-left hover:bg-slate-50 dark:hover:bg-slate-800/60"
      >
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className={`font-semibold text-slate-950 dark:text-white ${name ? '' : 'font-mono text-xs break-all'}`}>
            {operatorLabel}
          </span>
          {typeof result.operator.version === 'number' && (
            <span className="text-xs text-slate-600 dark:text-slate-400">v{result.operator.version}</span>
          )}
          <Badge tone={lookup(FORMAT_LABELS, result.outputFormat) ? 'violet' : 'outline'}>
            {lookup(FORMAT_LABELS, result.outputFormat) ?? result.outputFormat}
          </Badge>
          {arrived && (
            <Badge tone="green" title="Arrived while this page was open">
              New
            </Badge>
          )}
          {unlisted && (
            <Badge tone="amber" title={'Found by listing the conversation\u2019s results; its operatorResultIds do not name it'}>
              Not listed
            </Badge>
          )}
        </span>
        <span className="mt-1 block text-sm text-slate-800 [overflow-wrap:anywhere] dark:text-slate-200">
          {previewOf(result)}
        </span>
        <span className="mt-1 block text-xs text-slate-600 dark:text-slate-400">
          {trigger ? (lookup(TRIGGER_LABELS, trigger) ?? trigger) : 'Trigger not provided'}
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
      <div className="space-y-2 px-3 pb-3 text-xs">
        {isId('operatorResult', id) ? (
          <Link
            to={withZone(`/operator-results/${id}`, zone)}
            aria-label={`Full result: ${operatorLabel}`}
            className="font-medium text-sky-800 underline dark:text-sky-300"
          >
            Full result
          </Link>
        ) : (
          <p className="text-slate-600 dark:text-slate-400">
            Its ID, <code className="font-mono [overflow-wrap:anywhere]">{id}</code>, is not one this viewer can open on its own
            page.
          </p>
        )}
        {selected && evidence.range.size + evidence.references.size === 0 && (
          <p className="text-slate-600 dark:text-slate-400">No message of this conversation is marked as its evidence.</p>
        )}
        {selected && <OperatorLine result={result} name={name} />}
        {selected && references}
        {selected && review}
        {history}
      </div>
    </li>
  );
}

const noop = () => {};
const noReview = () => null;

const notice = 'mx-4 mb-2 rounded-md bg-amber-50 p-2 text-xs text-amber-950 dark:bg-amber-950/60 dark:text-amber-100';

export function ResultsPanel({
  results,
  selectedId,
  onSelect,
  evidenceFor,
  referencesFor,
  focus = null,
  onFocused = noop,
  reviewFor = noReview,
}: {
  results: ConversationResults;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  evidenceFor: (result: OperatorResult) => Evidence;
  /** What the selected result refers to, shown under it (null: nothing to add to its evidence). */
  referencesFor: (result: OperatorResult) => ReactNode;
  /** A row to bring into view and focus (a marker on a message leads back to its result). */
  focus?: { id: string; seq: number } | null;
  onFocused?: () => void;
  /** The reviewers' verdicts on the selected result, and the reader's own (wired in by the page). */
  reviewFor?: (result: OperatorResult) => ReactNode;
}) {
  const [sort, setSort] = useState<SortOrder>('time');
  const sortId = useId();
  const { entries, list, unlistedCount } = results;
  const loaded = useMemo(() => entries.flatMap((entry) => (entry.kind === 'result' ? [entry.result] : [])), [entries]);
  const names = useOperatorNames(loaded);
  const resultOf = (entry: ResultEntry) => (entry.kind === 'result' ? entry.result : undefined);
  const nameOf = (entry: ResultEntry) => {
    const result = resultOf(entry);
    return result ? (names.get(result.operator.id) ?? result.operator.id) : '\uffff';
  };
  // An entry that is not a loaded result (an error, a reference this viewer cannot open) goes last.
  const timeOf = (entry: ResultEntry) => {
    const result = resultOf(entry);
    return result ? ranAtInstant(result) : Infinity;
  };
  const sorted = [...entries].sort((a, b) =>
    sort === 'operator' ? nameOf(a).localeCompare(nameOf(b)) || byInstant(timeOf(a), timeOf(b)) : byInstant(timeOf(a), timeOf(b)),
  );
  // Results grouped by operator and rule, in the order of each group's latest run; the rest after.
  const groups = groupRuns(sorted.flatMap((entry) => (entry.kind === 'result' ? [entry.result] : [])));
  const grouped: Array<{ kind: 'group'; group: RunGroup } | { kind: 'entry'; entry: ResultEntry }> = [
    ...groups.map((group) => ({ kind: 'group' as const, group })),
    ...sorted.filter((entry) => entry.kind !== 'result').map((entry) => ({ kind: 'entry' as const, entry })),
  ];
  const latestAt = (row: (typeof grouped)[number]) => (row.kind === 'group' ? ranAtInstant(row.group.latest.result) : Infinity);
  const rows = sort === 'operator' ? grouped : grouped.sort((a, b) => byInstant(latestAt(a), latestAt(b)));
  const unlistedIds = new Set(entries.flatMap((entry) => (entry.kind === 'result' && entry.unlisted ? [entry.id] : [])));
  const runSelected = (id: string, repeats: OperatorResult[]) =>
    selectedId !== null && (id === selectedId || repeats.some((r) => r.id === selectedId));
  const settled = list.isSuccess || list.isError;
  // A link to a result this conversation does not have is explained; a value that could not be a
  // result ID at all is ignored.
  const unknownSelection =
    settled && selectedId !== null && isId('operatorResult', selectedId) && !entries.some((entry) => entry.id === selectedId);
  const listFailure = list.isError ? describeError(list.error, 'operator result') : null;

  return (
    <section
      aria-labelledby="results-heading"
      className="rounded-xl border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2 p-4 pb-2">
        <h2 id="results-heading" className="text-base font-semibold text-slate-950 dark:text-white">
          Operator results{' '}
          <span className="font-normal text-slate-600 dark:text-slate-400">({resultCountLabel(countResults(entries))})</span>
        </h2>
        {entries.length > 1 && (
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
        <p role="status" className={notice}>
          The link selects result <code className="break-all">{selectedId}</code>, which this conversation does not list.
        </p>
      )}
      {listFailure && (
        <div role="status" className={notice}>
          <p>
            <strong>{listFailure.title}.</strong> The results could not be listed in one request
            {entries.length > 0 ? ', so each is fetched on its own.' : '.'}
          </p>
          {listFailure.retry && (
            <Button className="mt-2" onClick={() => void list.refetch()} disabled={list.isFetching}>
              Retry
            </Button>
          )}
        </div>
      )}
      {unlistedCount > 0 && (
        <p role="note" className={notice}>
          {unlistedCount === 1 ? 'One result' : `${unlistedCount} results`} of this conversation{' '}
          {unlistedCount === 1 ? 'is' : 'are'} missing from its own list of results; {unlistedCount === 1 ? 'it is' : 'they are'}{' '}
          shown too, marked {'\u201cNot listed\u201d'}.
        </p>
      )}
      {entries.length === 0 ? (
        list.isPending ? (
          <ul aria-busy="true" className="border-t border-slate-200 dark:border-slate-700">
            <PendingRow id={null} query={list} />
          </ul>
        ) : list.isSuccess ? (
          <p className="px-4 pb-4 text-sm text-slate-600 dark:text-slate-400">
            No language operator has produced a result for this conversation.
          </p>
        ) : null
      ) : (
        <>
          <p className="px-4 pb-2 text-xs text-slate-600 dark:text-slate-400">
            Select a result to highlight the messages it rests on.
          </p>
          <ul className="divide-y divide-slate-200 border-t border-slate-200 dark:divide-slate-700 dark:border-slate-700">
            {rows.map((row) =>
              row.kind === 'group' ? (
                <ResultRow
                  key={row.group.key}
                  result={row.group.latest.result}
                  unlisted={unlistedIds.has(row.group.latest.result.id)}
                  arrived={results.arrived.has(row.group.latest.result.id)}
                  name={names.get(row.group.latest.result.operator.id)}
                  selected={runSelected(row.group.latest.result.id, row.group.latest.repeats)}
                  evidence={evidenceFor(row.group.latest.result)}
                  references={
                    runSelected(row.group.latest.result.id, row.group.latest.repeats)
                      ? referencesFor(row.group.latest.result)
                      : null
                  }
                  review={
                    runSelected(row.group.latest.result.id, row.group.latest.repeats) ? reviewFor(row.group.latest.result) : null
                  }
                  onSelect={onSelect}
                  focusSeq={focus?.id === row.group.latest.result.id ? focus.seq : null}
                  onFocused={onFocused}
                  history={
                    <>
                      <RepeatNote run={row.group.latest} />
                      <EarlierRuns
                        runs={row.group.earlier}
                        operatorLabel={names.get(row.group.latest.result.operator.id) ?? row.group.latest.result.operator.id}
                        selectedId={selectedId}
                        onSelect={onSelect}
                        focus={focus}
                        onFocused={onFocused}
                        reviewFor={reviewFor}
                      />
                    </>
                  }
                />
              ) : row.entry.kind === 'unopenable' ? (
                <UnopenableRow key={row.entry.id} id={row.entry.id} />
              ) : row.entry.kind === 'fetching' ? (
                <PendingRow key={row.entry.id} id={row.entry.id} query={row.entry.query} />
              ) : null,
            )}
          </ul>
          <AnalysisCostLine results={loaded} />
        </>
      )}
    </section>
  );
}
