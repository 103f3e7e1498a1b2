import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Button } from '../../components/button';
import { DateTime } from '../../components/date-time';
import type { WriteProblem } from './write-problem';

/**
 * A write that did not go through, said plainly. On a conflict the reader's text stays in the form:
 * they may reload what the other person wrote (the form keeps theirs) or overwrite it with theirs.
 */
export function ConflictActions({
  problem,
  onOverwrite,
  queryKey,
}: {
  problem: WriteProblem;
  /** Writes again over the version the conflict names; null when there is nothing to overwrite. */
  onOverwrite: (() => void) | null;
  /** What to read again on Reload. */
  queryKey: QueryKey;
}) {
  const client = useQueryClient();
  const { conflict } = problem;
  return (
    <div role="alert" className="rounded-md bg-rose-50 p-2 text-xs text-rose-950 dark:bg-rose-950/60 dark:text-rose-100">
      <p>{problem.message}</p>
      {conflict && (
        <>
          <p className="mt-1">
            Changed <DateTime iso={conflict.changedAt} />
            {conflict.changedBy && <> by {conflict.changedBy.name}</>}.
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button onClick={() => void client.invalidateQueries({ queryKey })}>Reload theirs</Button>
            {onOverwrite && !conflict.deleted && <Button onClick={onOverwrite}>Overwrite with mine</Button>}
          </div>
        </>
      )}
    </div>
  );
}
