import { queryOptions, useQueries, useQuery, type QueryClient } from '@tanstack/react-query';
import { isId } from '../../api/ids';
import { operatorSchema } from '../../api/operator';
import { operatorResultSchema, type OperatorResult } from '../../api/operator-result';
import { apiPaths, BFF_API_PREFIX } from '../../api/paths';
import { getJson } from '../../lib/api-client';
import { fetchEveryResult } from '../../lib/operator-result-list';
import { resultRequests } from '../../lib/request-queue';

export const operatorResultQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['operator-result', id],
    queryFn: ({ signal }) =>
      resultRequests(() => getJson(BFF_API_PREFIX + apiPaths.operatorResult(id), operatorResultSchema, signal), signal),
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
      const results = await fetchEveryResult({ conversationId }, signal);
      for (const result of results) client.setQueryData(operatorResultQueryOptions(result.id).queryKey, result);
      return results;
    },
    staleTime: 60_000,
  });

/** The operators a conversation's results name by ID, once each: only those are looked up, any other value is shown as it is. */
export const namedOperators = (results: readonly OperatorResult[]): string[] =>
  [...new Set(results.map((r) => r.operator.id))].filter((id) => isId('operator', id));

/**
 * Asks for a conversation's results and the names of the operators they name, as its page shows
 * them: for a page about to be opened, so that its results panel opens complete.
 */
export async function prefetchConversationResults(client: QueryClient, conversationId: string): Promise<void> {
  const options = conversationResultsQueryOptions(conversationId);
  await client.prefetchQuery(options);
  const results = client.getQueryData(options.queryKey) ?? [];
  await Promise.all(namedOperators(results).map((id) => client.prefetchQuery(operatorQueryOptions(id))));
}

export const operatorQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['operator', id],
    queryFn: ({ signal }) =>
      resultRequests(() => getJson(BFF_API_PREFIX + apiPaths.operator(id), operatorSchema, signal), signal),
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
