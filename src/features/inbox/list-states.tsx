import { SkeletonBlock } from '../../components/skeleton';
import { Button } from '../../components/button';
import type { ActiveFilter } from './active-filters';
import type { InboxFilters } from '../../api/inbox-filters';

/** Rows in the shape of the real ones while the first page loads, so nothing jumps. */
export function SkeletonRows() {
  return (
    <div aria-busy="true">
      <p role="status" className="sr-only">
        Loading conversations…
      </p>
      {Array.from({ length: 8 }, (_, index) => (
        <div key={index} className="flex items-center gap-4 border-b border-slate-200 px-3 py-3 dark:border-slate-700">
          <div className="flex-1 space-y-2">
            <SkeletonBlock className="h-4 w-2/3" />
            <SkeletonBlock className="h-3 w-1/2" />
          </div>
          <SkeletonBlock className="hidden h-5 w-16 md:block" />
          <SkeletonBlock className="hidden h-5 w-20 md:block" />
          <SkeletonBlock className="h-4 w-16" />
        </div>
      ))}
    </div>
  );
}

/** No conversation matches: which filters narrow the list, each removable on its own. */
export function EmptyList({
  active,
  headline,
  onChange,
}: {
  active: ActiveFilter[];
  headline: string;
  onChange: (filters: InboxFilters) => void;
}) {
  return (
    <div role="status" className="rounded-lg border border-dashed border-slate-300 p-6 text-sm dark:border-slate-600">
      <h2 className="text-base font-semibold text-slate-950 dark:text-white">{headline}</h2>
      {active.length === 0 ? (
        <p className="mt-1 text-slate-700 dark:text-slate-300">The account has no conversations yet.</p>
      ) : (
        <>
          <p className="mt-1 text-slate-700 dark:text-slate-300">Loosen a filter to see more:</p>
          <ul className="mt-2 flex flex-wrap gap-2">
            {active.map((filter) => (
              <li key={filter.label}>
                <Button onClick={() => onChange(filter.without)} aria-label={`Remove filter: ${filter.label}`}>
                  {filter.label} <span aria-hidden="true">&times;</span>
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * Said plainly whenever result filters apply: they filter the rows loaded so far, not the account,
 * and more can be loaded.
 */
export function TriageNotice({
  shown,
  loaded,
  checking,
  conditions,
  canLoadMore,
  loadingMore,
  onLoadMore,
}: {
  shown: number;
  loaded: number;
  checking: number;
  conditions: string[];
  canLoadMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  return (
    <div
      role="status"
      className="mx-3 mb-2 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950/50 dark:text-amber-100"
    >
      <p>
        <strong>
          {shown} of the {loaded} loaded conversations
        </strong>{' '}
        where {conditions.join(' and ')}
        {checking > 0 ? ` (reading the results of ${checking} more\u2026)` : ''}. Only the conversations loaded so far are
        filtered.
      </p>
      {canLoadMore && <Button onClick={onLoadMore}>Load more conversations</Button>}
      {loadingMore && <span>Loading more conversations…</span>}
    </div>
  );
}
