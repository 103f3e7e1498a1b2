import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../api/conversation';
import { ApiError } from '../../lib/api-client';
import { activeCall } from '../../mocks/fixtures/conversations';
import { LIVE_BACKOFF_CAP_MS, LIVE_REFRESH_MS, LIVE_SETTLE_MS, liveReadsUntil, liveRefreshInterval } from './live-polling';

type State = {
  data: Conversation | undefined;
  error: Error | null;
  errorUpdateCount: number;
  errorUpdatedAt: number;
  dataUpdatedAt: number;
};

/** A query's state as TanStack Query keeps it, changed step by step as reads succeed or fail. */
function conversationQuery(status = 'ACTIVE') {
  const state: State = { data: { ...activeCall, status }, error: null, errorUpdateCount: 0, errorUpdatedAt: 0, dataUpdatedAt: 1 };
  const query = { state } as unknown as Parameters<typeof liveRefreshInterval>[0];
  let clock = 1;
  return {
    query,
    fail(error: Error = new ApiError(500, null, null)) {
      state.error = error;
      state.errorUpdateCount++;
      state.errorUpdatedAt = ++clock;
    },
    succeed(next = state.data) {
      state.data = next;
      state.error = null;
      state.dataUpdatedAt = ++clock;
    },
  };
}

describe('liveRefreshInterval', () => {
  it('re-reads an ACTIVE conversation every 5 s and never one that was over when it was opened', () => {
    expect(liveRefreshInterval(conversationQuery().query)).toBe(LIVE_REFRESH_MS);
    expect(liveRefreshInterval(conversationQuery('CLOSED').query)).toBe(false);
    expect(liveRefreshInterval(conversationQuery('INACTIVE').query)).toBe(false);
  });

  it('doubles the wait for each failure in a row, up to a minute, and is back to 5 s after a success', () => {
    const q = conversationQuery();
    liveRefreshInterval(q.query);
    const waits = [1, 2, 3, 4, 5].map(() => {
      q.fail();
      return liveRefreshInterval(q.query);
    });
    expect(waits).toEqual([10_000, 20_000, 40_000, LIVE_BACKOFF_CAP_MS, LIVE_BACKOFF_CAP_MS]);
    q.succeed();
    expect(liveRefreshInterval(q.query)).toBe(LIVE_REFRESH_MS);
    q.fail();
    expect(liveRefreshInterval(q.query)).toBe(10_000);
  });

  it('waits at least as long as a rate limit asks', () => {
    const q = conversationQuery();
    liveRefreshInterval(q.query);
    q.fail(new ApiError(429, null, 90_000));
    expect(liveRefreshInterval(q.query)).toBe(90_000);
  });

  it('keeps reading a minute after the conversation stopped being ACTIVE in front of the reader, then stops', () => {
    const q = conversationQuery();
    expect(liveRefreshInterval(q.query, 1_000)).toBe(LIVE_REFRESH_MS);
    q.succeed({ ...activeCall, status: 'CLOSED' });
    expect(liveRefreshInterval(q.query, 6_000)).toBe(LIVE_REFRESH_MS);
    expect(liveRefreshInterval(q.query, 1_000 + LIVE_SETTLE_MS)).toBe(LIVE_REFRESH_MS);
    expect(liveRefreshInterval(q.query, 1_001 + LIVE_SETTLE_MS)).toBe(false);
  });
});

describe('liveReadsUntil', () => {
  it('watches an ACTIVE conversation with no end, and a closing one until the settling minute is over', () => {
    const q = conversationQuery();
    expect(liveReadsUntil(q.query, liveRefreshInterval(q.query, 1_000) as number, 1_000)).toBeNull();
    q.succeed({ ...activeCall, status: 'CLOSED' });
    expect(liveReadsUntil(q.query, liveRefreshInterval(q.query, 6_000) as number, 6_000)).toBe(1_000 + LIVE_SETTLE_MS);
  });

  it('after a failure, watches for one read only, so that the next success brings back the 5 s pace', () => {
    const q = conversationQuery();
    liveRefreshInterval(q.query, 1_000);
    q.fail();
    const every = liveRefreshInterval(q.query, 2_000) as number;
    expect(every).toBe(10_000);
    expect(liveReadsUntil(q.query, every, 2_000)).toBe(12_000);
  });
});
