import { ReviewStatusBadge } from '../../components/review-status-badge';
import { useRowReviewStatus } from './review-statuses';

/**
 * A row's review status and who set it ("by you" for the reader's own). The statuses are read a
 * page of rows at a time by the inbox; the cell only looks its row up.
 */
export function ReviewStatusCell({ conversationId }: { conversationId: string }) {
  const status = useRowReviewStatus(conversationId);
  let content;
  if (status === 'pending') {
    content = (
      <span
        className="inline-block h-3 w-16 animate-pulse rounded bg-slate-200 dark:bg-slate-700"
        aria-label="Loading"
        role="img"
      />
    );
  } else if (status === 'failed') {
    content = (
      <span className="font-medium text-rose-800 dark:text-rose-300" title="The review status could not be read.">
        <span aria-hidden="true">&#9888;</span> Not loaded
      </span>
    );
  } else {
    content = (
      <>
        <ReviewStatusBadge status={status.status} />
        {status.status !== 'not_reviewed' && status.updatedBy && (
          <span className="min-w-0 truncate text-xs text-slate-700 dark:text-slate-300" title={status.updatedBy.name}>
            by {status.mine ? 'you' : status.updatedBy.name}
          </span>
        )}
      </>
    );
  }
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-1.5 gap-y-0.5">
      <span className="text-slate-600 md:sr-only dark:text-slate-400">Review:</span>
      {content}
    </div>
  );
}
