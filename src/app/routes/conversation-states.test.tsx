import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activeCall, longChat, seedConversation, smsThread } from '../../mocks/fixtures/conversations';
import { server } from '../../../tests/bff-in-process';
import { restoreClipboardAfterEach, stubClipboard } from '../../../tests/dom-stubs';
import { errorBody as apiErrorBody } from '../../api/error';
import { twilioError, TWILIO_V3 } from '../../mocks/twilio-http';
import { renderApp } from '../../../tests/render-app';

const seedPath = `/conversations/${seedConversation.id}`;
const seedName = 'Customer Support Call - Order #12345';
const CONVERSATION_API = '/api/v3/Conversations/:id';

/** A v3 error body, as Twilio and the BFF send it. */
const errorBody = (status: number, code: number, message: string) => apiErrorBody(code, status, message, status < 500);

/** Answers every conversation request with `respond`, and counts them. */
function answerConversations(respond: (attempt: number) => Response) {
  const counter = { requests: 0 };
  server.use(
    http.get(CONVERSATION_API, () => {
      counter.requests += 1;
      return respond(counter.requests);
    }),
  );
  return counter;
}

/** Counts the page's conversation requests, letting each through to the BFF. */
function countConversationRequests() {
  const counter = { requests: 0 };
  server.use(
    http.get(CONVERSATION_API, () => {
      counter.requests += 1;
    }),
  );
  return counter;
}

