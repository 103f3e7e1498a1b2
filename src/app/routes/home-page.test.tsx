import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import { activeCall, aiHandoff, demoSamples, seedConversation, smsThread } from '../../mocks/fixtures/conversations';
import { twilioError, TWILIO_V3 } from '../../mocks/twilio-http';
import { server } from '../../../tests/bff-in-process';
import { operatorResults } from '../../mocks/fixtures/operator-results';
import { renderApp } from '../../../tests/render-app';

const RECENT_KEY = 'conversation-viewer:recent';
const seedId = seedConversation.id;
const seedName = 'Customer Support Call - Order #12345';

beforeEach(() => {
  // jsdom has no scrolling; the layout scrolls to the top after each navigation.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
});

async function renderHome() {
  const app = renderApp('/');
  const input = await screen.findByRole('textbox', { name: 'Conversation ID or link' });
  return { ...app, input };
}

describe('home page: the paste box', () => {
  it('opens the conversation when Enter is pressed on a valid ID', async () => {
    const { router, user, input } = await renderHome();
    await user.type(input, `${seedId}{Enter}`);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${seedId}`));
    expect(await screen.findByRole('heading', { level: 1, name: seedName })).toBeInTheDocument();
  });

  it('opens the conversation with the Open button too', async () => {
    const { router, user, input } = await renderHome();
    await user.type(input, smsThread.id);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${smsThread.id}`));
    expect(await screen.findByRole('heading', { level: 1, name: 'Appointment reschedule by SMS' })).toBeInTheDocument();
  });

  it('trims whitespace and line breaks around a pasted ID', async () => {
    const { router, user, input } = await renderHome();
    await user.click(input);
    await user.paste(`  \n\t${seedId} \r\n `);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${seedId}`));
    expect(await screen.findByRole('heading', { level: 1, name: seedName })).toBeInTheDocument();
  });

  it('finds the ID in a pasted link', async () => {
    const { router, user, input } = await renderHome();
    await user.click(input);
    await user.paste(
      `https://console.twilio.com/us1/monitor/intelligence/conversations/${aiHandoff.id}?frameUrl=%2Fconsole#details`,
    );
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${aiHandoff.id}`));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Refund request handed from AI agent to billing' }),
    ).toBeInTheDocument();
  });

  it('finds the ID in a sentence', async () => {
    const { router, user, input } = await renderHome();
    await user.click(input);
    await user.paste(`Could you look at ${seedId}, the customer called twice.`);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${seedId}`));
    expect(await screen.findByRole('heading', { level: 1, name: seedName })).toBeInTheDocument();
  });

  it('opens an operator result ID on the operator result page', async () => {
    const result = operatorResults[0]!;
    const { router, user, input } = await renderHome();
    await user.click(input);
    await user.paste(result.id);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/operator-results/${result.id}`));
    expect(await screen.findByRole('heading', { level: 1, name: 'Operator result' })).toBeInTheDocument();
    expect(screen.getAllByText(result.id).length).toBeGreaterThan(0);
  });

  it.each([
    ['a wrong prefix', 'conversation_01k1etk2y5f1y9fpe2epfdtvv2', 'A conversation ID starts with "conv_conversation_".'],
    [
      'another kind of ID',
      'conv_participant_01k1etx3jbfx88476ccja0889c',
      'This is a participant ID, not a conversation ID. A conversation ID starts with "conv_conversation_".',
    ],
    [
      'an ID that is too short',
      'conv_conversation_01k1etk2',
      'Too short: "conv_conversation_" must be followed by exactly 26 characters, and this has 8.',
    ],
    [
      'an ID with an upper-case character',
      'conv_conversation_01K1etk2y5f1y9fpe2epfdtvv2',
      'Character 21 is "K": after "conv_conversation_" only lower-case letters and digits are allowed. IDs are all lower case.',
    ],
    [
      'an ID typed in upper case',
      'CONV_CONVERSATION_01K1ETK2Y5F1Y9FPE2EPFDTVV2',
      'A conversation ID is all lower case: it starts with "conv_conversation_".',
    ],
    [
      'a Call SID that no conversation of the account holds',
      'CAffffffffffffffffffffffffffffffff',
      'No conversation for this call in this account.',
    ],
    [
      'a Message SID that no conversation of the account holds',
      'https://console.twilio.com/us1/monitor/logs/sms/SM00000000000000000000000000000000',
      'No conversation for this message in this account.',
    ],
    ['a Call SID one digit short', 'CA1234567890abcdef1234567890abcde', 'Too short: a Call SID is "CA" followed by exactly 32'],
  ])('explains %s without navigating, and clears the message when typing again', async (_case, value, message) => {
    const { router, user, input } = await renderHome();
    await user.click(input);
    await user.paste(value);
    await user.keyboard('{Enter}');

    // A SID is looked up in the account's list; the first list answer plans the demo account.
    const alert = await screen.findByRole('alert', {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent(message);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(router.state.location.pathname).toBe('/');
    expect(input).toHaveValue(value);

    await user.type(input, 'x');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'false');
    expect(router.state.location.pathname).toBe('/');
  });

  it('asks for an ID when submitted empty or blank', async () => {
    const { router, user, input } = await renderHome();
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Paste a conversation ID, or a link that contains one.');
    expect(input).toHaveAttribute('aria-invalid', 'true');

    await user.type(input, '   ');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Paste a conversation ID, or a link that contains one.');
    expect(router.state.location.pathname).toBe('/');
  });
});

describe('home page: demo mode', () => {
  it('says it runs on demo data', async () => {
    renderApp('/');
    expect(await screen.findByText('Demo data')).toBeInTheDocument();
    expect(document.title).toBe('Conversation Viewer');
  });

  it('offers the demo drills, each a link to a conversation that fails in its own way', async () => {
    const { user } = renderApp('/');
    const drills = await screen.findByRole('group', { name: 'Error states and edge cases' });
    await user.click(within(drills).getByText(/^Error states and edge cases/));
    const links = within(drills).getAllByRole('link');
    expect(links.length).toBeGreaterThanOrEqual(13);
    expect(within(drills).getByRole('link', { name: '429: Twilio keeps rate-limiting' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/conversations\/conv_conversation_/),
    );
  });

  it('lists the eight demo samples as links, the seed first', async () => {
    const { router, user } = renderApp('/');
    const samples = await screen.findByRole('region', { name: 'Sample conversations' });
    const links = within(samples).getAllByRole('link');
    expect(links).toHaveLength(8);
    expect(demoSamples).toHaveLength(8);
    links.forEach((link, index) => expect(link).toHaveAttribute('href', `/conversations/${demoSamples[index]!.conversation.id}`));
    expect(links[0]).toHaveTextContent(seedName);
    expect(links[0]).toHaveTextContent('VOICE · CLOSED · 3 messages');
    expect(links[5]).toHaveTextContent('Untitled conversation');
    expect(links[6]).toHaveTextContent('2,000 messages');
    expect(links[7]).toHaveTextContent('CHAT · CLOSED · 12 messages');

    await user.click(links[0]!);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${seedId}`));
    expect(await screen.findByRole('heading', { level: 1, name: seedName })).toBeInTheDocument();
  });
});

