import { queryOptions, replaceEqualDeep, useQuery } from '@tanstack/react-query';
import { conversationSchema, type Conversation } from '../../api/conversation';
import { apiPaths, BFF_API_PREFIX } from '../../api/paths';
import { getJson, keepEntityTag } from '../../lib/api-client';

export const conversationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['conversation', id],
    // A re-read names what the cache holds: unchanged, the server answers 304 and the cache keeps
    // the very same object, so nothing parses or renders again.
    queryFn: ({ signal, client, queryKey }) =>
      getJson(
        BFF_API_PREFIX + apiPaths.conversation(id),
        conversationSchema,
        signal,
        client.getQueryData<Conversation>(queryKey),
      ),
    // Unchanged parts keep their identity (a grown transcript re-renders only its new rows); the
    // merged object carries the answer's tag for the next re-read.
    structuralSharing: (held, answer) => keepEntityTag(answer, replaceEqualDeep(held, answer)),
    // An ACTIVE conversation is re-read by `useLivePolling`, which leaves this query alone on a 304.
  });

export const useConversation = (id: string) => useQuery(conversationQueryOptions(id));
