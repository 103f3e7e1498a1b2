import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../api/conversation';
import type { OperatorResult } from '../../api/operator-result';
import { RESULT_FETCH_CONCURRENCY } from '../../lib/request-queue';
import { resultRowId } from '../../features/operator-results/results-panel';
import { activeCall, aiHandoff, longChat, seedConversation, smsThread, whatsappOrder } from '../../mocks/fixtures/conversations';
import { missingOperatorResultId, OPERATORS, operatorResults } from '../../mocks/fixtures/operator-results';
import { failingOperatorLookup } from '../../mocks/drill-handlers';
import { operatorWithFailingLookup } from '../../mocks/fixtures/operators';
import { server } from '../../../tests/bff-in-process';
import { errorBody as apiErrorBody } from '../../api/error';
import { renderApp } from '../../../tests/render-app';
import { resultsListAs } from '../../../tests/results-list';

const RESULT_API = '/api/v3/OperatorResults/:id';
const CONVERSATION_API = '/api/v3/Conversations/:id';
const RESULTS_LIST_API = '/api/v3/OperatorResults';

/** A v3 error body, as Twilio and the BFF send it. */
const errorBody = (status: number, code: number, message: string) => apiErrorBody(code, status, message, status < 500);

function fixture(id: string): OperatorResult {
  const found = operatorResults.find((result) => result.id === id);
  if (!found) throw new Error(`No operator result fixture ${id}`);
  return found;
}

const [summaryId, sentimentId, entitiesId, qaId] = aiHandoff.operatorResultIds as [string, string, string, string];

/** Opens a conversation and returns its results panel once the page has loaded. */
async function openPanel(conversation: Conversation, { timeout = 5000 }: { timeout?: number } = {}) {
  const app = renderApp(`/conversations/${conversation.id}`);
  await screen.findByRole('heading', { level: 1, name: conversation.name ?? 'Untitled conversation' }, { timeout });
  const panel = screen.getByRole('region', { name: `Operator results (${conversation.operatorResultIds.length})` });
  return { ...app, panel };
}

/** The row button of a loaded result, once its operator's name (or ID) is shown. */
async function rowButton(id: string, name: string, options?: { timeout?: number }): Promise<HTMLElement> {
  return waitFor(() => {
    const button = document.getElementById(resultRowId(id));
    expect(button).not.toBeNull();
    expect(button).toHaveTextContent(name);
    return button!;
  }, options);
}

/** The list item of a row, loaded or not, found by the result ID it is about. */
function rowItem(panel: HTMLElement, id: string): HTMLElement {
  const button = document.getElementById(resultRowId(id));
  if (button) return button.closest('li')!;
  return within(panel).getByText(id).closest('li')!;
}

/** Row items in display order. */
function rowItems(panel: HTMLElement): HTMLElement[] {
  return [...panel.querySelectorAll<HTMLElement>('ul > li')];
}

/** IDs of the loaded rows in display order. */
function loadedOrder(panel: HTMLElement): string[] {
  return [...panel.querySelectorAll<HTMLElement>('button[id^="result-row-"]')].map((button) =>
    button.id.slice('result-row-'.length),
  );
}

