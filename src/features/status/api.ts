import { queryOptions, useQuery } from '@tanstack/react-query';
import { serverStatusSchema } from '../../api/status';
import { getJson } from '../../lib/api-client';

export const statusQueryOptions = queryOptions({
  queryKey: ['status'],
  queryFn: ({ signal }) => getJson('/api/status', serverStatusSchema, signal),
  staleTime: Infinity,
});

export const useServerStatus = () => useQuery(statusQueryOptions);
