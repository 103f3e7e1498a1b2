import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { conversationPageSchema, type ConversationListItem } from '../../api/conversation';
import { configurationPageSchema, operatorPageSchema } from '../../api/operator';
import type { OperatorResult } from '../../api/operator-result';
import { apiPaths, BFF_API_PREFIX } from '../../api/paths';
import { getJson } from '../../lib/api-client';
import { fetchEveryResult } from '../../lib/operator-result-list';
import { resultRequests } from '../../lib/request-queue';
import { listKey, listPagePath, listQuery, type InboxFilters } from '../../api/inbox-filters';
import { choicesOf } from './choices';
import { latestResult } from './triage';

/** The next page of a list: the query its first page was asked with, and Twilio's token. */
type PageParam = { query: string; token: string } | null;

export type ListPage = { items: ConversationListItem[]; nextToken: string | null; query: string };

/** A list that cannot be asked for: its filters break one of Twilio's rules (a range over 31 days). */
export class UnusableFilterError extends Error {
  override name = 'UnusableFilterError';
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The account's conversations with these filters, a page at a time, newest first. The first page
 * fixes the query (a preset window ends at the minute it was asked for); every next page repeats
 * it with Twilio's token, which is bound to it. Loaded pages are kept: going back to the list
 * shows them as they were, without a request. "Refresh" starts the list again.
 */
export const conversationListOptions = (filters: InboxFilters) =>
  infiniteQueryOptions({
    queryKey: ['conversation-list', listKey(filters)],
    queryFn: async ({ pageParam, signal }): Promise<ListPage> => {
      let query = pageParam?.query;
      if (query === undefined) {
        const built = listQuery(filters, Date.now());
        if (!built.ok) throw new UnusableFilterError(built.parameter, built.problem);
        query = built.query.toString();
      }
      const page = await getJson(BFF_API_PREFIX + listPagePath(query, pageParam?.token ?? null), conversationPageSchema, signal);
      return { items: page.items, nextToken: page.meta.nextToken ?? null, query };
    },
    initialPageParam: null as PageParam,
    getNextPageParam: (last): PageParam | undefined =>
      last.nextToken ? { query: last.query, token: last.nextToken } : undefined,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });

/**
 * The latest result of one operator on one conversation, or null when it has none: a triage cell.
 * Through the queue the results panel uses, so the two together never flood the rate limit.
 */
export const latestResultOptions = (conversationId: string, operatorId: string) =>
  queryOptions({
    queryKey: ['latest-result', conversationId, operatorId],
    queryFn: async ({ signal }): Promise<OperatorResult | null> =>
      latestResult(await fetchEveryResult({ conversationId, operatorId }, signal)),
    staleTime: 5 * 60_000,
  });

/** A bound on paging a picker's list, against a token that never ends it. */
const MAX_PICKER_PAGES = 10;

async function everyPage<T>(
  path: (query: URLSearchParams) => string,
  schema: Parameters<typeof getJson<{ items: T[]; meta: { nextToken?: string | null } }>>[1],
  signal: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  let token: string | null | undefined = null;
  for (let page = 0; page < MAX_PICKER_PAGES; page++) {
    const query = new URLSearchParams({ pageSize: '1000' });
    if (token) query.set('pageToken', token);
    const answer = await resultRequests(() => getJson(BFF_API_PREFIX + path(query), schema, signal), signal);
    items.push(...answer.items);
    token = answer.meta.nextToken;
    if (!token) break;
  }
  return items;
}

/** The account's operators a filter can name, for the "operator ran" filter and the result columns. */
export const operatorListOptions = () =>
  queryOptions({
    queryKey: ['operator-list'],
    queryFn: async ({ signal }) => choicesOf(await everyPage(apiPaths.operators, operatorPageSchema, signal), 'operator'),
    staleTime: 5 * 60_000,
  });

/** The account's intelligence configurations a filter can name, for the configuration filter. */
export const configurationListOptions = () =>
  queryOptions({
    queryKey: ['configuration-list'],
    queryFn: async ({ signal }) =>
      choicesOf(await everyPage(apiPaths.configurations, configurationPageSchema, signal), 'intelligenceConfiguration'),
    staleTime: 5 * 60_000,
  });
