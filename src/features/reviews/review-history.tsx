import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { HistoryPage } from '../../api/review-answers';
import { Button } from '../../components/button';
import { DateTime } from '../../components/date-time';
import { historyQueryOptions } from './api';
import { VERDICT_LABELS } from './result-verdicts';
import { REVIEW_STATUS_LABELS } from '../../components/review-status-badge';

type Entry = HistoryPage['entries'][number];

const ENTITY_NAMES: Record<Entry['entity'], string> = {
  note: 'note',
  verdict: 'verdict',
  conversation_review: 'review status',
  reviewer: 'reviewer',
};
const ACTION_NAMES: Record<Entry['action'], string> = { create: 'added', update: 'changed', delete: 'deleted' };

/** The fields of a record a person would recognise, in the order they read them. */
const SHOWN_FIELDS = ['status', 'verdict', 'correction', 'text', 'note', 'name'] as const;

function fieldsOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

const LABELS: Record<string, Record<string, string>> = { status: REVIEW_STATUS_LABELS, verdict: VERDICT_LABELS };

const shownValue = (field: string, value: unknown) =>
  typeof value === 'string' && LABELS[field]?.[value] ? LABELS[field][value] : plainValue(value);

const plainValue = (value: unknown) =>
  value === null || value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value);

/** What changed, field by field: only the fields whose value differs (all of them for a creation). */
export function changesOf(
  entry: Pick<Entry, 'before' | 'after'>,
): Array<{ field: string; before: string | null; after: string | null }> {
  const before = fieldsOf(entry.before);
  const after = fieldsOf(entry.after);
  return SHOWN_FIELDS.flatMap((field) => {
    if (!(field in before) && !(field in after)) return [];
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) return [];
    // A new record's empty fields say nothing.
    if (entry.before === null && (after[field] === null || after[field] === undefined)) return [];
    return [
      {
        field,
        before: entry.before === null || !(field in before) ? null : shownValue(field, before[field]),
        after: entry.after === null || !(field in after) ? null : shownValue(field, after[field]),
      },
    ];
  });
}

/** Every change to the conversation's review, oldest first: who, when, and before and after. */
export function ReviewHistory({ conversationId }: { conversationId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)} className="text-sm">
      <summary className="cursor-pointer font-medium text-sky-800 dark:text-sky-300">History of this review</summary>
      {open && <HistoryList conversationId={conversationId} />}
    </details>
  );
}

function HistoryList({ conversationId }: { conversationId: string }) {
  const history = useInfiniteQuery(historyQueryOptions(conversationId));
  if (history.isPending) return <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">Loading the history…</p>;
  // A next page that failed keeps the changes already shown.
  if (history.data === undefined) {
    return (
      <p role="status" className="mt-2 text-xs text-rose-800 dark:text-rose-300">
        The history could not be loaded ({history.error?.message}).
      </p>
    );
  }
  const entries = history.data.pages.flatMap((page) => page.entries);
  if (entries.length === 0)
    return <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">Nothing has been recorded yet.</p>;
  return (
    <>
      <ol aria-label="Changes, oldest first" className="mt-2 space-y-2">
        {entries.map((entry) => (
          <li key={entry.id} className="rounded-md bg-slate-50 p-2 text-xs dark:bg-slate-800/60">
            <p className="text-slate-800 dark:text-slate-200">
              <strong>{entry.actor?.name ?? 'Someone'}</strong> {ACTION_NAMES[entry.action]} a {ENTITY_NAMES[entry.entity]},{' '}
              <DateTime iso={entry.at} className="text-slate-600 dark:text-slate-400" />
            </p>
            <dl className="mt-1 space-y-0.5">
              {changesOf(entry).map((change) => (
                <div key={change.field} className="[overflow-wrap:anywhere]">
                  <dt className="inline font-medium text-slate-700 dark:text-slate-300">{change.field}: </dt>
                  <dd className="inline text-slate-800 dark:text-slate-200">
                    {change.before !== null && (
                      <>
                        <del className="text-rose-800 dark:text-rose-300">{change.before}</del>
                        {' \u2192 '}
                      </>
                    )}
                    {change.after !== null ? (
                      <ins className="text-emerald-800 no-underline dark:text-emerald-300">{change.after}</ins>
                    ) : (
                      '(deleted)'
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
      {history.hasNextPage && (
        <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-700 dark:text-slate-300">
          <span>The first {entries.length} changes are shown.</span>
          <Button onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage}>
            {history.isFetchingNextPage ? 'Loading more changes\u2026' : 'Load more changes'}
          </Button>
        </div>
      )}
      {history.isFetchNextPageError && (
        <p role="status" className="mt-2 text-xs text-rose-800 dark:text-rose-300">
          The next changes could not be loaded ({history.error?.message}).
        </p>
      )}
    </>
  );
}
