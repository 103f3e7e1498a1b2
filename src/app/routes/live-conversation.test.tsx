import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../../api/conversation';
import { server } from '../../../tests/bff-in-process';
import { stubScrolling } from '../../../tests/dom-stubs';
import { renderApp } from '../../../tests/render-app';
import { LIVE_REFRESH_MS, LIVE_SETTLE_MS } from '../../features/conversation/live-polling';
import { plusSeconds } from '../../mocks/fixtures/builders';
import { activeCall } from '../../mocks/fixtures/conversations';
import { OPERATORS, operatorResults } from '../../mocks/fixtures/operator-results';
import { twilioError, TWILIO_V3 } from '../../mocks/twilio-http';

const path = `/conversations/${activeCall.id}`;
const partialSummary = operatorResults.find((r) => r.id === activeCall.operatorResultIds[0])!;

/**
 * Twilio holding a conversation the test changes between polls; every request the page makes for it
 * is recorded with the BFF's status, so a 304 is proven by counting.
 */
function liveTwilio() {
  const twilio = { conversation: structuredClone(activeCall) as Conversation, extraResults: [] as typeof operatorResults };
  const answers: number[] = [];
  const sent: Array<string | null> = [];
  server.events.on('response:mocked', ({ request, response }) => {
    if (new URL(request.url).pathname === `/api/v3/Conversations/${activeCall.id}`) answers.push(response.status);
  });
  server.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname === `/api/v3/Conversations/${activeCall.id}`)
      sent.push(request.headers.get('if-none-match'));
  });
  server.use(
    http.get(`${TWILIO_V3}/Conversations/:id`, ({ params }) =>
      params.id === activeCall.id ? HttpResponse.json(twilio.conversation) : undefined,
    ),
    http.get(`${TWILIO_V3}/OperatorResults`, ({ request }) =>
      new URL(request.url).searchParams.get('conversationId') === activeCall.id
        ? HttpResponse.json({
            items: [partialSummary, ...twilio.extraResults],
            meta: { key: 'items', pageSize: 1000, nextToken: null },
          })
        : undefined,
    ),
  );
  const addMessages = (count: number) => {
    const last = twilio.conversation.communications.at(-1)!;
    const added = Array.from({ length: count }, (_, i) => ({
      ...last,
      id: `${last.id.slice(0, -3)}${String(100 + twilio.conversation.communications.length + i).slice(-3)}`,
      content: { text: `Live line ${i + 1}` },
      createdAt: plusSeconds(last.createdAt, i + 1),
    }));
    twilio.conversation = { ...twilio.conversation, communications: [...twilio.conversation.communications, ...added] };
  };
  return { twilio, answers, sent, addMessages };
}

stubScrolling();

const tick = (ms = LIVE_REFRESH_MS) => act(() => vi.advanceTimersByTimeAsync(ms));

beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
afterEach(() => {
  vi.useRealTimers();
  server.events.removeAllListeners();
});

