import { useId } from 'react';
import { inputClass } from './range-fields';
import { describeReviewFilter, REVIEW_FILTERS, type ReviewFilter } from './review-filter';

/**
 * Narrows the loaded rows to one review status, or to the reader's own reviews. Labelled "Review",
 * as its column is (and so that it is not one more field named "…status" beside the list's Status).
 */
export function ReviewFilterField({
  review,
  onChange,
}: {
  review: ReviewFilter | null;
  onChange: (review: ReviewFilter | null) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="text-xs font-medium text-slate-700 dark:text-slate-300">
        Review
      </label>
      <select
        id={id}
        value={review ?? ''}
        onChange={(event) => onChange(REVIEW_FILTERS.find((filter) => filter === event.target.value) ?? null)}
        className={`${inputClass} py-1`}
      >
        <option value="">Any review status</option>
        {REVIEW_FILTERS.map((filter) => (
          <option key={filter} value={filter}>
            {describeReviewFilter(filter)}
          </option>
        ))}
      </select>
    </div>
  );
}
