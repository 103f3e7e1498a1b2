import { REVIEW_STATUSES, type ReviewStatus } from '../../api/reviews';
import type { ReviewStatusSummary } from '../../api/review-answers';
import { quoted } from '../../api/list-query';
import { REVIEW_STATUS_LABELS } from '../../components/review-status-badge';

/**
 * A filter on the review status of the loaded rows (`?review=`): one status, or `mine` (in review
 * or reviewed, last set by the person asking). Like the result filters, it narrows the rows loaded
 * so far: Twilio knows nothing of reviews.
 */
export type ReviewFilter = ReviewStatus | 'mine';

export const REVIEW_FILTERS: readonly ReviewFilter[] = [...REVIEW_STATUSES, 'mine'];

export function describeReviewFilter(filter: ReviewFilter): string {
  return filter === 'mine' ? 'Mine (in review or reviewed by me)' : REVIEW_STATUS_LABELS[filter];
}

export function reviewMatches(filter: ReviewFilter, status: ReviewStatusSummary): boolean {
  if (filter === 'mine') return status.mine && (status.status === 'in_review' || status.status === 'reviewed');
  return status.status === filter;
}

export function readReviewFilter(params: URLSearchParams): { review: ReviewFilter | null; problems: string[] } {
  const values = params.getAll('review');
  if (values.length === 0) return { review: null, problems: [] };
  const review = REVIEW_FILTERS.find((filter) => filter === values[0]) ?? null;
  const problems: string[] = [];
  if (!review) {
    problems.push(
      `The review status filter ${quoted(values[0]!)} is not one this page knows (${REVIEW_FILTERS.join(', ')}): left out.`,
    );
  }
  if (values.length > 1) problems.push('The link filters the review status twice; the first filter is used.');
  return { review, problems };
}

export function writeReviewFilter(review: ReviewFilter | null, into: URLSearchParams): URLSearchParams {
  into.delete('review');
  if (review) into.append('review', review);
  return into;
}
