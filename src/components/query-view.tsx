import { HomeLink } from './home-link';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api-client';
import { retryDelay } from '../lib/query-client';
import { ApiErrorState, RateLimitNotice, type Subject } from './api-error-state';

/** The four states of a data view: loading (with any rate-limit wait), error, data. */
export function QueryView<T>({
  query,
  subject,
  loading,
  heading,
  children,
}: {
  query: UseQueryResult<T>;
  subject: Subject;
  loading: ReactNode;
  /** The page's h1 while there is no data to name it. */
  heading: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return children(query.data);
  if (query.isPending) {
    const reason = query.failureReason;
    if (reason instanceof ApiError && reason.status === 429) {
      return (
        <>
          {/* TanStack computed the wait before counting this failure, hence `failureCount - 1`. */}
          <RateLimitNotice
            error={reason}
            failureCount={query.failureCount}
            delayMs={retryDelay(query.failureCount - 1, reason)}
          />
          {loading}
        </>
      );
    }
    return loading;
  }
  return (
    <div className="space-y-4">
      {heading}
      <ApiErrorState error={query.error} subject={subject} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      <HomeLink className="inline-block font-medium text-sky-800 underline dark:text-sky-300">Open another conversation</HomeLink>
    </div>
  );
}
