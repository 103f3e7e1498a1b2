import { http, HttpResponse } from 'msw';
import type { OperatorResult } from '../src/api/operator-result';
import { operatorResults } from '../src/mocks/fixtures/operator-results';

/**
 * A handler for the page's one results-list request (`/api/v3/OperatorResults?conversationId=`)
 * that answers from the fixtures, each result passed through `change` first: return a changed
 * result, or undefined to leave it out of the list (the page then fetches it on its own).
 */
export function resultsListAs(change: (result: OperatorResult) => OperatorResult | undefined) {
  return http.get('/api/v3/OperatorResults', ({ request }) => {
    const conversationId = new URL(request.url).searchParams.get('conversationId');
    const items = operatorResults
      .filter((result) => result.conversationId === conversationId)
      .flatMap((result) => {
        const changed = change(result);
        return changed ? [changed] : [];
      });
    return HttpResponse.json({ items, meta: { key: 'items', pageSize: items.length } });
  });
}
