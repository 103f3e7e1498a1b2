import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiErrorState, RateLimitNotice } from '../../components/api-error-state';
import { Button } from '../../components/button';
import { ErrorState } from '../../components/error-state';
import { ShortcutsList } from '../../components/shortcuts-dialog';
import { ApiError } from '../../lib/api-client';
import { noConversationFor } from '../../lib/channel-lookup';
import { isShortcut } from '../../lib/keyboard';
import { retryDelay } from '../../lib/query-client';
import { placeOf } from '../../lib/scroll-memory';
import { withZone, zoneFormat } from '../../lib/time';
import { useMediaQuery } from '../../lib/use-media-query';
import { useZone } from '../../lib/use-zone';
import { activeFilters } from './active-filters';
import { configurationListOptions, conversationListOptions, operatorListOptions, UnusableFilterError } from './api';
import { ConversationList } from './conversation-list';
import { FilterFields } from './filter-fields';
import { IdSearch } from './id-search';
import { activeFilterCount, listKey, NO_FILTERS } from './inbox-filters';
import { EmptyList, SkeletonRows } from './list-states';
import { useInboxUrl } from './use-inbox-url';

export const INBOX_SHORTCUTS: Array<[keys: string, what: string]> = [
  ['j / k', 'Next / previous conversation'],
  ['Enter', 'Open the selected conversation'],
  ['/', 'Go to the filters (the ID search)'],
  ['?', 'Show these shortcuts'],
];

/**
 * The account's conversations, newest first, with filters in the URL and rows loading as the reader
 * nears the end. `onIntent` is told of a conversation the reader is about to open (hover, focus),
 * so the page that shows it can be started ahead of the click.
 */
