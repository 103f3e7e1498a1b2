import { readFilters, writeFilters, type InboxFilters } from '../../api/inbox-filters';
import { readReviewFilter, writeReviewFilter, type ReviewFilter } from './review-filter';
import { readTriage, writeTriage, type Triage } from './triage';

/**
 * One view of the inbox: the list's filters (asked of Twilio), and what narrows its loaded rows
 * (result filters and the review status). The inbox's URL holds it, and so does the link to a
 * conversation opened from it (`?from=`), so Previous / Next walk the rows the reader saw.
 */
export type InboxView = { filters: InboxFilters; triage: Triage; review: ReviewFilter | null };

export function readInboxView(params: URLSearchParams): InboxView & { problems: string[] } {
  const filters = readFilters(params);
  const triage = readTriage(params);
  const review = readReviewFilter(params);
  return {
    filters: filters.filters,
    triage: triage.triage,
    review: review.review,
    problems: [...filters.problems, ...triage.problems, ...review.problems],
  };
}

export function writeInboxView(view: InboxView, into = new URLSearchParams()): URLSearchParams {
  return writeReviewFilter(view.review, writeTriage(view.triage, writeFilters(view.filters, into)));
}

/** The view as a query string in a fixed order: what `?from=` carries. */
export const viewKey = (view: InboxView) => writeInboxView(view).toString();
