import { queryOptions, useQuery } from '@tanstack/react-query';
import { conversationSchema } from '../../api/conversation';
import { apiPaths, BFF_API_PREFIX } from '../../api/paths';
import { getJson } from '../../lib/api-client';

/** ACTIVE conversations still grow; they are re-read gently while open. */
const ACTIVE_REFRESH_MS = 30_000;

export const conversationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['conversation', id],
    queryFn: ({ signal }) => getJson(BFF_API_PREFIX + apiPaths.conversation(id), conversationSchema, signal),
    refetchInterval: (query) => (query.state.data?.status === 'ACTIVE' ? ACTIVE_REFRESH_MS : false),
  });

export const useConversation = (id: string) => useQuery(conversationQueryOptions(id));
