import { queryOptions, useQuery } from '@tanstack/react-query';
import { operatorResultSchema } from '../../api/operator-result';
import { apiPaths, BFF_API_PREFIX } from '../../api/paths';
import { getJson } from '../../lib/api-client';

export const operatorResultQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['operator-result', id],
    queryFn: ({ signal }) => getJson(BFF_API_PREFIX + apiPaths.operatorResult(id), operatorResultSchema, signal),
    // A result never changes once written.
    staleTime: Infinity,
  });

export const useOperatorResult = (id: string) => useQuery(operatorResultQueryOptions(id));
