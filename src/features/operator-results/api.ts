import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import pLimit from 'p-limit';
import { operatorSchema } from '../../api/operator';
import { operatorResultSchema } from '../../api/operator-result';
import { apiPaths, BFF_API_PREFIX } from '../../api/paths';
import { getJson } from '../../lib/api-client';

/**
 * A conversation can list dozens of results; at most this many requests run at once so the
 * account's rate limit (and the browser's connection pool) is not flooded.
 */
export const RESULT_FETCH_CONCURRENCY = 4;
const limit = pLimit(RESULT_FETCH_CONCURRENCY);

export const operatorResultQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['operator-result', id],
    queryFn: ({ signal }) => limit(() => getJson(BFF_API_PREFIX + apiPaths.operatorResult(id), operatorResultSchema, signal)),
    // A result never changes once written.
    staleTime: Infinity,
  });

export const operatorQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['operator', id],
    queryFn: ({ signal }) => limit(() => getJson(BFF_API_PREFIX + apiPaths.operator(id), operatorSchema, signal)),
    staleTime: 5 * 60_000,
  });

export const useOperatorResult = (id: string) => useQuery(operatorResultQueryOptions(id));
export const useOperator = (id: string | undefined) => useQuery({ ...operatorQueryOptions(id ?? ''), enabled: id !== undefined });
export const useOperatorResults = (ids: string[]) => useQueries({ queries: ids.map(operatorResultQueryOptions) });
