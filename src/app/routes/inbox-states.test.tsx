import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorBody as apiErrorBody } from '../../api/error';
import { smsThread } from '../../mocks/fixtures/conversations';
import { server } from '../../../tests/bff-in-process';
import { listAnswers } from '../../../tests/conversation-list-answers';
import { renderApp } from '../../../tests/render-app';

/** The BFF's list route, answered here as the page sees it (the conversation page's states do the same). */
const LIST_API = '/api/v3/Conversations';
const ROW_NAME = 'Appointment reschedule by SMS';

const errorBody = (status: number, code: number, message: string) => apiErrorBody(code, status, message, status < 500);

/** Answers every list request with `respond`, and counts them. */
function answerList(respond: (attempt: number) => Response) {
  const counter = { requests: 0 };
  server.use(
    http.get(LIST_API, () => {
      counter.requests += 1;
      return respond(counter.requests);
    }),
  );
  return counter;
}

beforeEach(() => {
  vi.spyOn(window, 'scrollTo');
});
afterEach(() => vi.useRealTimers());

/**
 * Every error state keeps the page (its h1, its filters, so the reader can change them) and says
 * what happened in the list's place, with a Retry only where one can help.
 */
async function expectListError(title: string, { retry }: { retry: boolean }) {
  const heading = await screen.findByRole('heading', { level: 2, name: title }, { timeout: 5000 });
  const alert = heading.closest('[role="alert"]') as HTMLElement;
  expect(alert).not.toBeNull();
  expect(screen.getByRole('heading', { level: 1, name: 'Conversations' })).toBeInTheDocument();
  expect(screen.getByRole('region', { name: 'Filters' })).toBeInTheDocument();
  expect(screen.queryByText(/^Loading/)).not.toBeInTheDocument();
  if (retry) expect(within(alert).getByRole('button', { name: 'Retry' })).toBeEnabled();
  else expect(within(alert).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  return alert;
}

describe('the inbox: every error state the conversation page has', () => {
  it.each([401, 403])('explains a %i as rejected credentials, without a Retry', async (status) => {
    answerList(() => HttpResponse.json(errorBody(status, 20003, 'Authentication Error - invalid username'), { status }));
    renderApp('/conversations');
    const alert = await expectListError('The server\u2019s Twilio credentials were rejected', { retry: false });
    expect(alert).toHaveTextContent(`Twilio answered ${status} (\u201cAuthentication Error - invalid username\u201d)`);
  });

  it('explains a 404 as Twilio refusing the list with these filters, without a Retry', async () => {
    answerList(() => HttpResponse.json(errorBody(404, 20404, 'The requested resource was not found'), { status: 404 }));
    renderApp('/conversations?status=CLOSED');
    const alert = await expectListError('Twilio refused to list conversations with these filters', { retry: false });
    expect(alert).toHaveTextContent('The requested resource was not found');
    // The filters stay at hand: loosening them is the way out.
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeInTheDocument();
  });

  it('gives up on a rate limit after 4 requests in all, counting down meanwhile, then offers a Retry', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const counter = answerList((attempt) =>
      HttpResponse.json(errorBody(429, 20429, 'Too Many Requests'), {
        status: 429,
        headers: { 'Retry-After': attempt === 1 ? '1' : '0' },
      }),
    );
    const { user } = renderApp('/conversations');
    expect(await screen.findByText(/\(attempt 2 of 4\)/, {}, { timeout: 5000 })).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(1000);
    const alert = await expectListError('Twilio is rate-limiting requests', { retry: true });
    expect(alert).toHaveTextContent('Twilio still refused after 4 attempts.');
    expect(counter.requests).toBe(4);

    server.resetHandlers();
    listAnswers([smsThread]);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: ROW_NAME }, { timeout: 5000 })).toBeInTheDocument();
  });

  it.each([
    [500, 20500, 'Internal Server Error', 'Internal Server Error'],
    [504, 90504, 'Twilio did not answer in time.', 'did not answer in time'],
  ])('explains a %i as Twilio not being reachable, with a Retry that lists again', async (status, code, message, said) => {
    const counter = answerList(() => HttpResponse.json(errorBody(status, code, message), { status }));
    const { user } = renderApp('/conversations');
    const alert = await expectListError('Twilio could not be reached', { retry: true });
    expect(alert).toHaveTextContent(said);
    expect(alert).toHaveTextContent('temporary');
    // Only rate limits are retried by themselves.
    const before = counter.requests;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(counter.requests).toBe(before);

    server.resetHandlers();
    listAnswers([smsThread]);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: ROW_NAME }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('explains a 502 with code 90510 as data the viewer does not understand', async () => {
    answerList(() =>
      HttpResponse.json(errorBody(502, 90510, 'Twilio answered with data in an unexpected shape (items: expected array).'), {
        status: 502,
      }),
    );
    renderApp('/conversations');
    const alert = await expectListError('Twilio answered with data this viewer does not understand', { retry: true });
    expect(alert).toHaveTextContent('items: expected array');
  });

  it('explains a 200 whose body breaks the contract, and lists after a Retry', async () => {
    answerList(() => HttpResponse.json({ items: [{ id: 'not a conversation' }], meta: { key: 'items', pageSize: 1 } }));
    const { user } = renderApp('/conversations');
    const alert = await expectListError('The server answered with data in an unexpected shape', { retry: true });
    expect(alert).toHaveTextContent('items');

    server.resetHandlers();
    listAnswers([smsThread]);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: ROW_NAME }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('explains a 200 that is not JSON', async () => {
    answerList(() => new HttpResponse('<html>proxy login</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    renderApp('/conversations');
    const alert = await expectListError('The server answered with data in an unexpected shape', { retry: true });
    expect(alert).toHaveTextContent('not JSON');
  });

  it('explains a network error as the viewer’s own server being unreachable', async () => {
    answerList(() => HttpResponse.error());
    renderApp('/conversations');
    const alert = await expectListError('The viewer\u2019s server could not be reached', { retry: true });
    expect(alert).toHaveTextContent('Check that it is still running');
  });

  it('keeps the loaded rows when a later page fails, and says so below them with a Retry', async () => {
    // The first page: one row and a token; every later page fails.
    listAnswers([smsThread], 'next-page-token');
    server.use(
      http.get(LIST_API, ({ request }) =>
        new URL(request.url).searchParams.has('pageToken')
          ? HttpResponse.json(errorBody(503, 20503, 'Service Unavailable'), { status: 503 })
          : undefined,
      ),
    );
    renderApp('/conversations');
    expect(await screen.findByRole('link', { name: ROW_NAME }, { timeout: 5000 })).toBeInTheDocument();
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(within(alert).getByRole('heading', { name: 'Twilio could not be reached' })).toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeEnabled();
    await waitFor(() => expect(screen.getByRole('link', { name: ROW_NAME })).toBeInTheDocument());
  });
});