export function Inbox({ onIntent }: { onIntent: (conversationId: string) => void }) {
  const { filters, problems, setFilters } = useInboxUrl();
  const location = useLocation();
  const navigate = useNavigate();
  const zone = useZone();
  const format = useMemo(() => zoneFormat(zone), [zone]);
  const wide = useMediaQuery('(min-width: 768px)');
  const [now] = useState(() => Date.now());
  const key = listKey(filters);

  const list = useInfiniteQuery(conversationListOptions(filters));
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !isFetchNextPageError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  const [chosen, setSelected] = useState<number | null>(() => placeOf(location.key)?.selected ?? null);
  // A row chosen in a list that has since become shorter (a filter changed) is chosen no more.
  const selected = chosen !== null && chosen < items.length ? chosen : null;

  const hrefFor = useCallback(
    (id: string) => withZone(`/conversations/${id}${key ? `?from=${encodeURIComponent(key)}` : '?from='}`, zone),
    [key, zone],
  );

  // Names for the filters' IDs, when the lists are in.
  const configurations = useQuery(configurationListOptions());
  const operators = useQuery(operatorListOptions());
  const nameOf = useCallback(
    (id: string) =>
      [...(configurations.data ?? []), ...(operators.data ?? [])].find((item) => item.id === id)?.displayName?.trim() || id,
    [configurations.data, operators.data],
  );
  const active = activeFilters(filters, nameOf, format.dateTime);
  const count = activeFilterCount(filters);

  const searchInput = useRef<HTMLInputElement>(null);

  // Keyboard: j / k move, Enter opens, / goes to the filters, ? lists the keys.
  const dialog = useRef<HTMLDialogElement>(null);
  const latest = useRef({ items, selected, hrefFor });
  useEffect(() => {
    latest.current = { items, selected, hrefFor };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event)) return;
      const { items, selected, hrefFor } = latest.current;
      if (event.key === 'j' || event.key === 'k') {
        if (items.length === 0) return;
        const next = selected === null ? 0 : Math.min(items.length - 1, Math.max(0, selected + (event.key === 'j' ? 1 : -1)));
        setSelected(next);
      } else if (event.key === 'Enter' && selected !== null && items[selected]) {
        void navigate(hrefFor(items[selected].id));
      } else if (event.key === '/') {
        searchInput.current?.focus();
      } else if (event.key === '?') {
        dialog.current?.showModal();
      } else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate]);

  const sheet = useRef<HTMLDialogElement>(null);
  const filterFields = <FilterFields filters={filters} zone={zone} onChange={setFilters} />;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold text-slate-950 sm:text-2xl dark:text-white">Conversations</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
          {list.data ? `${items.length} loaded${hasNextPage ? ', more to load' : ''}` : ''}
        </p>
      </div>

      {problems.length > 0 && (
        <ErrorState title="Part of this link could not be used" tone="warning">
          <ul className="list-disc pl-5">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </ErrorState>
      )}

      <section
        aria-label="Filters"
        className="space-y-3 rounded-xl border border-slate-200 bg-white p-3 sm:p-4 dark:border-slate-700 dark:bg-slate-900"
      >
        <IdSearch
          zone={zone}
          inputRef={searchInput}
          hrefFor={hrefFor}
          onChannel={(channelId) => setFilters({ ...filters, channelId })}
        />
        <div className="flex flex-wrap items-center gap-3">
          {!wide && (
            <Button onClick={() => sheet.current?.showModal()} aria-haspopup="dialog">
              Filters{count > 0 ? ` (${count})` : ''}
            </Button>
          )}
          <span className="text-sm text-slate-700 dark:text-slate-300">
            {count === 0 ? 'No filters' : `${count} active filter${count === 1 ? '' : 's'}`}
          </span>
          {count > 0 && <Button onClick={() => setFilters(NO_FILTERS)}>Clear filters</Button>}
        </div>
        {wide && filterFields}
      </section>
      {!wide && (
        <dialog
          ref={sheet}
          aria-labelledby="filter-sheet-heading"
          className="mt-auto mb-0 max-h-[85dvh] w-full max-w-none rounded-t-xl border-t border-slate-200 bg-white p-4 text-slate-900 backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        >
          <div className="mb-3 flex items-center justify-between">
            <h2 id="filter-sheet-heading" className="text-base font-semibold">
              Filters
            </h2>
            <form method="dialog">
              <Button type="submit">Done</Button>
            </form>
          </div>
          {filterFields}
        </dialog>
      )}

      <section
        aria-label="Conversation list"
        className="rounded-xl border border-slate-200 bg-white py-2 dark:border-slate-700 dark:bg-slate-900"
      >
        {list.isPending ? (
          <>
            {list.failureReason instanceof ApiError && list.failureReason.status === 429 && (
              <div className="px-3 pb-2">
                <RateLimitNotice
                  error={list.failureReason}
                  failureCount={list.failureCount}
                  delayMs={retryDelay(list.failureCount - 1, list.failureReason)}
                />
              </div>
            )}
            <SkeletonRows />
          </>
        ) : list.isError && items.length === 0 ? (
          <div className="p-3">
            {list.error instanceof UnusableFilterError ? (
              <ErrorState title="These filters cannot be listed" tone="warning">
                <p>{list.error.message}</p>
              </ErrorState>
            ) : (
              <ApiErrorState
                error={list.error}
                subject="conversation list"
                onRetry={() => void list.refetch()}
                retrying={list.isFetching}
              />
            )}
          </div>
        ) : items.length === 0 ? (
          <div className="p-3">
            <EmptyList
              active={active}
              headline={filters.channelId ? noConversationFor(filters.channelId) : 'No conversation matches these filters'}
              onChange={setFilters}
            />
          </div>
        ) : (
          <ConversationList
            key={`${key}|${zone}`}
            items={items}
            columns={[]}
            placeKey={location.key}
            hrefFor={hrefFor}
            now={now}
            zone={zone}
            format={format}
            onNearEnd={loadMore}
            onIntent={onIntent}
            onOpen={() => {}}
            selected={selected}
            onSelect={setSelected}
            footer={
              <div className="px-3 pt-3 pb-1 text-sm text-slate-700 dark:text-slate-300">
                {isFetchingNextPage ? (
                  <p role="status">Loading more conversations…</p>
                ) : isFetchNextPageError ? (
                  <ApiErrorState
                    error={list.error}
                    subject="conversation list"
                    onRetry={() => void fetchNextPage()}
                    retrying={false}
                  />
                ) : hasNextPage ? (
                  <Button onClick={() => void fetchNextPage()}>Load more</Button>
                ) : (
                  <p>
                    {items.length === 1 ? 'The one conversation' : `All ${items.length} conversations`} with these filters
                    {filters === NO_FILTERS || count === 0 ? ' in the account' : ''} are loaded.
                  </p>
                )}
              </div>
            }
          />
        )}
      </section>
      <ShortcutsList dialog={dialog} shortcuts={INBOX_SHORTCUTS} />
    </div>
  );
}
