import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { benchHandlers } from '../../mocks/bench-handlers';
import { benchConversation, benchConversationId } from '../../mocks/fixtures/bench-conversations';
import { activeCall } from '../../mocks/fixtures/conversations';
import { ttid } from '../../mocks/fixtures/ttid';
import { stubScrolling } from '../../../tests/dom-stubs';
import { server } from '../../../tests/bff-in-process';
import { renderApp } from '../../../tests/render-app';

// jsdom has no layout: the window is 768 px tall, rows keep their estimated heights, and
// window.scrollTo moves a simulated scroll position (tests/setup-dom.ts). That is enough for the
// virtualizer to decide which rows are in the DOM, which is what these tests are about.
const huge = benchConversation(benchConversationId(10_000))!;
const small = benchConversation(benchConversationId(100))!;
const hugeIds = huge.communications.map((c) => c.id);
const { scrolledTo } = stubScrolling();
// The emulated Twilio serves the benchmark's long chats only when asked to.
beforeEach(() => server.use(...benchHandlers));

async function open(path: string, name: string) {
  window.history.replaceState(null, '', path);
  const app = renderApp(path);
  await screen.findByRole('heading', { level: 1, name }, { timeout: 15_000 });
  return app;
}
const openHuge = (suffix = '') => open(`/conversations/${huge.id}${suffix}`, huge.name!);
const renderedMessages = () => document.querySelectorAll('li[data-message]');
const message = async (id: string) =>
  waitFor(() => expect(document.getElementById(id)).not.toBeNull()).then(() => document.getElementById(id)!);

describe('a 10,000-message conversation', () => {
  it('keeps a bounded number of messages in the DOM, each row knowing its place among all of them', async () => {
    await openHuge();
    const log = screen.getByRole('log', { name: 'Transcript' });
    expect(renderedMessages().length).toBeGreaterThan(3);
    expect(renderedMessages().length).toBeLessThanOrEqual(40);
    const first = renderedMessages()[0]!;
    expect(first).toHaveTextContent('(#1)');
    // 10,000 messages plus their day dividers and gap markers.
    expect(Number(first.getAttribute('aria-setsize'))).toBeGreaterThan(10_000);
    expect(within(log).getByRole('list')).toHaveAccessibleName('10000 messages');
  }, 30_000);

  it('brings the last message into the DOM and into view when a link points at it', async () => {
    await openHuge(`#${hugeIds.at(-1)}`);
    const last = await message(hugeIds.at(-1)!);
    expect(last).toHaveTextContent('(#10000)');
    expect(last).toHaveAttribute('data-targeted', 'true');
    await waitFor(() => expect(scrolledTo()).toContain(last));
    expect(renderedMessages().length).toBeLessThanOrEqual(40);
    expect(document.getElementById(hugeIds[0]!)).toBeNull();
  }, 30_000);

  it('marks every message of a far range link, rendering them as they come into view', async () => {
    const [from, to] = [hugeIds[9_000]!, hugeIds[9_003]!];
    await openHuge(`#${from}..${to}`);
    for (const id of hugeIds.slice(9_000, 9_004)) expect(await message(id)).toHaveAttribute('data-targeted', 'true');
    expect(document.getElementById(hugeIds[8_999]!)?.hasAttribute('data-targeted') ?? false).toBe(false);
  }, 30_000);

  it('finds a match near the end and takes the reader there', async () => {
    const { user } = await openHuge();
    await user.type(screen.getByRole('searchbox', { name: 'Find in the transcript' }), '(#9990)');
    const target = await message(hugeIds[9_989]!);
    await waitFor(() => expect(target.querySelector('mark[data-match="current"]')).not.toBeNull());
    await waitFor(() => expect(scrolledTo().at(-1)).toBe(target));
  }, 30_000);

  it('shows the evidence of a result that cites the last messages', async () => {
    await openHuge(`?result=${huge.operatorResultIds[0]}`);
    const cited = await message(hugeIds.at(-1)!);
    await waitFor(() => expect(cited).toHaveAttribute('data-evidence', 'reference'));
    await waitFor(() => expect(scrolledTo()).toContain(document.getElementById(hugeIds.at(-2)!)));
  }, 30_000);

  it('moves with j past the rows first rendered, focusing each message', async () => {
    const { user } = await openHuge();
    const initiallyRendered = renderedMessages().length;
    await user.keyboard('j'.repeat(initiallyRendered + 20));
    const expected = hugeIds[initiallyRendered + 19]!;
    await waitFor(() => expect(document.activeElement?.id).toBe(expected));
    await user.keyboard('k');
    await waitFor(() => expect(document.activeElement?.id).toBe(hugeIds[initiallyRendered + 18]));
  }, 30_000);
});

describe('rendering every message', () => {
  it('renders all rows with ?render=all, and a window of them without it', async () => {
    await open(`/conversations/${small.id}?render=all`, small.name!);
    expect(renderedMessages()).toHaveLength(100);
  });

  it('renders a window of a 100-message conversation by default', async () => {
    await open(`/conversations/${small.id}`, small.name!);
    expect(renderedMessages().length).toBeLessThan(100);
  });
});

describe('a live conversation', () => {
  it('announces new messages when a refresh brings them, while the log itself stays quiet', async () => {
    const { queryClient } = await open(`/conversations/${activeCall.id}`, activeCall.name!);
    expect(screen.getByRole('log', { name: 'Transcript' })).toHaveAttribute('aria-live', 'off');
    const [last] = activeCall.communications.slice(-1);
    const more = [1, 2].map((n) => ({ ...last!, id: ttid('conv_communication_', `live-${n}`), content: { text: `New ${n}` } }));
    server.use(
      http.get(`/api/v3/Conversations/${activeCall.id}`, () =>
        HttpResponse.json({ ...activeCall, communications: [...activeCall.communications, ...more] }),
      ),
    );
    await queryClient.refetchQueries();
    await waitFor(() => expect(screen.getByText('New 2')).toBeInTheDocument());
    await waitFor(() => expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('2 new messages'));
  });
});
