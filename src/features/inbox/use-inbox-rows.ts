import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ConversationListItem } from '../../api/conversation';
import { conversationListOptions, type ListPage } from './api';
import type { InboxView } from './inbox-view';
import { reviewMatches } from './review-filter';
import { useReviewStatuses } from './review-statuses';
import { useTriage } from './use-triage';

const NO_PAGES: ListPage[] = [];

/** Both verdicts on a row: false if either leaves it out, null while either is unknown. */
const both = (a: boolean | null, b: boolean | null) =>
  a === false || b === false ? false : a === null || b === null ? null : true;

/**
 * The rows of one inbox view: the list's pages (the inbox's own query, so a conversation opened
 * from it walks the same rows without asking again), their review statuses, and which loaded rows
 * pass the result and review-status filters. One piece of code for the inbox and for the walk.
 * `statuses: false` leaves the review statuses unread (every row's is 'pending') until they are
 * needed: a conversation opened from the list needs them only for its review filter or its queue.
 */
export function useInboxRows(view: InboxView, { enabled = true, statuses = true } = {}) {
  const list = useInfiniteQuery({ ...conversationListOptions(view.filters), enabled });
  const pages = list.data?.pages ?? NO_PAGES;
  // A conversation seen on an earlier page is not shown twice (the list moves while it is paged).
  const loaded = useMemo(() => {
    const seen = new Set<string>();
    return pages.flatMap((page) => page.items.filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id))));
  }, [pages]);
  const pageItems = useMemo(() => pages.map((page) => page.items), [pages]);
  const statusOf = useReviewStatuses(pageItems, enabled && (statuses || view.review !== null));
  const triage = useTriage(loaded, view.triage);
  const { review } = view;
  const triageVerdict = triage.verdictOf;

  /** Whether a loaded row passes the view's row filters; null while that is not known yet. */
  const passes = useCallback(
    (conversationId: string): boolean | null => {
      let reviewVerdict: boolean | null = true;
      if (review) {
        const status = statusOf(conversationId);
        reviewVerdict = status === 'pending' ? null : status === 'failed' ? false : reviewMatches(review, status);
      }
      return both(triageVerdict(conversationId), reviewVerdict);
    },
    [review, statusOf, triageVerdict],
  );

  const narrowed = view.triage.conditions.length > 0 || review !== null;
  const { rows, checking } = useMemo(() => {
    if (!narrowed) return { rows: loaded, checking: 0 };
    let checking = 0;
    const rows: ConversationListItem[] = [];
    for (const item of loaded) {
      const verdict = passes(item.id);
      if (verdict === null) checking++;
      else if (verdict) rows.push(item);
    }
    return { rows, checking };
  }, [narrowed, loaded, passes]);

  return { list, loaded, rows, checking, narrowed, passes, statusOf, seen: triage.seen };
}
