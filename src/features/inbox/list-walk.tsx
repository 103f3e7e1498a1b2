import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { buttonClass } from '../../components/button';
import { isShortcut } from '../../lib/keyboard';
import { withZone, zoneOf } from '../../lib/time';
import { conversationListOptions } from './api';
import { readFilters } from './inbox-filters';

/** How many pages the walk reads, after a reload, to find where the conversation is in its list. */
const MAX_PAGES_TO_FIND = 40;

/**
 * "Previous" / "Next" (keys `[` / `]`) through the list a conversation was opened from: its
 * filters travel in the link (`?from=`), and the list's pages are the inbox's own (the same query),
 * so stepping needs no request until the end of the loaded rows, where the next page is asked for.
 * After a reload the list is read again, page by page, until the conversation is found.
 */
export function ListWalk({ conversationId }: { conversationId: string }) {
  const [params] = useSearchParams();
  const from = params.get('from');
  if (from === null) return null;
  return <Walk conversationId={conversationId} from={from} zone={zoneOf(params)} />;
}

function Walk({ conversationId, from, zone }: { conversationId: string; from: string; zone: ReturnType<typeof zoneOf> }) {
  const navigate = useNavigate();
  const filters = useMemo(() => readFilters(new URLSearchParams(from)).filters, [from]);
  const list = useInfiniteQuery(conversationListOptions(filters));
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const index = items.findIndex((item) => item.id === conversationId);
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = list;
  const pages = list.data?.pages.length ?? 0;

  // Not found yet (a reload), or at the last loaded row: the next page.
  const needMore = list.data !== undefined && (index === -1 ? pages < MAX_PAGES_TO_FIND : index >= items.length - 1);
  useEffect(() => {
    if (needMore && hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [needMore, hasNextPage, isFetchingNextPage, isError, fetchNextPage]);

  const hrefOf = (id: string) => withZone(`/conversations/${id}?from=${encodeURIComponent(from)}`, zone);
  const previous = index > 0 ? items[index - 1]! : null;
  const next = index !== -1 && index < items.length - 1 ? items[index + 1]! : null;
  const listHref = withZone(`/conversations${from ? `?${from}` : ''}`, zone);

  const targets = useRef({ previous: previous && hrefOf(previous.id), next: next && hrefOf(next.id) });
  useEffect(() => {
    targets.current = { previous: previous && hrefOf(previous.id), next: next && hrefOf(next.id) };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event) || (event.key !== '[' && event.key !== ']')) return;
      const target = event.key === '[' ? targets.current.previous : targets.current.next;
      if (!target) return;
      event.preventDefault();
      void navigate(target);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate]);

  const position =
    index === -1
      ? list.isPending || isFetchingNextPage
        ? 'Finding this conversation in the list\u2026'
        : 'Not among the list\u2019s conversations'
      : `${index + 1} of ${items.length}${hasNextPage ? '+' : ''}`;
  const disabled = `${buttonClass} pointer-events-none opacity-50`;
  return (
    <nav
      aria-label="The list this conversation was opened from"
      className="mb-3 flex flex-wrap items-center gap-2 text-sm print:hidden"
    >
      <Link to={listHref} className="font-medium text-sky-800 underline dark:text-sky-300">
        Back to the list
      </Link>
      <span className="text-slate-700 dark:text-slate-300" aria-live="polite">
        {position}
      </span>
      <span className="ml-auto flex gap-2">
        {previous ? (
          <Link to={hrefOf(previous.id)} className={buttonClass} aria-keyshortcuts="[">
            <span aria-hidden="true">&larr;</span> Previous
          </Link>
        ) : (
          <span className={disabled} aria-disabled="true">
            <span aria-hidden="true">&larr;</span> Previous
          </span>
        )}
        {next ? (
          <Link to={hrefOf(next.id)} className={buttonClass} aria-keyshortcuts="]">
            Next <span aria-hidden="true">&rarr;</span>
          </Link>
        ) : (
          <span className={disabled} aria-disabled="true">
            {isFetchingNextPage ? 'Loading\u2026' : 'Next'} <span aria-hidden="true">&rarr;</span>
          </span>
        )}
      </span>
    </nav>
  );
}
