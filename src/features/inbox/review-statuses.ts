import { queryOptions, useQueries, type QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo } from 'react';
import { reviewStatusesSchema, type ReviewStatusAnswer, type ReviewStatusSummary } from '../../api/review-answers';
import { STATUSES_BATCH_MAX } from '../../api/review-requests';
import { getJson } from '../../lib/api-client';
import { REVIEW_STATUSES_KEY } from '../../lib/review-statuses-key';

/** A row's review status: known, still being read, or not readable (the review database is down). */
export type RowReviewStatus = ReviewStatusSummary | 'pending' | 'failed';

/** The review statuses of one batch of rows (an inbox page: at most 100 conversations). */
export const reviewStatusesOptions = (conversationIds: readonly string[]) =>
  queryOptions({
    queryKey: [...REVIEW_STATUSES_KEY, ...conversationIds],
    queryFn: async ({ signal }) => {
      const ids = conversationIds.map(encodeURIComponent).join(',');
      const answer = await getJson(`/api/reviews/statuses?conversationIds=${ids}`, reviewStatusesSchema, signal);
      return new Map(answer.statuses.map((status) => [status.conversationId, status]));
    },
    // Others review at the same time: a quick refresh when the reader comes back to the list.
    staleTime: 10_000,
    refetchOnWindowFocus: true,
  });

/** Cuts the pages' rows into batches the API takes; a page of the inbox is one batch. */
function batchesOf(pages: ReadonlyArray<ReadonlyArray<{ id: string }>>): string[][] {
  return pages.flatMap((page) => {
    const ids = page.map((item) => item.id);
    const batches: string[][] = [];
    for (let start = 0; start < ids.length; start += STATUSES_BATCH_MAX)
      batches.push(ids.slice(start, start + STATUSES_BATCH_MAX));
    return batches;
  });
}

/**
 * The review statuses of every loaded row, one request per page of rows (cached: a page already
 * read asks for nothing; a status change anywhere makes them stale). `statusOf` answers for a row.
 */
export function useReviewStatuses(
  pages: ReadonlyArray<ReadonlyArray<{ id: string }>>,
  enabled = true,
): (conversationId: string) => RowReviewStatus {
  // Not wanted: no query at all (a disabled one still costs an observer and a key hashed per page).
  const batches = useMemo(() => (enabled ? batchesOf(pages) : []), [pages, enabled]);
  // Stable while the answers are, so that the rows re-render only when a status changes.
  const combine = useCallback(
    (results: Array<{ data?: Map<string, ReviewStatusSummary>; isError: boolean }>) => {
      const known = new Map<string, RowReviewStatus>();
      results.forEach((result, index) => {
        for (const id of batches[index]!) known.set(id, result.data?.get(id) ?? (result.isError ? 'failed' : 'pending'));
      });
      return (conversationId: string): RowReviewStatus => known.get(conversationId) ?? 'pending';
    },
    [batches],
  );
  return useQueries({ queries: batches.map((ids) => reviewStatusesOptions(ids)), combine });
}

/** The loaded rows' review statuses, for the cells of the rows in view. */
export const ReviewStatusesContext = createContext<(conversationId: string) => RowReviewStatus>(() => 'pending');
export const useRowReviewStatus = (conversationId: string) => useContext(ReviewStatusesContext)(conversationId);

/**
 * A status just written, put into the cached rows at once: the queue's next step must not land
 * on the conversation just marked while the refetch that confirms it is under way.
 */
export function noteStatusWritten(client: QueryClient, status: ReviewStatusAnswer): void {
  client.setQueriesData<Map<string, ReviewStatusSummary>>({ queryKey: REVIEW_STATUSES_KEY }, (known) => {
    const before = known?.get(status.conversationId);
    return known && before ? new Map(known).set(status.conversationId, { ...before, ...status }) : known;
  });
}
