import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { conversationSchema, type Conversation } from '../../api/conversation';
import { apiPaths, BFF_API_PREFIX } from '../../api/paths';
import { getJson } from '../../lib/api-client';
import { pause } from '../../lib/pause';
import { retryDelay, shouldRetry } from '../../lib/query-client';
import type { Watch } from '../../lib/reread';
import { conversationQueryOptions } from './api';
import { liveReadsUntil, liveRefreshInterval, type LiveReads } from './live-polling';

/**
 * Re-reads an ACTIVE conversation while the page shows it (`liveRefreshInterval` says when). Each
 * re-read names the tag of what the cache holds and is a watch: the re-read worker waits, reads,
 * and reads again for as long as the answer is 304, so a quiet conversation costs the page's main
 * thread nothing between changes (decision 0022). A changed answer is put in the cache (its
 * unchanged parts keep their identity) and the next watch starts from it. A rate-limited read is
 * retried as any query's is (`shouldRetry`, `retryDelay`); a read that still fails lengthens the
 * wait before the next. Hiding the tab stops the watch; showing it again reads at once.
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
    let reading: AbortController | null = null;
    const stopped = new AbortController();

    const hidden = () => document.visibilityState === 'hidden';
    /** The next watch, or null for no more reads. */
    const nextWatch = (): Watch | null => {
      reads.state.data = client.getQueryData<Conversation>(queryKey);
      const every = liveRefreshInterval(reads);
      return every === false ? null : { every, until: liveReadsUntil(reads, every) };
    };
    const readOnce = async (held: Conversation, signal: AbortSignal, watch: Watch | undefined) => {
      for (let failures = 0; ; failures++) {
        try {
          // Only the first attempt waits and watches; a retry reads after its own delay.
          return await getJson(path, conversationSchema, signal, held, failures === 0 ? watch : undefined);
        } catch (error) {
          if (signal.aborted || !shouldRetry(failures, error)) throw error;
          await pause(retryDelay(failures, error), signal);
        }
      }
    };
    const read = async (watch?: Watch) => {
      const held = client.getQueryData<Conversation>(queryKey);
      if (reading || !held || hidden()) return;
      const controller = (reading = new AbortController());
      const abort = () => controller.abort();
      stopped.signal.addEventListener('abort', abort, { once: true });
      try {
        const answer = await readOnce(held, controller.signal, watch);
        if (answer !== held) client.setQueryData(queryKey, answer);
        reads.state.error = null;
        reads.state.dataUpdatedAt = ++clock;
      } catch (error) {
        if (controller.signal.aborted) return;
        reads.state.error = error instanceof Error ? error : new Error(String(error));
        reads.state.errorUpdateCount += 1;
        reads.state.errorUpdatedAt = ++clock;
      } finally {
        if (reading === controller) reading = null;
        stopped.signal.removeEventListener('abort', abort);
      }
      if (!stopped.signal.aborted) watchOn();
    };
    const watchOn = () => {
      const watch = nextWatch();
      if (watch) void read(watch);
    };
    const onVisibility = () => {
      if (hidden()) {
        // Nothing is read while hidden.
        reading?.abort();
        reading = null;
      } else if (!reading && nextWatch()) void read();
    };
    document.addEventListener('visibilitychange', onVisibility);
    watchOn();
    return () => {
      stopped.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [client, conversationId, loaded]);
}