describe('a live (ACTIVE) conversation', () => {
  it('is re-read every 5 s with the tag it holds, and a quiet re-read is a 304 that changes nothing on the page', async () => {
    const { answers, sent } = liveTwilio();
    renderApp(path);
    expect(await screen.findByRole('heading', { level: 1, name: activeCall.name! })).toBeInTheDocument();
    const log = screen.getByRole('log', { name: 'Transcript' });
    const firstRow = within(log).getAllByRole('listitem')[1]!;
    expect(answers).toEqual([200]);
    expect(sent).toEqual([null]);

    await tick();
    await tick();
    await waitFor(() => expect(answers).toEqual([200, 304, 304]));
    expect(sent[1]).toMatch(/^"[\w-]+"$/);
    expect(sent[2]).toBe(sent[1]);
    // The very same row element: nothing was rebuilt.
    expect(within(log).getAllByRole('listitem')[1]).toBe(firstRow);
  });

  it('shows new messages and announces them, then new results marked "new"', async () => {
    const { twilio, addMessages } = liveTwilio();
    renderApp(path);
    await screen.findByRole('heading', { level: 1, name: activeCall.name! });
    addMessages(3);
    await tick();
    expect(await screen.findByText('Live line 3')).toBeInTheDocument();
    expect(screen.getAllByRole('status').map((status) => status.textContent)).toContain('3 new messages');

    const sentiment = {
      ...partialSummary,
      id: 'intelligence_operatorresult_01kqz0000000000000000000aa',
      operator: { ...partialSummary.operator, id: OPERATORS.sentiment },
      outputFormat: 'CLASSIFICATION',
      result: { label: 'NEUTRAL' },
    };
    twilio.extraResults = [sentiment];
    twilio.conversation = { ...twilio.conversation, operatorResultIds: [...twilio.conversation.operatorResultIds, sentiment.id] };
    await tick();
    const results = screen.getByRole('region', { name: /Operator results/ });
    await waitFor(() => expect(within(results).getAllByText('New')).toHaveLength(1));
    expect(within(results).getAllByRole('button', { pressed: false })).toHaveLength(2);
    // Once the reader has selected it, it is no longer new to them, selected or not.
    const newRow = within(results).getByText('New').closest('button')!;
    await act(async () => newRow.click());
    await waitFor(() => expect(newRow).toHaveAttribute('aria-pressed', 'true'));
    expect(within(results).queryByText('New')).toBeNull();
    await act(async () => newRow.click());
    await waitFor(() => expect(newRow).toHaveAttribute('aria-pressed', 'false'));
    expect(within(results).queryByText('New')).toBeNull();
  });

  it('keeps find, the filters and the selected result working as the transcript grows', async () => {
    const { addMessages } = liveTwilio();
    const caller = activeCall.participants[0]!;
    const shownBefore = activeCall.communications.filter((c) => c.participantId !== caller.id).length;
    // The messages that arrive are the last speaker's, who is not the hidden caller.
    expect(activeCall.communications.at(-1)!.participantId).not.toBe(caller.id);
    renderApp(`${path}?q=live+line&hide=${caller.id}&result=${partialSummary.id}`);
    await screen.findByRole('heading', { level: 1, name: activeCall.name! });
    expect(await screen.findByText('No matches')).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`^${shownBefore} of 7 messages shown`))).toBeInTheDocument();
    addMessages(2);
    await tick();
    expect(await screen.findByText('1 of 2')).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`^${shownBefore + 2} of 9 messages shown`))).toBeInTheDocument();
    // The selected result still marks its evidence, and says the conversation has grown since.
    const log = screen.getByRole('log', { name: 'Transcript' });
    expect(log.querySelectorAll('[data-evidence]').length).toBeGreaterThan(0);
    expect(screen.getByText(/the conversation has grown since/)).toBeInTheDocument();
  });

  it('says when the conversation ends, keeps reading for its end results a while, then stops', async () => {
    const { twilio, answers } = liveTwilio();
    renderApp(path);
    await screen.findByRole('heading', { level: 1, name: activeCall.name! });
    twilio.conversation = { ...twilio.conversation, status: 'CLOSED' };
    await tick();
    expect(await screen.findByText(/This conversation ended while you were reading: it is now closed/)).toBeInTheDocument();
    const afterClose = answers.length;
    await tick(LIVE_SETTLE_MS + LIVE_REFRESH_MS);
    const settled = answers.length;
    expect(settled).toBeGreaterThan(afterClose);
    await tick(10 * LIVE_REFRESH_MS);
    expect(answers.length).toBe(settled);
  });

  it('pauses while the tab is hidden and catches up when it is shown', async () => {
    const { answers } = liveTwilio();
    renderApp(path);
    await screen.findByRole('heading', { level: 1, name: activeCall.name! });
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    await tick(6 * LIVE_REFRESH_MS);
    expect(answers).toEqual([200]);
    visibility.mockReturnValue('visible');
    await act(async () => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    await waitFor(() => expect(answers).toEqual([200, 304]));
  });

  it('waits as long as a rate limit asks before reading again', async () => {
    const { answers } = liveTwilio();
    renderApp(path);
    await screen.findByRole('heading', { level: 1, name: activeCall.name! });
    // Every request is refused for a while, each asking for 30 s.
    server.use(
      http.get(`${TWILIO_V3}/Conversations/:id`, () => twilioError(429, 20429, 'Too Many Requests', { 'Retry-After': '30' })),
    );
    await tick();
    // The page's own retries of that read (4 attempts in all), each 30 s apart.
    await tick(3 * 30_000);
    await waitFor(() => expect(answers).toEqual([200, 429, 429, 429, 429]));
    await tick(29_000);
    expect(answers).toHaveLength(5);
    // The transcript stays on the page while the re-reads fail.
    expect(screen.getByRole('log', { name: 'Transcript' })).toBeInTheDocument();
    await tick(2_000);
    await waitFor(() => expect(answers).toHaveLength(6));
  });
});