describe('results panel: rows', () => {
  it('shows each result with its operator name, version, format, preview and trigger', async () => {
    const { panel } = await openPanel(aiHandoff);
    const expected: Array<[string, string, string, string, string]> = [
      [summaryId, 'Conversation summary', 'v3', 'Text', 'Priya reported a duplicate $149.00 charge for her annual plan.'],
      [sentimentId, 'Customer sentiment', 'v2', 'Classification', 'POSITIVE'],
      [entitiesId, 'Entity extraction', 'v1', 'Extraction', '4 entities: AMOUNT, CASE_NUMBER, DATE, EMAIL'],
      [
        qaId,
        'Agent script adherence',
        'v1',
        'JSON',
        'score: 4, explanation: "Agent greeted, verified the issue and e\u2026", checklist: {\u2026}, handoff: {\u2026}',
      ],
    ];
    for (const [id, name, version, format, preview] of expected) {
      const button = await rowButton(id, name);
      expect(button).toHaveAttribute('aria-pressed', 'false');
      expect(within(button).getByText(name)).toBeInTheDocument();
      expect(within(button).getByText(version)).toBeInTheDocument();
      expect(within(button).getByText(format)).toBeInTheDocument();
      expect(button).toHaveTextContent(preview);
      expect(button).toHaveTextContent('When the conversation closed');
      const trigger = fixture(id).executionDetails!.trigger!.timestamp!;
      expect(button.querySelector('time')).toHaveAttribute('datetime', trigger);
      // Every result of this conversation covers its last message: nothing is stale.
      expect(button).not.toHaveTextContent('Covers messages');
      expect(within(rowItem(panel, id)).getByRole('link', { name: `Full result: ${name}` })).toHaveAttribute(
        'href',
        `/operator-results/${id}`,
      );
    }
  });

  it('previews a refusal as a refusal', async () => {
    const { panel } = await openPanel(whatsappOrder);
    const refusedId = whatsappOrder.operatorResultIds[2]!;
    const button = await rowButton(refusedId, 'Compliance review');
    expect(button).toHaveTextContent(`Refused: ${fixture(refusedId).refusal as string}`);
    expect(await rowButton(whatsappOrder.operatorResultIds[0]!, 'Entity extraction')).toHaveTextContent(
      '5 entities: ORDER_NUMBER, TRACKING_NUMBER, ADDRESS, DATE, CARRIER',
    );
    expect(await rowButton(whatsappOrder.operatorResultIds[1]!, 'Resolution check')).toHaveTextContent(
      'resolved: true, resolution: "Redelivery booked for 3 April, 9:00\u201313:\u2026", followUpNeeded: false, customerEffort: {\u2026}',
    );
    expect(rowItems(panel)).toHaveLength(3);
  });

  it('shows the missing result’s own error while the other four rows render', async () => {
    const { panel } = await openPanel(aiHandoff);
    const title = await within(panel).findByText('No operator result with this ID in this account');
    const item = title.closest('li')!;
    expect(item).toHaveTextContent(missingOperatorResultId);
    expect(within(item).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(within(item).queryByRole('link')).not.toBeInTheDocument();

    await rowButton(summaryId, 'Conversation summary');
    await rowButton(sentimentId, 'Customer sentiment');
    await rowButton(entitiesId, 'Entity extraction');
    await rowButton(qaId, 'Agent script adherence');
    expect(rowItems(panel)).toHaveLength(5);
    expect(within(panel).getAllByRole('link', { name: /^Full result: / })).toHaveLength(4);
    expect(within(panel).getAllByText('No operator result with this ID in this account')).toHaveLength(1);
    // The failure stays in its row: the page has no page-level error.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('offers a Retry on a row whose result failed with a 500, and recovers; other rows are unaffected', async () => {
    let failures = 0;
    server.use(
      // The list leaves this result out, so the page asks for it on its own, and that fails.
      resultsListAs((result) => (result.id === sentimentId ? undefined : result)),
      http.get(RESULT_API, ({ params }) => {
        if (params.id !== sentimentId) return undefined;
        failures += 1;
        return HttpResponse.json(errorBody(500, 20500, 'Internal Server Error'), { status: 500 });
      }),
    );
    const { panel, user } = await openPanel(aiHandoff);
    const title = await within(panel).findByText('Twilio could not be reached');
    const item = title.closest('li')!;
    expect(item).toHaveTextContent(sentimentId);
    expect(item).toHaveTextContent('This is usually temporary.');
    expect(document.getElementById(resultRowId(sentimentId))).toBeNull();

    await rowButton(summaryId, 'Conversation summary');
    await rowButton(entitiesId, 'Entity extraction');
    await rowButton(qaId, 'Agent script adherence');
    expect(within(panel).getByText('No operator result with this ID in this account')).toBeInTheDocument();
    expect(within(panel).getAllByRole('button', { name: 'Retry' })).toHaveLength(1);
    expect(failures).toBe(1);

    server.resetHandlers();
    await user.click(within(item).getByRole('button', { name: 'Retry' }));
    const recovered = await rowButton(sentimentId, 'Customer sentiment');
    expect(recovered).toHaveTextContent('POSITIVE');
    expect(within(panel).queryByText('Twilio could not be reached')).not.toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(failures).toBe(1);
    // The other rows are still there, unchanged.
    expect(document.getElementById(resultRowId(summaryId))).toHaveTextContent('Conversation summary');
    expect(document.getElementById(resultRowId(entitiesId))).toHaveTextContent('Entity extraction');
    expect(document.getElementById(resultRowId(qaId))).toHaveTextContent('Agent script adherence');
    expect(rowItems(panel)).toHaveLength(5);
  });

  it('names an operator by its ID when its lookup fails, and the rest of the page is fine', async () => {
    server.use(failingOperatorLookup);
    const { panel, queryClient } = await openPanel(smsThread);
    const [smsSummaryId, smsIntentId] = smsThread.operatorResultIds as [string, string];
    expect(fixture(smsIntentId).operator.id).toBe(operatorWithFailingLookup);

    await waitFor(() => expect(queryClient.getQueryState(['operator', operatorWithFailingLookup])?.status).toBe('error'));
    const intent = await rowButton(smsIntentId, operatorWithFailingLookup);
    expect(intent).toHaveTextContent('RESCHEDULE_APPOINTMENT');
    expect(intent).toHaveTextContent('On a new communication');
    expect(within(rowItem(panel, smsIntentId)).getByRole('link', { name: `Full result: ${OPERATORS.intent}` })).toHaveAttribute(
      'href',
      `/operator-results/${smsIntentId}`,
    );

    expect(await rowButton(smsSummaryId, 'Conversation summary')).toHaveTextContent('When the conversation became inactive');
    expect(within(panel).queryByText('Twilio could not be reached')).not.toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    const log = screen.getByRole('log', { name: 'Transcript' });
    expect(log.querySelectorAll('li[id^="conv_communication_"]')).toHaveLength(smsThread.communications.length);
    expect(screen.getByRole('region', { name: /Participants/ })).toHaveTextContent('Maria Gonzalez');
  });
});

describe('results panel: stale results', () => {
  it('says when a result of an active call does not cover its latest messages', async () => {
    await openPanel(activeCall);
    const button = await rowButton(activeCall.operatorResultIds[0]!, 'Conversation summary');
    expect(button).toHaveTextContent('Covers messages 1\u20134 of 7: the conversation has grown since');
  });

  it('says so for the long chat summary too', async () => {
    await openPanel(longChat);
    const button = await rowButton(longChat.operatorResultIds[0]!, 'Conversation summary', { timeout: 3000 });
    expect(button).toHaveTextContent('Covers messages 1\u20131500 of 2000: the conversation has grown since');
  }, 15_000);
});

describe('results panel: sorting', () => {
  it('sorts rows by time, or alphabetically by operator name', async () => {
    const { panel, user } = await openPanel(aiHandoff);
    await rowButton(summaryId, 'Conversation summary');
    await rowButton(sentimentId, 'Customer sentiment');
    await rowButton(entitiesId, 'Entity extraction');
    await rowButton(qaId, 'Agent script adherence');
    await within(panel).findByText('No operator result with this ID in this account');

    const sort = within(panel).getByRole('combobox', { name: 'Sort by' });
    expect(sort).toHaveValue('time');
    // All four ran at the same time, so they keep the conversation's order.
    expect(loadedOrder(panel)).toEqual([summaryId, sentimentId, entitiesId, qaId]);

    await user.selectOptions(sort, 'operator');
    expect(loadedOrder(panel)).toEqual([qaId, summaryId, sentimentId, entitiesId]);
    const names = loadedOrder(panel).map(
      (id) => document.getElementById(resultRowId(id))!.querySelector('span span')!.textContent,
    );
    expect(names).toEqual(['Agent script adherence', 'Conversation summary', 'Customer sentiment', 'Entity extraction']);
    // The row that failed to load comes last.
    expect(rowItems(panel).at(-1)).toHaveTextContent(missingOperatorResultId);

    await user.selectOptions(sort, 'time');
    expect(loadedOrder(panel)).toEqual([summaryId, sentimentId, entitiesId, qaId]);
  });

  it('sorts by when each result ran, and by the name shown when a lookup failed', async () => {
    server.use(failingOperatorLookup);
    const { panel, user, queryClient } = await openPanel(smsThread);
    const [smsSummaryId, smsIntentId] = smsThread.operatorResultIds as [string, string];
    await rowButton(smsSummaryId, 'Conversation summary');
    await waitFor(() => expect(queryClient.getQueryState(['operator', operatorWithFailingLookup])?.status).toBe('error'));
    // The intent ran on the first message, the summary when the thread went inactive.
    expect(loadedOrder(panel)).toEqual([smsIntentId, smsSummaryId]);
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Sort by' }), 'operator');
    // "Conversation summary" sorts before the ID "intelligence_operator_…".
    expect(loadedOrder(panel)).toEqual([smsSummaryId, smsIntentId]);
  });
});

describe('results panel: one request for a conversation\u2019s results', () => {
  it('lists the results once, and fetches on its own only the one the list did not return', async () => {
    const requests: string[] = [];
    const record = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (url.pathname.startsWith('/api/v3/OperatorResults')) requests.push(url.pathname + url.search);
    };
    server.events.on('request:start', record);
    try {
      const { panel } = await openPanel(aiHandoff);
      await rowButton(qaId, 'Agent script adherence');
      await within(panel).findByText('No operator result with this ID in this account');
      expect(requests).toEqual([
        `/api/v3/OperatorResults?conversationId=${aiHandoff.id}&pageSize=1000`,
        `/api/v3/OperatorResults/${missingOperatorResultId}`,
      ]);
    } finally {
      server.events.removeListener('request:start', record);
    }
  });

  it('follows the list\u2019s page tokens to the end', async () => {
    const pages: string[] = [];
    server.use(
      http.get(RESULTS_LIST_API, ({ request }) => {
        const token = new URL(request.url).searchParams.get('pageToken');
        pages.push(token ?? '(first)');
        const mine = operatorResults.filter((result) => result.conversationId === aiHandoff.id);
        const items = token === null ? mine.slice(0, 2) : mine.slice(2);
        const meta = { key: 'items', pageSize: items.length, ...(token === null ? { nextToken: 'page 2/2 &=' } : {}) };
        return HttpResponse.json({ items, meta });
      }),
    );
    const { panel } = await openPanel(aiHandoff);
    for (const [id, name] of [
      [summaryId, 'Conversation summary'],
      [qaId, 'Agent script adherence'],
    ] as const) {
      await rowButton(id, name);
    }
    expect(pages).toEqual(['(first)', 'page 2/2 &=']);
    expect(within(panel).getAllByRole('link', { name: /^Full result: / })).toHaveLength(4);
  });
});