/** Every error state keeps the page's h1, says what happened and offers a way out. */
async function expectErrorState(title: string, { retry }: { retry: boolean }) {
  const heading = await screen.findByRole('heading', { level: 2, name: title });
  const alert = heading.closest('[role="alert"]') as HTMLElement;
  expect(alert).not.toBeNull();
  expect(screen.getByRole('heading', { level: 1, name: 'Conversation' })).toBeInTheDocument();
  expect(screen.getByText(seedConversation.id)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Open another conversation' })).toHaveAttribute('href', '/');
  if (retry) expect(within(alert).getByRole('button', { name: 'Retry' })).toBeEnabled();
  else expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  return alert;
}

/**
 * Rate-limit waits run on a fake clock that still moves (so the page renders and polls as usual):
 * a test jumps over a wait with `vi.advanceTimersByTimeAsync` instead of sleeping through it.
 */
const useFakeClock = () => vi.useFakeTimers({ shouldAdvanceTime: true });
afterEach(() => vi.useRealTimers());

describe('conversation page: error states', () => {
  it.each([401, 403])('explains a %i as rejected credentials, without a Retry', async (status) => {
    answerConversations(() => HttpResponse.json(errorBody(status, 20003, 'Authentication Error - invalid username'), { status }));
    renderApp(seedPath);
    const alert = await expectErrorState('The server\u2019s Twilio credentials were rejected', { retry: false });
    expect(alert).toHaveTextContent(`Twilio answered ${status} (\u201cAuthentication Error - invalid username\u201d)`);
    expect(alert).toHaveTextContent('TWILIO_*');
    await waitFor(() => expect(document.title).toBe('Conversation not loaded \u00b7 Conversation Viewer'));
  });

  it('waits out a rate limit, says so, and shows the conversation when it passes', async () => {
    useFakeClock();
    // Twilio refuses the first request and asks for a second's wait; the retry reaches it as usual.
    server.use(
      http.get(`${TWILIO_V3}/Conversations/:id`, () => twilioError(429, 20429, 'Too Many Requests', { 'Retry-After': '1' }), {
        once: true,
      }),
    );
    const counter = countConversationRequests();
    renderApp(seedPath);
    const notice = (await screen.findByRole('heading', { name: 'Twilio is rate-limiting requests' })).closest(
      '[role="alert"]',
    ) as HTMLElement;
    expect(notice).toHaveTextContent(/Retrying (in 1 s|now)/);
    expect(notice).toHaveTextContent('(attempt 2 of 4)');
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(counter.requests).toBe(1);

    await vi.advanceTimersByTimeAsync(1000);
    expect(await screen.findByRole('heading', { level: 1, name: seedName }, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Twilio is rate-limiting requests' })).not.toBeInTheDocument();
    expect(counter.requests).toBe(2);
  });

  it('counts down the wait it really makes when Twilio does not say how long to wait', async () => {
    useFakeClock();
    const requestedAt: number[] = [];
    answerConversations((attempt) => {
      requestedAt.push(Date.now());
      // No Retry-After and no X-RateLimit-Reset: the client backs off by itself (1 s after the first failure).
      return attempt === 1
        ? HttpResponse.json(errorBody(429, 20429, 'Too Many Requests'), { status: 429 })
        : HttpResponse.json(seedConversation);
    });
    renderApp(seedPath);
    const notice = (await screen.findByRole('heading', { name: 'Twilio is rate-limiting requests' })).closest(
      '[role="alert"]',
    ) as HTMLElement;
    expect(notice).toHaveTextContent('(attempt 2 of 4)');
    expect.soft(notice).toHaveTextContent('Retrying in 1 s');

    await vi.advanceTimersByTimeAsync(1000);
    expect(await screen.findByRole('heading', { level: 1, name: seedName }, { timeout: 3000 })).toBeInTheDocument();
    expect(requestedAt).toHaveLength(2);
    const waited = requestedAt[1]! - requestedAt[0]!;
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThan(1900);
  });

  it('gives up on a rate limit after 4 requests in all, then offers a Retry', async () => {
    useFakeClock();
    // The first wait lets the page mount while the request is still being retried.
    const counter = answerConversations((attempt) =>
      HttpResponse.json(errorBody(429, 20429, 'Too Many Requests'), {
        status: 429,
        headers: { 'Retry-After': attempt === 1 ? '1' : '0' },
      }),
    );
    const { user } = renderApp(seedPath);
    expect(await screen.findByText(/\(attempt 2 of 4\)/)).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(1000);

    // The notice and the final error share a title; the final one is the one with a Retry.
    await screen.findByRole('button', { name: 'Retry' }, { timeout: 3000 });
    expect(screen.queryByText(/\(attempt \d of 4\)/)).not.toBeInTheDocument();
    const alert = await expectErrorState('Twilio is rate-limiting requests', { retry: true });
    expect(alert).toHaveTextContent('Twilio still refused after 4 attempts.');
    expect(counter.requests).toBe(4);
    // Nothing else is requested behind the user's back, however long they wait (a minute is the longest wait).
    await vi.advanceTimersByTimeAsync(60_000);
    expect(counter.requests).toBe(4);

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: seedName })).toBeInTheDocument();
  });

  it.each([
    [500, 20500, 'Internal Server Error'],
    [503, 20503, 'Service Unavailable'],
    [504, 90504, 'Twilio did not answer in time.'],
  ])('explains a %i as Twilio not being reachable, with a Retry', async (status, code, message) => {
    const counter = answerConversations(() => HttpResponse.json(errorBody(status, code, message), { status }));
    renderApp(seedPath);
    const alert = await expectErrorState('Twilio could not be reached', { retry: true });
    expect(alert).toHaveTextContent('temporary');
    // Only rate limits are retried automatically.
    const before = counter.requests;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(counter.requests).toBe(before);
  });

  it('explains a 502 with code 90510 as data the viewer does not understand', async () => {
    answerConversations(() =>
      HttpResponse.json(errorBody(502, 90510, 'Twilio answered with data in an unexpected shape (createdAt: expected string).'), {
        status: 502,
      }),
    );
    renderApp(seedPath);
    const alert = await expectErrorState('Twilio answered with data this viewer does not understand', { retry: true });
    expect(alert).toHaveTextContent('createdAt: expected string');
  });

  it('explains a 200 whose body breaks the contract', async () => {
    const { createdAt: _dropped, ...withoutCreatedAt } = seedConversation;
    answerConversations(() => HttpResponse.json(withoutCreatedAt));
    const { user } = renderApp(seedPath);
    const alert = await expectErrorState('The server answered with data in an unexpected shape', { retry: true });
    expect(alert).toHaveTextContent('createdAt');

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: seedName })).toBeInTheDocument();
  });

  it('explains a 200 that is not JSON', async () => {
    answerConversations(
      () => new HttpResponse('<html>proxy login</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    );
    renderApp(seedPath);
    const alert = await expectErrorState('The server answered with data in an unexpected shape', { retry: true });
    expect(alert).toHaveTextContent('not JSON');
  });

  it('explains a network error as the viewer’s own server being unreachable', async () => {
    answerConversations(() => HttpResponse.error());
    const { user } = renderApp(seedPath);
    const alert = await expectErrorState('The viewer\u2019s server could not be reached', { retry: true });
    expect(alert).toHaveTextContent('Check that it is still running');

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: seedName })).toBeInTheDocument();
  });

  it('goes home from an error state', async () => {
    vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    answerConversations(() => HttpResponse.json(errorBody(503, 20503, 'Service Unavailable'), { status: 503 }));
    const { router, user } = renderApp(seedPath);
    await expectErrorState('Twilio could not be reached', { retry: true });
    await user.click(screen.getByRole('link', { name: 'Open another conversation' }));
    expect(await screen.findByRole('textbox', { name: 'Conversation ID or link' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });
});

describe('conversation page: content', () => {
  it('marks an ACTIVE conversation with an "Active" status badge', async () => {
    renderApp(`/conversations/${activeCall.id}`);
    const heading = await screen.findByRole('heading', { level: 1, name: 'Internet outage (call in progress)' });
    const header = heading.closest('header') as HTMLElement;
    expect(within(header).getByText('Active')).toHaveAttribute('title', 'Status: ACTIVE');
    expect(within(header).getByText('Voice')).toBeInTheDocument();
    // Rows come and go as the page scrolls, so the log does not announce them; new messages are
    // announced on their own (see the live-refresh test).
    expect(screen.getByRole('log', { name: 'Transcript' })).toHaveAttribute('aria-live', 'off');
  });

  it('shows a CLOSED conversation as closed, with a transcript that does not announce itself', async () => {
    renderApp(seedPath);
    const heading = await screen.findByRole('heading', { level: 1, name: seedName });
    expect(within(heading.closest('header') as HTMLElement).getByText('Closed')).toBeInTheDocument();
    expect(screen.getByRole('log', { name: 'Transcript' })).toHaveAttribute('aria-live', 'off');
  });

  it('divides an SMS thread spanning two days with two day dividers', async () => {
    renderApp(`/conversations/${smsThread.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Appointment reschedule by SMS' });
    const log = screen.getByRole('log', { name: 'Transcript' });
    const items = within(log).getAllByRole('listitem');
    const dividers = items.filter((item) => !item.id && item.querySelector('time'));
    expect(dividers).toHaveLength(2);
    // More than five minutes of silence is marked too: 10 h 40 min overnight, 5 min 12 s, 31 min 20 s.
    const gaps = items.filter((item) => !item.id && !item.querySelector('time'));
    expect(gaps.map((gap) => gap.textContent)).toEqual(['11 h later', '5 min later', '31 min later']);
    expect(dividers.map((divider) => divider.querySelector('time')?.getAttribute('datetime'))).toEqual([
      '2026-03-09',
      '2026-03-10',
    ]);
    expect(dividers[0]).toHaveTextContent('March 9');
    expect(dividers[1]).toHaveTextContent('March 10');
    // The first divider opens the transcript; overnight, the gap marker then the second divider come
    // before the first message of the next day.
    expect(items[0]).toBe(dividers[0]);
    expect(items[3]).toBe(gaps[0]);
    expect(items[4]).toBe(dividers[1]);
    expect(items[5]).toHaveTextContent('Good morning Maria!');
    expect(items.length - dividers.length - gaps.length).toBe(smsThread.communications.length);
  });

  it('renders a window of the 2,000-message conversation, each row saying its place in the whole list', async () => {
    renderApp(`/conversations/${longChat.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Platform support chat (2,000 messages)' }, { timeout: 20_000 });
    const log = screen.getByRole('log', { name: 'Transcript' });
    const rows = within(log).getAllByRole('listitem');
    const messages = log.querySelectorAll('li[id^="conv_communication_"]');
    // Only what is near the viewport is in the DOM (jsdom's window is 768 px tall).
    expect(messages.length).toBeGreaterThan(3);
    expect(messages.length).toBeLessThan(40);
    // Every row says where it is among all the rows: the first day divider, then the first messages.
    const setSize = Number(rows[0]!.getAttribute('aria-setsize'));
    expect(setSize).toBeGreaterThan(2000);
    rows.forEach((row, index) => {
      expect(row).toHaveAttribute('aria-posinset', String(index + 1));
      expect(row).toHaveAttribute('aria-setsize', String(setSize));
    });
    expect(messages[0]).toHaveTextContent('(#1)');
    expect(document.getElementById(longChat.communications[1999]!.id)).toBeNull();
    const transcriptHeader = log.closest('section')?.firstElementChild as HTMLElement;
    expect(within(transcriptHeader).getByText(/^2,000 messages · times in/)).toBeInTheDocument();
  }, 10_000);

  it('names the browser tab after the conversation', async () => {
    renderApp(`/conversations/${smsThread.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Appointment reschedule by SMS' });
    await waitFor(() => expect(document.title).toBe('Appointment reschedule by SMS \u00b7 Conversation Viewer'));
  });

  it('names the browser tab while loading', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get(CONVERSATION_API, async () => {
        await held;
        return HttpResponse.json(seedConversation);
      }),
    );
    renderApp(seedPath);
    await screen.findByText('Loading conversation…');
    await waitFor(() => expect(document.title).toBe('Loading conversation \u00b7 Conversation Viewer'));
    release();
    await screen.findByRole('heading', { level: 1, name: seedName });
    await waitFor(() => expect(document.title).toBe(`${seedName} \u00b7 Conversation Viewer`));
  });
});

describe('conversation page: Copy ID', () => {
  restoreClipboardAfterEach();

  it('copies the conversation ID and says "Copied"', async () => {
    const { user } = renderApp(seedPath);
    await screen.findByRole('heading', { level: 1, name: seedName });
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    stubClipboard(writeText);

    await user.click(screen.getByRole('button', { name: 'Copy ID' }));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith(seedConversation.id);
    const status = await screen.findByText('Copied');
    expect(status).toHaveAttribute('role', 'status');
  });

  it('says "Copy failed" when the browser blocks the clipboard', async () => {
    const { user } = renderApp(seedPath);
    await screen.findByRole('heading', { level: 1, name: seedName });
    const writeText = vi
      .fn<(text: string) => Promise<void>>()
      .mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));
    stubClipboard(writeText);

    await user.click(screen.getByRole('button', { name: 'Copy ID' }));
    expect(writeText).toHaveBeenCalledWith(seedConversation.id);
    expect(await screen.findByText(/Copy failed/)).toBeInTheDocument();
    expect(screen.queryByText('Copied')).not.toBeInTheDocument();
  });

  it('says "Copy failed" when there is no clipboard at all', async () => {
    const { user } = renderApp(seedPath);
    await screen.findByRole('heading', { level: 1, name: seedName });
    Object.defineProperty(window.navigator, 'clipboard', { value: undefined, configurable: true });

    await user.click(screen.getByRole('button', { name: 'Copy ID' }));
    expect(await screen.findByText(/Copy failed/)).toBeInTheDocument();
  });
});
