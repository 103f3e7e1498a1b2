import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { NO_FILTERS, writeFilters, type InboxFilters } from '../../api/inbox-filters';
import { readInboxView, type InboxView } from './inbox-view';
import { writeReviewFilter, type ReviewFilter } from './review-filter';
import { writeTriage, type Triage } from './triage';

export type InboxUrl = InboxView & {
  /** What the link held that the page could not use, each said once. */
  problems: string[];
  setFilters: (filters: InboxFilters) => void;
  setTriage: (triage: Triage) => void;
  setReview: (review: ReviewFilter | null) => void;
  /** Removes every filter (the list's and the review status); result columns stay. */
  clearFilters: () => void;
};

/**
 * The inbox's state, read from and written to its URL: a triage view is a link a lead can send.
 * Each change is a history entry, so Back undoes a filter; other parameters (`tz`) are kept.
 */
export function useInboxUrl(): InboxUrl {
  const [params, setParams] = useSearchParams();
  const read = useMemo(() => readInboxView(params), [params]);
  const setFilters = useCallback(
    (filters: InboxFilters) => setParams((previous) => writeFilters(filters, new URLSearchParams(previous))),
    [setParams],
  );
  const setTriage = useCallback(
    (triage: Triage) => setParams((previous) => writeTriage(triage, new URLSearchParams(previous))),
    [setParams],
  );
  const setReview = useCallback(
    (review: ReviewFilter | null) => setParams((previous) => writeReviewFilter(review, new URLSearchParams(previous))),
    [setParams],
  );
  const clearFilters = useCallback(
    () => setParams((previous) => writeReviewFilter(null, writeFilters(NO_FILTERS, new URLSearchParams(previous)))),
    [setParams],
  );
  return { ...read, setFilters, setTriage, setReview, clearFilters };
}
