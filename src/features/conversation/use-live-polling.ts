import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { conversationSchema, type Conversation } from '../../api/conversation';
import { apiPaths, BFF_API_PREFIX } from '../../api/paths';
import { getJson } from '../../lib/api-client';
import { retryDelay, shouldRetry } from '../../lib/query-client';
import { conversationQueryOptions } from './api';
import { liveRefreshInterval, type LiveReads } from './live-polling';

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/**
 * Re-reads an ACTIVE conversation while the page shows it (`liveRefreshInterval` says when). Each
 * re-read names the tag of what the cache holds; a 304 leaves the cache alone (no query update, no
 * observer, no timer reset: only the request itself costs the page anything), a changed answer is
 * put in the cache (its unchanged parts keep their identity). A rate-limited read is retried as any
 * query's is (`shouldRetry`, `retryDelay`); a read that still fails lengthens the wait before the
 * next. A hidden tab skips its ticks and reads at once when shown again.
 */
export function useLivePolling(conversationId: string, loaded: boolean) {
  const client = useQueryClient();
  useEffect(() => {
    if (!loaded) return;
    const { queryKey } = conversationQueryOptions(conversationId);
    const path = BFF_API_PREFIX + apiPaths.conversation(conversationId);
    const reads: LiveReads = {
      state: { data: undefined, error: null, errorUpdateCount: 0, errorUpdatedAt: 0, dataUpdatedAt: 1 },
    };
    let clock = 1;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let reading: AbortController | null = null;
    const stopped = new AbortController();

    const wait = () => {
      reads.state.data = client.getQueryData<Conversation>(queryKey);
      return liveRefreshInterval(reads);
    };
    const schedule = () => {
      clearTimeout(timer);
      const next = wait();
      if (next !== false) timer = setTimeout(tick, next);
    };
    const readOnce = async (held: Conversation, signal: AbortSignal) => {
      for (let failures = 0; ; failures++) {
        try {
          return await getJson(path, conversationSchema, signal, held);
        } catch (error) {
          if (signal.aborted || !shouldRetry(failures, error)) throw error;
          await pause(retryDelay(failures, error), signal);
        }
      }
    };
    const read = async () => {
      const held = client.getQueryData<Conversation>(queryKey);
      if (reading || !held) return;
      const controller = (reading = new AbortController());
      const abort = () => controller.abort();
      stopped.signal.addEventListener('abort', abort, { once: true });
      try {
        const answer = await readOnce(held, controller.signal);
        if (answer !== held) client.setQueryData(queryKey, answer);
        reads.state.error = null;
        reads.state.dataUpdatedAt = ++clock;
      } catch (error) {
        if (controller.signal.aborted) return;
        reads.state.error = error instanceof Error ? error : new Error(String(error));
        reads.state.errorUpdateCount += 1;
        reads.state.errorUpdatedAt = ++clock;
      } finally {
        reading = null;
        stopped.signal.removeEventListener('abort', abort);
      }
      if (!stopped.signal.aborted) schedule();
    };
    function tick() {
      // Hidden: nothing is read until the tab is shown again.
      if (document.visibilityState !== 'hidden') void read();
    }
    const onVisibility = () => {
      if (document.visibilityState === 'hidden' || reading || wait() === false) return;
      clearTimeout(timer);
      void read();
    };
    document.addEventListener('visibilitychange', onVisibility);
    schedule();
    return () => {
      stopped.abort();
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [client, conversationId, loaded]);
}
