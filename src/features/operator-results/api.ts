import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import pLimit from 'p-limit';
import { isId } from '../../api/ids';
import { operatorSchema } from '../../api/operator';
import { operatorResultPageSchema, operatorResultSchema, type OperatorResult } from '../../api/operator-result';
import { apiPaths, BFF_API_PREFIX } from '../../api/paths';
import { getJson } from '../../lib/api-client';

/**
 * A conversation can list dozens of results; at most this many requests run at once so the
 * account's rate limit (and the browser's connection pool) is not flooded.
 */
export const RESULT_FETCH_CONCURRENCY = 4;
const limit = pLimit(RESULT_FETCH_CONCURRENCY);

/** The most the list endpoint returns in one page; a conversation's results nearly always fit. */
export const RESULTS_PAGE_SIZE = 1000;
/** A bound on paging, against a token that never ends the list. */
const MAX_RESULT_PAGES = 50;

export const operatorResultQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['operator-result', id],
    queryFn: ({ signal }) => limit(() => getJson(BFF_API_PREFIX + apiPaths.operatorResult(id), operatorResultSchema, signal)),
    // A result never changes once written.
    staleTime: Infinity,
  });

/**
 * Every result of a conversation, from the list endpoint, paged by token until done: one request
 * for most conversations instead of one per result. Each result is also filed under its own key, so
 * the result page and the selected result read it from the cache.
 */
export const conversationResultsQueryOptions = (conversationId: string) =>
  queryOptions({
    queryKey: ['operator-results', conversationId],
    queryFn: async ({ signal, client }) => {
      const results: OperatorResult[] = [];
      const tokens = new Set<string>();
      let token: string | null | undefined = null;
      for (let page = 0; page < MAX_RESULT_PAGES; page++) {
        const query = new URLSearchParams({ conversationId, pageSize: String(RESULTS_PAGE_SIZE) });
        if (token) query.set('pageToken', token);
        const answer = await limit(() =>
          getJson(BFF_API_PREFIX + apiPaths.operatorResults(query), operatorResultPageSchema, signal),
        );
        results.push(...answer.items);
        token = answer.meta.nextToken;
        if (!token || tokens.has(token)) break;
        tokens.add(token);
      }
      for (const result of results) client.setQueryData(operatorResultQueryOptions(result.id).queryKey, result);
      return results;
    },
    staleTime: 60_000,
  });

export const operatorQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['operator', id],
    queryFn: ({ signal }) => limit(() => getJson(BFF_API_PREFIX + apiPaths.operator(id), operatorSchema, signal)),
    staleTime: 5 * 60_000,
  });

export const useOperatorResult = (id: string) => useQuery(operatorResultQueryOptions(id));

/**
 * An operator's definition, for its name. Only asked for when the result names it by an operator
 * ID: any other value is shown as it is, and never sent to the server.
 */
export const useOperator = (id: string | undefined) => {
  const known = id !== undefined && isId('operator', id);
  return useQuery({ ...operatorQueryOptions(known ? id : ''), enabled: known });
};

export const useOperatorResults = (ids: string[]) => useQueries({ queries: ids.map(operatorResultQueryOptions) });
