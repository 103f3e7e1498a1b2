/**
 * Where a step through a list lands, given the loaded rows and which of them a step may land on
 * (`accepts`: true, false, or null while that is not known yet, a status or result still read).
 */
export type Step =
  /** The row to open. */
  | { kind: 'found'; id: string }
  /** A row before the first acceptable one is still being read: wait. */
  | { kind: 'checking' }
  /** None among the loaded rows, and the list has more: load the next page. */
  | { kind: 'more' }
  /** None in the list. */
  | { kind: 'none' };

export type Accepts = (conversationId: string) => boolean | null;

/** The nearest acceptable row after (`direction` 1) or before (-1) the row at `from`. */
export function stepFrom(ids: readonly string[], from: number, direction: 1 | -1, accepts: Accepts, hasMore: boolean): Step {
  for (let at = from + direction; at >= 0 && at < ids.length; at += direction) {
    const verdict = accepts(ids[at]!);
    if (verdict === null) return { kind: 'checking' };
    if (verdict) return { kind: 'found', id: ids[at]! };
  }
  return direction === 1 && hasMore ? { kind: 'more' } : { kind: 'none' };
}

/**
 * The next row to review: the first acceptable one after the row at `from`, through the whole list
 * (pages are loaded as needed); at the list's end, the first one above it that was passed over.
 * `from` -1 (the row is not in the list) searches from the top.
 */
export function nextToReview(ids: readonly string[], from: number, accepts: Accepts, hasMore: boolean): Step {
  const after = stepFrom(ids, from, 1, accepts, hasMore);
  if (after.kind !== 'none' || from <= 0) return after;
  return stepFrom(ids.slice(0, from), -1, 1, accepts, false);
}
