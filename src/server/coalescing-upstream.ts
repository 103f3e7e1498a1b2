import { TtlCache } from './ttl-cache';
import type { Upstream, UpstreamResponse } from './upstream-contract';

/**
 * Identical concurrent GETs share one upstream request, and successful answers are kept for a
 * few seconds: a team opening the same link at once costs the account one request, not twenty.
 * Failures (including 429) are never kept, so a retry really asks again.
 */
export function coalescingUpstream(
  upstream: Upstream,
  options: { ttlMs: number; maxEntries?: number; now?: () => number },
): Upstream {
  const { ttlMs, maxEntries = 500, now = Date.now } = options;
  const inFlight = new Map<string, Promise<UpstreamResponse>>();
  const fresh = new TtlCache<UpstreamResponse>(ttlMs, maxEntries, now);

  return {
    get(path) {
      const kept = fresh.get(path);
      if (kept) return Promise.resolve(kept);
      const pending = inFlight.get(path);
      if (pending) return pending;
      const request = upstream
        .get(path)
        .then((answer) => {
          if (answer.status === 200 && ttlMs > 0) fresh.set(path, answer);
          return answer;
        })
        .finally(() => inFlight.delete(path));
      inFlight.set(path, request);
      return request;
    },
  };
}
