import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ReviewStatusAnswer } from '../../api/review-answers';
import { isShortcut } from '../../lib/keyboard';
import { withZone, zoneOf } from '../../lib/time';
import { readInboxView } from './inbox-view';
import { ListWalkBar } from './list-walk-bar';
import { noteStatusWritten } from './review-statuses';
import { useInboxRows } from './use-inbox-rows';
import { nextToReview, stepFrom, type Step } from './walk-steps';

/** How many pages the walk reads, after a reload, to find where the conversation is in its list. */
const MAX_PAGES_TO_FIND = 40;
/** How far past the conversation Next looks by itself for a row that passes the list's filters. */
const MAX_ROWS_AHEAD = 250;

export type ListWalk = {
  /** Back to the list, the place in it, Previous / Next and Next unreviewed. */
  bar: ReactNode;
  /**
   * Opens the next conversation of the list nobody has reviewed, once found (pages are loaded as
   * needed); `written` is the status just set on this one. Returns what to say meanwhile.
   */
  nextUnreviewed: (written?: ReviewStatusAnswer) => string;
};

/**
 * Previous / Next (keys `[` / `]`) and Next unreviewed through the list a conversation was opened
 * from: the inbox's view travels in the link (`?from=`: its filters, result filters and review
 * status filter), and the rows are the inbox's own (the same queries), so stepping needs no
 * request until the end of the loaded rows. After a reload the list is read again, page by page,
 * until the conversation is found. Null for a conversation not opened from a list.
 */
export function useListWalk(conversationId: string): ListWalk | null {
  const [params] = useSearchParams();
  const from = params.get('from');
  const zone = zoneOf(params);
  const navigate = useNavigate();
  const client = useQueryClient();
  const view = useMemo(() => readInboxView(new URLSearchParams(from ?? '')), [from]);
  const [seeking, setSeeking] = useState(false);
  // The statuses are read when the queue first looks for the next unreviewed conversation, not
  // with every conversation opened from the list (one request per loaded page).
  const rows = useInboxRows(view, { enabled: from !== null, statuses: seeking });
  const { list, loaded, passes, statusOf } = rows;
  const ids = useMemo(() => loaded.map((item) => item.id), [loaded]);
  const index = ids.indexOf(conversationId);
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = list;
  const pages = list.data?.pages.length ?? 0;

  const previous = index === -1 ? null : stepFrom(ids, index, -1, passes, false);
  const next = index === -1 ? null : stepFrom(ids, index, 1, passes, hasNextPage);
  const [lookFurther, setLookFurther] = useState(false);

  const toReview = useCallback(
    (id: string) => {
      if (id === conversationId) return false;
      const passed = passes(id);
      const status = statusOf(id);
      if (passed === false || status === 'failed') return false;
      if (passed === null || status === 'pending') return null;
      return status.status === 'not_reviewed';
    },
    [conversationId, passes, statusOf],
  );
  const stillFinding = index === -1 && (list.isPending || (pages < MAX_PAGES_TO_FIND && hasNextPage));
  const queue: Step | null = seeking && !stillFinding ? nextToReview(ids, index, toReview, hasNextPage) : null;
  // Pressed again with none left, it stays said (and finds one should a status change).
  const noneLeft = queue?.kind === 'none';

  const hrefOf = useCallback(
    (id: string) => withZone(`/conversations/${id}?from=${encodeURIComponent(from ?? '')}`, zone),
    [from, zone],
  );

  // The next page, when: not found yet (a reload); Next has no row among the loaded ones (up to a
  // bound, or past it when asked); or the queue looks for the next unreviewed (as far as it takes).
  const needMore =
    list.data !== undefined &&
    (index === -1
      ? pages < MAX_PAGES_TO_FIND
      : queue?.kind === 'more' || (next?.kind === 'more' && (lookFurther || ids.length - 1 - index < MAX_ROWS_AHEAD)));
  useEffect(() => {
    if (needMore && hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [needMore, hasNextPage, isFetchingNextPage, isError, fetchNextPage]);

  const queueTarget = queue?.kind === 'found' ? queue.id : null;
  useEffect(() => {
    if (queueTarget) void navigate(hrefOf(queueTarget));
  }, [queueTarget, navigate, hrefOf]);

  const previousHref = previous?.kind === 'found' ? hrefOf(previous.id) : null;
  const nextHref = next?.kind === 'found' ? hrefOf(next.id) : null;
  const targets = useRef({ previous: previousHref, next: nextHref });
  useEffect(() => {
    targets.current = { previous: previousHref, next: nextHref };
  });
  useEffect(() => {
    if (from === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event) || (event.key !== '[' && event.key !== ']')) return;
      const target = event.key === '[' ? targets.current.previous : targets.current.next;
      if (!target) return;
      event.preventDefault();
      void navigate(target);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [from, navigate]);

  const nextUnreviewed = (written?: ReviewStatusAnswer) => {
    if (written) noteStatusWritten(client, written);
    setSeeking(true);
    return written ? 'Marked reviewed. Opening the next unreviewed conversation of the list\u2026' : '';
  };

  if (from === null) return null;
  const shownIndex = rows.rows.findIndex((item) => item.id === conversationId);
  const position =
    index === -1
      ? stillFinding
        ? 'Finding this conversation in the list\u2026'
        : 'Not among the list\u2019s conversations'
      : shownIndex === -1
        ? rows.checking > 0
          ? 'Checking the list\u2019s filters\u2026'
          : 'Left out by the list\u2019s filters now'
        : `${shownIndex + 1} of ${rows.rows.length}${hasNextPage ? '+' : ''}`;
  const bar = (
    <ListWalkBar
      listHref={withZone(`/conversations${from ? `?${from}` : ''}`, zone)}
      position={position}
      previousHref={previousHref}
      nextHref={nextHref}
      nextState={
        next?.kind === 'more' && !needMore && !isFetchingNextPage
          ? { kind: 'look-further', rows: ids.length - 1 - index, onLook: () => setLookFurther(true) }
          : next?.kind === 'checking'
            ? { kind: 'checking' }
            : isFetchingNextPage
              ? { kind: 'loading' }
              : { kind: 'none' }
      }
      queue={{
        seeking: seeking && !noneLeft,
        noneLeft,
        checked: ids.length,
        onNext: () => void nextUnreviewed(),
      }}
    />
  );
  return { bar, nextUnreviewed };
}
