import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiErrorState, RateLimitNotice } from '../../components/api-error-state';
import { Button } from '../../components/button';
import { ErrorState } from '../../components/error-state';
import { ShortcutsList } from '../../components/shortcuts-dialog';
import { ApiError } from '../../lib/api-client';
import { noConversationFor } from '../../lib/channel-lookup';
import { retryDelay } from '../../lib/query-client';
import { placeOf } from '../../lib/scroll-memory';
import { withZone, zoneFormat } from '../../lib/time';
import { useMediaQuery } from '../../lib/use-media-query';
import { useServerRendering } from '../../lib/server-rendering';
import { useZone } from '../../lib/use-zone';
import { activeFilters } from './active-filters';
import { configurationListOptions, operatorListOptions, UnusableFilterError } from './api';
import { ConversationList } from './conversation-list';
import { FilterFields } from './filter-fields';
import { IdSearch } from './id-search';
import { activeFilterCount, listKey, NO_FILTERS } from '../../api/inbox-filters';
import { viewKey } from './inbox-view';
import { EmptyList, SkeletonRows, TriageNotice } from './list-states';
import { describeReviewFilter } from './review-filter';
import { ReviewFilterField } from './review-filter-field';
import { ReviewStatusesContext } from './review-statuses';
import { TriageBar } from './triage-bar';
import { describeTest } from './triage';
import { useInboxRows } from './use-inbox-rows';
import { INBOX_SHORTCUTS, useInboxKeys } from './use-inbox-keys';
import { useInboxUrl } from './use-inbox-url';

/**
 * The account's conversations, newest first, with filters in the URL and rows loading as the reader
 * nears the end. `onIntent` is told of a conversation the reader is about to open (hover, focus),
 * so the page that shows it can be started ahead of the click.
 */
export function Inbox({ onIntent }: { onIntent: (conversationId: string) => void }) {
  const { filters, triage, review, problems, setFilters, setTriage, setReview, clearFilters } = useInboxUrl();
  const location = useLocation();
  const navigate = useNavigate();
  const zone = useZone();
  const format = useMemo(() => zoneFormat(zone), [zone]);
  const wide = useMediaQuery('(min-width: 768px)');
  // The server does not know the screen: it renders the button and the fields, and CSS shows one.
  const serverRendering = useServerRendering();
  const [now] = useState(() => Date.now());
  const key = listKey(filters);

  const inboxRows = useInboxRows({ filters, triage, review });
  const { list, loaded, rows: items, narrowed: triaged } = inboxRows;
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = list;
  // Filtered by results or review status, the rows shown may be few: more are loaded when the
  // reader asks, not on their own, or a rare value would page through the whole account.
  const loadMore = useCallback(() => {
    if (!triaged && hasNextPage && !isFetchingNextPage && !isFetchNextPageError) void fetchNextPage();
  }, [triaged, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  const [chosen, setSelected] = useState<number | null>(() => placeOf(location.key)?.selected ?? null);
  // A row chosen in a list that has since become shorter (a filter changed) is chosen no more.
  const selected = chosen !== null && chosen < items.length ? chosen : null;

  // The conversation carries the whole view, so its Previous / Next walk the rows shown here.
  const from = viewKey({ filters, triage, review });
  const hrefFor = useCallback(
    (id: string) => withZone(`/conversations/${id}?from=${encodeURIComponent(from)}`, zone),
    [from, zone],
  );

  // Names for the filters' IDs, when the lists are in.
  const configurations = useQuery(configurationListOptions());
  const operators = useQuery(operatorListOptions());
  const nameOf = useCallback(
    (id: string) => [...(configurations.data ?? []), ...(operators.data ?? [])].find((item) => item.id === id)?.name ?? id,
    [configurations.data, operators.data],
  );
  const active = activeFilters(filters, nameOf, format.dateTime);
  const operatorNames = useMemo(() => operators.data ?? [], [operators.data]);
  const columns = useMemo(
    () => triage.columns.map((id) => ({ id, name: operatorNames.find((operator) => operator.id === id)?.name ?? id })),
    [triage.columns, operatorNames],
  );
  const count = activeFilterCount(filters) + (review ? 1 : 0);

  const searchInput = useRef<HTMLInputElement>(null);

  const dialog = useRef<HTMLDialogElement>(null);
  useInboxKeys({
    count: items.length,
    selected,
    select: setSelected,
    open: (index) => {
      const item = items[index];
      if (item) void navigate(hrefFor(item.id));
    },
    focusFilters: () => searchInput.current?.focus(),
    showKeys: () => dialog.current?.showModal(),
  });

  const sheet = useRef<HTMLDialogElement>(null);
  const filterFields = <FilterFields filters={filters} zone={zone} onChange={setFilters} />;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold text-slate-950 sm:text-2xl dark:text-white">Conversations</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
          {list.data
            ? `${triaged ? `${items.length} shown of ${loaded.length} loaded` : `${items.length} loaded`}${hasNextPage ? ', more to load' : ''}`
            : ''}
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
          {(!wide || serverRendering) && (
            <Button
              onClick={() => sheet.current?.showModal()}
              aria-haspopup="dialog"
              className={serverRendering ? 'md:hidden' : ''}
            >
              Filters{count > 0 ? ` (${count})` : ''}
            </Button>
          )}
          <span className="text-sm text-slate-700 dark:text-slate-300">
            {count === 0 ? 'No filters' : `${count} active filter${count === 1 ? '' : 's'}`}
          </span>
          {count > 0 && <Button onClick={clearFilters}>Clear filters</Button>}
        </div>
        {serverRendering ? <div className="hidden md:block">{filterFields}</div> : wide && filterFields}
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <ReviewFilterField review={review} onChange={setReview} />
          <TriageBar triage={triage} operators={operatorNames} seen={inboxRows.seen} onChange={setTriage} />
        </div>
      </section>
      {!wide && !serverRendering && (
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
        {triaged && list.data && (
          <TriageNotice
            shown={items.length}
            loaded={loaded.length}
            checking={inboxRows.checking}
            conditions={[
              ...(review ? [`the review status is ${describeReviewFilter(review)}`] : []),
              ...triage.conditions.map(
                (condition) =>
                  `${columns.find((column) => column.id === condition.operatorId)?.name ?? condition.operatorId} is ${describeTest(condition.test)}`,
              ),
            ]}
            canLoadMore={hasNextPage && !isFetchingNextPage}
            loadingMore={isFetchingNextPage}
            onLoadMore={() => void fetchNextPage()}
          />
        )}
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
        ) : items.length === 0 && triaged ? null : items.length === 0 ? (
          <div className="p-3">
            <EmptyList
              active={active}
              headline={filters.channelId ? noConversationFor(filters.channelId) : 'No conversation matches these filters'}
              onChange={setFilters}
            />
          </div>
        ) : (
          <ReviewStatusesContext value={inboxRows.statusOf}>
            <ConversationList
              key={`${key}|${zone}`}
              items={items}
              columns={columns}
              placeKey={location.key}
              hrefFor={hrefFor}
              now={now}
              zone={zone}
              format={format}
              onNearEnd={loadMore}
              onIntent={onIntent}
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
                      {filters === NO_FILTERS || count === 0 ? ' in the account' : ''} {items.length === 1 ? 'is' : 'are'} loaded.
                    </p>
                  )}
                </div>
              }
            />
          </ReviewStatusesContext>
        )}
      </section>
      <ShortcutsList dialog={dialog} shortcuts={INBOX_SHORTCUTS} />
    </div>
  );
}