describe('results panel: request concurrency', () => {
  it(`never has more than ${RESULT_FETCH_CONCURRENCY} operator-result requests in flight`, async () => {
    const ids = [
      ...aiHandoff.operatorResultIds,
      ...whatsappOrder.operatorResultIds,
      ...smsThread.operatorResultIds,
      ...activeCall.operatorResultIds,
      ...seedConversation.operatorResultIds,
    ];
    expect(new Set(ids).size).toBe(ids.length);
    const many: Conversation = { ...aiHandoff, operatorResultIds: ids };
    const counter = { inFlight: 0, max: 0, requests: 0 };
    server.use(
      http.get(CONVERSATION_API, () => HttpResponse.json(many)),
      // The list fails, so each result is fetched on its own, and those requests are limited.
      http.get(RESULTS_LIST_API, () => HttpResponse.json(errorBody(500, 20500, 'Internal Server Error'), { status: 500 })),
      http.get(RESULT_API, async ({ params }) => {
        counter.requests += 1;
        counter.inFlight += 1;
        counter.max = Math.max(counter.max, counter.inFlight);
        try {
          await new Promise((resolve) => setTimeout(resolve, 25));
          const found = operatorResults.find((result) => result.id === params.id);
          return found
            ? HttpResponse.json(found)
            : HttpResponse.json(errorBody(404, 20404, 'The requested resource was not found'), { status: 404 });
        } finally {
          counter.inFlight -= 1;
        }
      }),
    );
    const { panel } = await openPanel(many);
    await waitFor(() => expect(within(panel).getAllByRole('link', { name: /^Full result: / })).toHaveLength(ids.length - 1), {
      timeout: 3000,
    });
    expect(within(panel).getByText('No operator result with this ID in this account')).toBeInTheDocument();
    expect(rowItems(panel)).toHaveLength(ids.length);
    expect(counter.requests).toBe(ids.length);
    expect(counter.max).toBeLessThanOrEqual(RESULT_FETCH_CONCURRENCY);
    // The limit is used, not just respected.
    expect(counter.max).toBe(RESULT_FETCH_CONCURRENCY);
  });
});
