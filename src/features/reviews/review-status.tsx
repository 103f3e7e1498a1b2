import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useState } from 'react';
import type { ReviewStatusAnswer } from '../../api/review-answers';
import { REVIEW_STATUSES, type ReviewStatus } from '../../api/reviews';
import { Button } from '../../components/button';
import { DateTime } from '../../components/date-time';
import { REVIEW_STATUS_LABELS, ReviewStatusBadge } from '../../components/review-status-badge';
import { conversationReviewQueryOptions, useSetReviewStatus } from './api';
import { ConflictActions } from './conflict-actions';
import { useCanWrite } from './who-is-reviewing';
import { describeWriteProblem, type WriteProblem } from './write-problem';

/** What happened to a status change, for the page to say (and, for `r`, to go on to the next conversation). */
export type StatusOutcome = { ok: true; status: ReviewStatusAnswer } | { ok: false; problem: WriteProblem };

/**
 * Sets the conversation's review status from what was last read: the one action behind the status
 * picker and the `r` key, so that whoever wires `r` (an inbox's "next unreviewed") gets the outcome.
 */
export function useChangeReviewStatus(conversationId: string) {
  const review = useQuery(conversationReviewQueryOptions(conversationId));
  const mutation = useSetReviewStatus(conversationId);
  const version = review.data?.status.version;
  const change = useCallback(
    (status: ReviewStatus, expectedVersion?: number): Promise<StatusOutcome> =>
      mutation.mutateAsync({ status, expectedVersion: expectedVersion ?? version ?? 0 }).then(
        (answer): StatusOutcome => ({ ok: true, status: answer }),
        (error: unknown): StatusOutcome => ({ ok: false, problem: describeWriteProblem(error, 'review status') }),
      ),
    [mutation, version],
  );
  return { change, pending: mutation.isPending, ready: review.isSuccess };
}

/**
 * The conversation's review status, who set it and when, and (for a reviewer) the way to change it.
 * Given `onReviewed` (a conversation opened from a list), "Mark reviewed" goes on as `r` does.
 */
export function ReviewStatusLine({
  conversationId,
  onReviewed,
}: {
  conversationId: string;
  onReviewed?: (written: ReviewStatusAnswer) => void;
}) {
  const review = useQuery(conversationReviewQueryOptions(conversationId));
  const { canWrite } = useCanWrite();
  const { change, pending } = useChangeReviewStatus(conversationId);
  const [problem, setProblem] = useState<{ problem: WriteProblem; wanted: ReviewStatus } | null>(null);
  const selectId = useId();
  if (review.isPending) return <p className="text-sm text-slate-600 dark:text-slate-400">Loading the review status…</p>;
  if (review.isError) {
    return (
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
        The review status could not be loaded ({review.error.message}).{' '}
        <button type="button" className="text-sky-800 underline dark:text-sky-300" onClick={() => void review.refetch()}>
          Retry
        </button>
      </p>
    );
  }
  const { status } = review.data;
  const set = (wanted: ReviewStatus, expectedVersion?: number, goOn = false) => {
    setProblem(null);
    void change(wanted, expectedVersion).then((outcome) => {
      if (!outcome.ok) setProblem({ problem: outcome.problem, wanted });
      else if (wanted === 'reviewed' && goOn) onReviewed?.(outcome.status);
    });
  };
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-800 dark:text-slate-200">
        <span className="font-medium">Review status:</span>
        <ReviewStatusBadge status={status.status} />
        {status.updatedBy && status.updatedAt && (
          <span className="text-xs text-slate-600 dark:text-slate-400">
            set by {status.mine ? 'you' : status.updatedBy.name}, <DateTime iso={status.updatedAt} />
          </span>
        )}
      </p>
      {canWrite && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label htmlFor={selectId} className="text-xs text-slate-700 dark:text-slate-300">
            Change to
          </label>
          <select
            id={selectId}
            value={status.status}
            disabled={pending}
            onChange={(event) => set(event.target.value as ReviewStatus)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
          >
            {REVIEW_STATUSES.map((value) => (
              <option key={value} value={value}>
                {REVIEW_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
          {status.status !== 'reviewed' && (
            <Button onClick={() => set('reviewed', undefined, true)} disabled={pending} aria-keyshortcuts="r">
              {onReviewed ? 'Mark reviewed, open next' : 'Mark reviewed'}
            </Button>
          )}
        </div>
      )}
      {problem && (
        <ConflictActions
          problem={problem.problem}
          onOverwrite={problem.problem.conflict ? () => set(problem.wanted, problem.problem.conflict!.version) : null}
          queryKey={conversationReviewQueryOptions(conversationId).queryKey}
        />
      )}
    </div>
  );
}
