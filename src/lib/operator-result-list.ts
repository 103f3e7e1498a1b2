import { operatorResultPageSchema, type OperatorResult } from '../api/operator-result';
import { apiPaths, BFF_API_PREFIX } from '../api/paths';
import { getJson } from './api-client';
import { resultRequests } from './request-queue';

/** The most the list endpoint returns in one page; a conversation's results nearly always fit. */
export const RESULTS_PAGE_SIZE = 1000;
/** A bound on paging, against a token that never ends the list. */
const MAX_RESULT_PAGES = 50;

/**
 * Every result of `GET /OperatorResults` for these filters (a conversation, maybe one operator's),
 * paged by token until done, each page through the shared queue.
 */
export async function fetchEveryResult(
  filters: { conversationId: string; operatorId?: string },
  signal: AbortSignal | undefined,
): Promise<OperatorResult[]> {
  const results: OperatorResult[] = [];
  const tokens = new Set<string>();
  let token: string | null | undefined = null;
  for (let page = 0; page < MAX_RESULT_PAGES; page++) {
    const query = new URLSearchParams({ ...filters, pageSize: String(RESULTS_PAGE_SIZE) });
    if (token) query.set('pageToken', token);
    const answer = await resultRequests(
      () => getJson(BFF_API_PREFIX + apiPaths.operatorResults(query), operatorResultPageSchema, signal),
      signal,
    );
    results.push(...answer.items);
    token = answer.meta.nextToken;
    if (!token || tokens.has(token)) break;
    tokens.add(token);
  }
  return results;
}
