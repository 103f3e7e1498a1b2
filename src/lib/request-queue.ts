import pLimit from 'p-limit';
import { ApiError } from './api-client';

/** Runs a request through the queue: at most a few at once, none while Twilio asks us to wait. */
export type RequestQueue = <T>(request: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

/** How long to hold the queue after a 429 that names no wait (the first back-off step of src/lib/query-client.ts). */
const DEFAULT_PAUSE_MS = 1000;

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * A bounded queue for requests that are many and cheap each (operator results, the inbox's result
 * cells), so that a page does not flood the account's rate limit or the browser's connection pool.
 *
 * It knows about rate limits: once a request comes back 429, no request of the queue starts until
 * the wait Twilio named is over (every request would be refused meanwhile, and each refusal spends
 * the limit again); the refused request itself is retried by the query's own policy. A request
 * whose signal is aborted before its turn (its row scrolled away) is dropped without being sent.
 */
export function createRequestQueue(concurrency: number): RequestQueue {
  const limit = pLimit(concurrency);
  let resumeAt = 0;
  return (request, signal) =>
    limit(async () => {
      for (;;) {
        signal?.throwIfAborted();
        const pause = resumeAt - Date.now();
        if (pause <= 0) break;
        await wait(pause, signal);
      }
      try {
        return await request();
      } catch (error) {
        if (error instanceof ApiError && error.status === 429) {
          resumeAt = Math.max(resumeAt, error.receivedAt + (error.retryAfterMs ?? DEFAULT_PAUSE_MS));
        }
        throw error;
      }
    });
}

/**
 * How many of the shared queue's requests run at once: a conversation can list dozens of results,
 * and the inbox shows up to three results for every row in view.
 */
export const RESULT_FETCH_CONCURRENCY = 4;

/** The one queue for operator results and definitions: the results panel and the inbox share it. */
export const resultRequests = createRequestQueue(RESULT_FETCH_CONCURRENCY);
