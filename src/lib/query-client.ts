import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** Rate limits are retried by themselves; anything else waits for the user's Retry. */
export const RATE_LIMIT_ATTEMPTS = 4;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return error instanceof ApiError && error.status === 429 && failureCount < RATE_LIMIT_ATTEMPTS - 1;
}

export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfterMs !== null) return Math.min(error.retryAfterMs, 60_000);
  return Math.min(1000 * 2 ** failureCount, 10_000);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, retryDelay, staleTime: 60_000, refetchOnWindowFocus: false },
    },
  });
}
