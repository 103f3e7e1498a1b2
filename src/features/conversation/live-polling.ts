import type { Conversation } from '../../api/conversation';
import { ApiError } from '../../lib/api-client';

/** How often an ACTIVE conversation is re-read while the page is visible. */
export const LIVE_REFRESH_MS = 5_000;
/** The longest wait between re-reads while they keep failing. */
export const LIVE_BACKOFF_CAP_MS = 60_000;
/**
 * How long a conversation that stopped being ACTIVE while open is still re-read: results triggered
 * by its end (a summary, the final sentiment) are written after the status changes.
 */
export const LIVE_SETTLE_MS = 60_000;

type LiveMemory = { lastActiveAt: number | null; errorsAtLastSuccess: number };
const memory = new WeakMap<object, LiveMemory>();

/** What the re-reads of a conversation have come to so far, counted as TanStack Query counts a query's. */
export type LiveReads = {
  state: {
    data: Conversation | undefined;
    error: Error | null;
    errorUpdateCount: number;
    errorUpdatedAt: number;
    dataUpdatedAt: number;
  };
};

/**
 * When to re-read a conversation next, or `false` for not at all: every few seconds while ACTIVE
 * (and for a minute after it stopped being ACTIVE in front of the reader), twice as long after each
 * failed re-read in a row (up to a minute), never sooner than a rate limit's `Retry-After`.
 * A hidden tab's ticks are skipped by `useLivePolling`.
 */
export function liveRefreshInterval(query: LiveReads, now = Date.now()): number | false {
  const { data, error, errorUpdateCount, errorUpdatedAt, dataUpdatedAt } = query.state;
  if (!data) return false;
  let seen = memory.get(query);
  if (!seen) memory.set(query, (seen = { lastActiveAt: null, errorsAtLastSuccess: errorUpdateCount }));
  if (data.status === 'ACTIVE') seen.lastActiveAt = now;
  else if (seen.lastActiveAt === null || now - seen.lastActiveAt > LIVE_SETTLE_MS) return false;

  const failing = error !== null && errorUpdatedAt > dataUpdatedAt;
  if (!failing) {
    seen.errorsAtLastSuccess = errorUpdateCount;
    return LIVE_REFRESH_MS;
  }
  const streak = Math.max(1, errorUpdateCount - seen.errorsAtLastSuccess);
  const backoff = Math.min(LIVE_REFRESH_MS * 2 ** streak, LIVE_BACKOFF_CAP_MS);
  const asked = error instanceof ApiError && error.retryAfterMs !== null ? error.retryAfterMs : 0;
  return Math.max(backoff, asked);
}

/**
 * Until when re-reads may go on while nothing changes (ms since the epoch), given the wait `every`
 * that `liveRefreshInterval` just gave (it also notes when the conversation was last seen ACTIVE):
 * - after failures, one read only (`now + every`), so the next success brings back the usual pace;
 * - once the conversation is not ACTIVE, the end of the settling minute;
 * - otherwise no end (null).
 */
export function liveReadsUntil(query: LiveReads, every: number, now = Date.now()): number | null {
  if (every > LIVE_REFRESH_MS) return now + every;
  const lastActiveAt = memory.get(query)?.lastActiveAt ?? null;
  return query.state.data?.status === 'ACTIVE' || lastActiveAt === null ? null : lastActiveAt + LIVE_SETTLE_MS;
}