describe('home page: recent conversations', () => {
  it('lists a conversation opened on this browser, and Clear empties the list', async () => {
    const { router, user } = renderApp('/');
    const recentHeading = await screen.findByRole('heading', { name: 'Opened recently on this browser' });
    expect(recentHeading).toBeInTheDocument();
    expect(screen.getByText(/Conversations you open appear here/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear' })).not.toBeInTheDocument();

    const samples = await screen.findByRole('region', { name: 'Sample conversations' });
    await user.click(within(samples).getAllByRole('link')[0]!);
    expect(await screen.findByRole('heading', { level: 1, name: seedName })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Conversation Viewer' }));
    const recent = await screen.findByRole('region', { name: 'Opened recently on this browser' });
    expect(router.state.location.pathname).toBe('/');
    const entry = within(recent).getByRole('link', { name: seedName });
    expect(entry).toHaveAttribute('href', `/conversations/${seedId}`);
    expect(within(recent).getByText(seedId)).toBeInTheDocument();
    expect(within(recent).getByText(/^opened /)).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]')).toEqual([
      expect.objectContaining({ id: seedId, name: seedName }),
    ]);

    await user.click(within(recent).getByRole('button', { name: 'Clear' }));
    expect(within(recent).queryByRole('link')).not.toBeInTheDocument();
    expect(within(recent).getByText(/Conversations you open appear here/)).toBeInTheDocument();
    expect(localStorage.getItem(RECENT_KEY)).toBeNull();
  });

  it('lists the most recent first, without duplicates', async () => {
    localStorage.setItem(
      RECENT_KEY,
      JSON.stringify([
        { id: smsThread.id, name: smsThread.name, openedAt: '2026-03-10T15:00:00Z' },
        { id: seedId, name: seedName, openedAt: '2026-03-09T15:00:00Z' },
      ]),
    );
    const { user } = renderApp(`/conversations/${seedId}`);
    expect(await screen.findByRole('heading', { level: 1, name: seedName })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Conversation Viewer' }));
    const recent = await screen.findByRole('region', { name: 'Opened recently on this browser' });
    expect(
      within(recent)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([seedName, 'Appointment reschedule by SMS']);
  });

  it('shows an entry without a name as an untitled conversation', async () => {
    localStorage.setItem(RECENT_KEY, JSON.stringify([{ id: seedId, name: null, openedAt: '2026-03-09T15:00:00Z' }]));
    renderApp('/');
    const recent = await screen.findByRole('region', { name: 'Opened recently on this browser' });
    expect(within(recent).getByRole('link', { name: 'Untitled conversation' })).toHaveAttribute(
      'href',
      `/conversations/${seedId}`,
    );
  });

  it.each([
    ['invalid JSON', '{"id": "conv_conversation_'],
    ['JSON of the wrong shape', JSON.stringify({ id: seedId, name: seedName })],
    [
      'entries of the wrong shape',
      JSON.stringify([{ id: 42, name: seedName, openedAt: '2026-03-09T15:00:00Z' }, 'conv_conversation_x', null]),
    ],
    ['a bare string', JSON.stringify('hello')],
  ])('ignores corrupted stored data (%s) instead of breaking the page', async (_case, stored) => {
    localStorage.setItem(RECENT_KEY, stored);
    renderApp('/');
    expect(await screen.findByRole('textbox', { name: 'Conversation ID or link' })).toBeInTheDocument();
    const recent = screen.getByRole('region', { name: 'Opened recently on this browser' });
    expect(within(recent).queryByRole('link')).not.toBeInTheDocument();
    expect(within(recent).getByText(/Conversations you open appear here/)).toBeInTheDocument();
    expect(screen.queryByText('Something went wrong on this page')).not.toBeInTheDocument();
  });

  it('drops a stored entry whose ID is malformed and keeps the valid ones', async () => {
    localStorage.setItem(
      RECENT_KEY,
      JSON.stringify([
        { id: 'conv_conversation_../../v3/OperatorResults', name: 'Tampered', openedAt: '2026-03-09T15:00:00Z' },
        { id: seedId, name: seedName, openedAt: '2026-03-09T15:00:00Z' },
        { id: 'conv_conversation_01K1ETK2Y5F1Y9FPE2EPFDTVV2', name: 'Upper case', openedAt: '2026-03-09T15:00:00Z' },
      ]),
    );
    renderApp('/');
    const recent = await screen.findByRole('region', { name: 'Opened recently on this browser' });
    expect(
      within(recent)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([seedName]);
    expect(screen.queryByText('Tampered')).not.toBeInTheDocument();
    expect(screen.queryByText('Upper case')).not.toBeInTheDocument();
  });

  it('shows a conversation stored twice only once', async () => {
    const entry = { id: seedId, name: seedName, openedAt: '2026-03-09T15:00:00Z' };
    localStorage.setItem(RECENT_KEY, JSON.stringify([entry, { ...entry, openedAt: '2026-03-08T15:00:00Z' }]));
    renderApp('/');
    const recent = await screen.findByRole('region', { name: 'Opened recently on this browser' });
    expect(
      within(recent)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([seedName]);
  });

  it('does not break the page when a stored entry has an unreadable date', async () => {
    localStorage.setItem(
      RECENT_KEY,
      JSON.stringify([
        { id: seedId, name: seedName, openedAt: 'yesterday' },
        { id: smsThread.id, name: smsThread.name, openedAt: '2026-03-10T15:00:00Z' },
      ]),
    );
    renderApp('/');
    expect(await screen.findByRole('textbox', { name: 'Conversation ID or link' })).toBeInTheDocument();
    const recent = screen.getByRole('region', { name: 'Opened recently on this browser' });
    expect(within(recent).getByRole('link', { name: 'Appointment reschedule by SMS' })).toBeInTheDocument();
    expect(screen.queryByText('Something went wrong on this page')).not.toBeInTheDocument();
  });
});

describe('home page: finding a conversation by a Call or Message SID', () => {
  const CONVERSATION_LIST = `${TWILIO_V3}/Conversations`;

  it('opens the one conversation that holds a pasted Call SID, asking Twilio with channelId', async () => {
    const asked: string[] = [];
    server.use(
      http.get(CONVERSATION_LIST, ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('channelId') ?? '');
      }),
    );
    const { router, user, input } = await renderHome();
    await user.click(input);
    await user.paste(`Caller says the call ${activeCall.channelIds[0]} dropped twice`);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${activeCall.id}`));
    expect(asked).toEqual([activeCall.channelIds[0]]);
  });

  it('opens the seed conversation from the Call SID it holds', async () => {
    const { router, user, input } = await renderHome();
    await user.type(input, `CA1234567890abcdef1234567890abcdef{Enter}`);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${seedId}`));
  });

  it('opens a conversation from one of its Message SIDs', async () => {
    const { router, user, input } = await renderHome();
    await user.type(input, `${smsThread.channelIds[1]}{Enter}`);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${smsThread.id}`));
  });

  /** Twilio lists the SMS thread and the seed conversation as holding `shared`, with their channels changed or not. */
  const bothHold = (shared: string, change: { channels?: string[] } = {}) =>
    server.use(
      http.get(CONVERSATION_LIST, () =>
        HttpResponse.json({
          items: [smsThread, seedConversation].map(({ communications: _messages, ...item }) => ({
            ...item,
            ...change,
            channelIds: [shared],
          })),
          meta: { key: 'items', pageSize: 2 },
        }),
      ),
    );

  it('lists the conversations when several hold the SID, each a link', async () => {
    const shared = 'CH00112233445566778899aabbccddeeff';
    bothHold(shared);
    const { router, user, input } = await renderHome();
    await user.type(input, `${shared}{Enter}`);
    const list = await screen.findByRole('region', { name: '2 conversations hold this chat' });
    await user.click(within(list).getByRole('link', { name: seedName }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${seedId}`));
  });

  it('shows a channel that a matching conversation lists twice, twice', async () => {
    const shared = 'CH00112233445566778899aabbccddee00';
    bothHold(shared, { channels: ['SMS', 'SMS'] });
    const { user, input } = await renderHome();
    await user.type(input, `${shared}{Enter}`);
    const list = await screen.findByRole('region', { name: '2 conversations hold this chat' });
    expect(within(list).getAllByText('SMS')).toHaveLength(4);
  });

  it('says what went wrong when the list cannot be read, and retries', async () => {
    server.use(http.get(CONVERSATION_LIST, () => twilioError(503, 20003, 'Service unavailable'), { once: true }));
    const { router, user, input } = await renderHome();
    await user.type(input, `${activeCall.channelIds[0]}{Enter}`);
    expect(await screen.findByRole('heading', { name: 'Twilio could not be reached' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${activeCall.id}`));
  });
});
