import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activeCall, aiHandoff, seedConversation, smsThread } from '../../mocks/fixtures/conversations';
import { OPERATORS } from '../../mocks/fixtures/operator-results';
import { twilioError } from '../../mocks/twilio-http';
import { server } from '../../../tests/bff-in-process';
import { CONVERSATION_LIST, listAnswers, listQueries } from '../../../tests/conversation-list-answers';
import { renderApp } from '../../../tests/render-app';

beforeEach(() => {
  vi.spyOn(window, 'scrollTo');
});
afterEach(() => vi.useRealTimers());

async function renderInbox(path = '/conversations') {
  const app = renderApp(path);
  await screen.findByRole('heading', { level: 1, name: 'Conversations' }, { timeout: 5000 });
  return app;
}

describe('the inbox: rows', () => {
  it('shows one row per conversation: name, status, channels, participants with AI agents marked, results; each a link', async () => {
    listAnswers([aiHandoff, smsThread, { ...activeCall, name: null }]);
    const { user, router } = await renderInbox();
    const rows = await screen
      .findAllByRole('listitem', {}, { timeout: 5000 })
      .then((items) => items.filter((item) => item.hasAttribute('data-row-index')));
    expect(rows).toHaveLength(3);
    const first = rows[0]!;
    expect(within(first).getByRole('link', { name: 'Refund request handed from AI agent to billing' })).toHaveAttribute(
      'href',
      `/conversations/${aiHandoff.id}?from=`,
    );
    expect(within(first).getByTitle('AI agent')).toHaveTextContent('AI');
    expect(within(first).getByText('Ava (virtual agent)')).toBeInTheDocument();
    expect(within(first).getByTitle(`${aiHandoff.operatorResultIds.length} operator results`)).toBeInTheDocument();
    expect(within(first).getByText('Chat')).toBeInTheDocument();
    expect(within(rows[2]!).getByRole('link', { name: 'Untitled conversation' })).toBeInTheDocument();
    // The start is relative, with the absolute time in the page's zone on hover.
    expect(within(rows[1]!).getByText((_, element) => element?.tagName === 'TIME')).toHaveAttribute(
      'title',
      expect.stringContaining('2026'),
    );
    expect(screen.getByText('All 3 conversations with these filters in the account are loaded.')).toBeInTheDocument();

    await user.click(within(first).getByRole('link', { name: /Refund request/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${aiHandoff.id}`));
  });

  it('says so, in the singular, when the one conversation there is has loaded', async () => {
    listAnswers([smsThread]);
    await renderInbox();
    expect(await screen.findByText('The one conversation with these filters in the account is loaded.')).toBeInTheDocument();
  });

  it('is linked prominently from the home page', async () => {
    const { user, router } = renderApp('/');
    await user.click(await screen.findByRole('link', { name: 'Browse conversations' }, { timeout: 5000 }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/conversations'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Conversations' })).toBeInTheDocument();
  });
});

describe('the inbox: filters in the URL', () => {
  it('sends a link’s filters to Twilio as its own parameters, and counts them', async () => {
    const asked = listAnswers([smsThread]);
    await renderInbox(`/conversations?status=closed&channel=SMS&channel=VOICE&operator=${OPERATORS.sentiment}`);
    await screen.findByRole('link', { name: 'Appointment reschedule by SMS' }, { timeout: 5000 });
    expect(asked.map((query) => query.toString())).toEqual([
      `pageSize=50&status=CLOSED&channels=SMS&channels=VOICE&operatorIds=${OPERATORS.sentiment}`,
    ]);
    expect(screen.getByText('3 active filters')).toBeInTheDocument();
  });

  it('writes each chosen filter into the URL, and Clear filters empties it', async () => {
    const asked = listQueries();
    const { user, router } = await renderInbox('/conversations?tz=utc');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Closed');
    await waitFor(() => expect(router.state.location.search).toBe('?tz=utc&status=CLOSED'));
    await user.click(screen.getByRole('checkbox', { name: 'Voice' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Started' }), 'Last 7 days');
    await waitFor(() => expect(router.state.location.search).toBe('?tz=utc&status=CLOSED&channel=VOICE&window=7d'));
    expect(screen.getByText('3 active filters')).toBeInTheDocument();
    await waitFor(() => expect(asked.at(-1)?.get('status')).toBe('CLOSED'));
    const last = asked.at(-1)!;
    expect(last.getAll('channels')).toEqual(['VOICE']);
    expect(Date.parse(last.get('createdAtBefore')!) - Date.parse(last.get('createdAtAfter')!)).toBe(7 * 86_400_000);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe('?tz=utc'));
    expect(screen.getByText('No filters')).toBeInTheDocument();
  });

  it('explains a custom range over 31 days instead of failing, and applies one within it', async () => {
    const { user, router } = await renderInbox('/conversations?tz=utc');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Started' }), 'Custom range…');
    const from = screen.getByLabelText('From (UTC)');
    const to = screen.getByLabelText('To (UTC)');
    await user.type(from, '2026-09-01T00:00');
    await user.type(to, '2026-11-01T00:00');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Twilio lists at most 31 days at a time, and this range spans 61 days.',
    );
    expect(screen.getByRole('button', { name: 'Apply range' })).toBeDisabled();
    await user.clear(to);
    await user.type(to, '2026-09-20T12:00');
    await user.click(screen.getByRole('button', { name: 'Apply range' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?tz=utc&after=2026-09-01T00%3A00%3A00Z&before=2026-09-20T12%3A00%3A00Z'),
    );
  });

  it('says which parts of a hand-edited link it left out, and lists with the rest', async () => {
    const asked = listQueries();
    await renderInbox('/conversations?status=SLEEPING&channel=SMS');
    expect(await screen.findByRole('heading', { name: 'Part of this link could not be used' })).toBeInTheDocument();
    expect(screen.getByText(/The status "SLEEPING" is not one of ACTIVE, INACTIVE or CLOSED: left out./)).toBeInTheDocument();
    await waitFor(() => expect(asked.at(-1)?.getAll('channels')).toEqual(['SMS']));
    expect(asked.at(-1)?.has('status')).toBe(false);
  });
});

describe('the inbox: states', () => {
  it('says which filters to loosen when nothing matches, each removable', async () => {
    listAnswers([]);
    const { user, router } = await renderInbox('/conversations?status=ACTIVE&channel=EMAIL');
    expect(await screen.findByRole('heading', { name: 'No conversation matches these filters' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove filter: Channel: Email' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=ACTIVE'));
  });

  it('shows a specific error with Retry when Twilio fails, and the rows after it', async () => {
    server.use(http.get(CONVERSATION_LIST, () => twilioError(503, 20003, 'Service unavailable'), { once: true }));
    const { user } = await renderInbox('/conversations?status=CLOSED');
    expect(await screen.findByRole('heading', { name: 'Twilio could not be reached' }, { timeout: 5000 })).toBeInTheDocument();
    listAnswers([smsThread]);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Appointment reschedule by SMS' })).toBeInTheDocument();
  });

  it('counts down while Twilio rate-limits the list, then shows the rows', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    listAnswers([smsThread]);
    // Added last, so asked first: the first request only.
    server.use(
      http.get(CONVERSATION_LIST, () => twilioError(429, 20429, 'Too many requests', { 'Retry-After': '1' }), { once: true }),
    );
    await renderInbox('/conversations?status=INACTIVE');
    expect(
      await screen.findByRole('heading', { name: 'Twilio is rate-limiting requests' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Retrying in 1 s|Retrying now/)).toBeInTheDocument();
    // Twilio's second, passed on the page's clock.
    await vi.advanceTimersByTimeAsync(1000);
    expect(await screen.findByRole('link', { name: 'Appointment reschedule by SMS' }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('says the credentials were rejected on 401', async () => {
    server.use(http.get(CONVERSATION_LIST, () => twilioError(401, 20003, 'Authenticate')));
    await renderInbox();
    expect(
      await screen.findByRole('heading', { name: 'The server’s Twilio credentials were rejected' }, { timeout: 5000 }),
    ).toBeInTheDocument();
  });
});

describe('the inbox: paging', () => {
  it('asks for the next page with Twilio’s token as the reader nears the end of the loaded rows', async () => {
    const asked = listQueries();
    await renderInbox();
    await waitFor(() => expect(screen.getAllByRole('listitem').length).toBeGreaterThan(5), { timeout: 5000 });
    expect(asked).toHaveLength(1);
    window.scrollTo(0, 50 * 76);
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]!.get('pageToken')).toBeTruthy();
    expect(await screen.findByText(/^100 loaded/)).toBeInTheDocument();
  });
});

describe('the inbox: finding by ID', () => {
  it('opens the conversation of a pasted Call SID', async () => {
    const { user, router } = await renderInbox();
    const search = screen.getByRole('textbox', { name: /Find by conversation ID, Call SID or Message SID/ });
    await user.type(search, `${activeCall.channelIds[0]}{Enter}`);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${activeCall.id}`));
  });

  it('filters by a SID no conversation holds, and says so', async () => {
    const { user, router } = await renderInbox();
    await user.type(screen.getByRole('textbox', { name: /Find by/ }), 'SMffffffffffffffffffffffffffffffff{Enter}');
    expect(await screen.findByRole('heading', { name: 'No conversation for this message in this account.' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?channelId=SMffffffffffffffffffffffffffffffff');
  });
});

describe('the inbox: keyboard', () => {
  const originalShowModal = Object.getOwnPropertyDescriptor(HTMLDialogElement.prototype, 'showModal');
  beforeEach(() => {
    HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
  });
  afterEach(() => {
    if (originalShowModal) Object.defineProperty(HTMLDialogElement.prototype, 'showModal', originalShowModal);
    else Reflect.deleteProperty(HTMLDialogElement.prototype, 'showModal');
  });

  it('moves with j / k, opens with Enter, goes to the search with /, lists the keys with ?', async () => {
    listAnswers([aiHandoff, smsThread, seedConversation]);
    const { user, router } = await renderInbox();
    await screen.findByRole('link', { name: aiHandoff.name! }, { timeout: 5000 });
    await user.keyboard('/');
    expect(screen.getByRole('textbox', { name: /Find by/ })).toHaveFocus();
    await user.click(screen.getByRole('heading', { level: 1 }));
    await user.keyboard('jjjk');
    await waitFor(() => expect(screen.getByRole('link', { name: smsThread.name! })).toHaveFocus());
    await user.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    screen.getByRole('dialog', { name: 'Keyboard shortcuts' }).removeAttribute('open');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${smsThread.id}`));
  });
});
