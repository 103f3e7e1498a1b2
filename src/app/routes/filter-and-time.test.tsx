import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../../api/conversation';
import { aiHandoff, smsThread } from '../../mocks/fixtures/conversations';
import { operatorResults } from '../../mocks/fixtures/operator-results';
import { stubScrolling } from '../../../tests/dom-stubs';
import { PRODUCT_NAME } from '../../lib/use-document-title';
import { renderApp } from '../../../tests/render-app';

/**
 * The "dom" project runs in UTC, where local time and UTC read the same. This file runs in a zone
 * without daylight saving and with a half-hour offset, set before any module is loaded (the app
 * builds its formatters once), so switching to UTC visibly changes every time on the page.
 */
const zone = vi.hoisted(() => {
  const previous = process.env.TZ;
  process.env.TZ = 'Asia/Kolkata';
  return { previous };
});
afterAll(() => {
  process.env.TZ = zone.previous;
});

const path = (conversation: Conversation, search = '') => `/conversations/${conversation.id}${search}`;

async function open(conversation: Conversation, search = '') {
  const app = renderApp(path(conversation, search));
  await screen.findByRole('heading', { level: 1, name: conversation.name! });
  return app;
}

const shownMessageIds = () => [...document.querySelectorAll('[data-message]')].map((element) => element.id);
const filterGroup = () => screen.getByRole('group', { name: 'Show messages from' });
const summary = () => screen.getByText(/ · times in /);
const searchParam = (search: string, key: string) => new URLSearchParams(search).get(key);

const [priya, ava, marcus] = aiHandoff.participants as [
  Conversation['participants'][0],
  Conversation['participants'][0],
  Conversation['participants'][0],
];
const idsOf = (conversation: Conversation, keep: (participantId: string) => boolean) =>
  conversation.communications.filter((c) => keep(c.participantId)).map((c) => c.id);

stubScrolling();

describe('participant filter', () => {
  it('hides a participant’s messages, says how many are hidden, and keeps the ID in ?hide=', async () => {
    const { router, user } = await open(aiHandoff);
    expect(shownMessageIds()).toEqual(aiHandoff.communications.map((c) => c.id));
    expect(summary()).toHaveTextContent(/^10 messages · times in /);
    const toggle = within(filterGroup()).getByRole('button', { name: 'Marcus Lee' });
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('button', { name: 'Show everyone' })).not.toBeInTheDocument();

    await user.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-pressed', 'false'));
    expect(searchParam(router.state.location.search, 'hide')).toBe(marcus.id);
    const remaining = idsOf(aiHandoff, (id) => id !== marcus.id);
    expect(remaining).toHaveLength(6);
    expect(shownMessageIds()).toEqual(remaining);
    expect(summary()).toHaveTextContent(/^6 of 10 messages shown · 4 hidden by filters · times in /);
    // His words are gone from the transcript (his name stays in the participants panel and the filter).
    const log = screen.getByRole('log', { name: 'Transcript' });
    expect(log).not.toHaveTextContent('Marcus from billing here');
    expect(log).not.toHaveTextContent('Marcus Lee');

    // Hiding a second one adds to the list.
    await user.click(within(filterGroup()).getByRole('button', { name: 'Ava (virtual agent)' }));
    await waitFor(() => expect(shownMessageIds()).toEqual(idsOf(aiHandoff, (id) => id === priya.id)));
    expect(searchParam(router.state.location.search, 'hide')?.split(',')).toEqual([marcus.id, ava.id]);
    expect(summary()).toHaveTextContent(/^3 of 10 messages shown · 7 hidden by filters/);

    // Shown again with a second click.
    await user.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-pressed', 'true'));
    expect(searchParam(router.state.location.search, 'hide')).toBe(ava.id);
    expect(shownMessageIds()).toEqual(idsOf(aiHandoff, (id) => id !== ava.id));
  });

  it('shows only one participant, then everyone again', async () => {
    const { router, user } = await open(aiHandoff);
    await user.click(screen.getByRole('button', { name: 'Show only Priya Natarajan' }));
    await waitFor(() => expect(shownMessageIds()).toEqual(idsOf(aiHandoff, (id) => id === priya.id)));
    expect(summary()).toHaveTextContent(/^3 of 10 messages shown · 7 hidden by filters/);
    expect(searchParam(router.state.location.search, 'hide')?.split(',').sort()).toEqual([ava.id, marcus.id].sort());
    const group = filterGroup();
    expect(within(group).getByRole('button', { name: 'Priya Natarajan' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(group).getByRole('button', { name: 'Ava (virtual agent)' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(group).getByRole('button', { name: 'Marcus Lee' })).toHaveAttribute('aria-pressed', 'false');

    // "only" on someone else moves the filter, it does not add to it.
    await user.click(screen.getByRole('button', { name: 'Show only Marcus Lee' }));
    await waitFor(() => expect(shownMessageIds()).toEqual(idsOf(aiHandoff, (id) => id === marcus.id)));
    expect(summary()).toHaveTextContent(/^4 of 10 messages shown · 6 hidden by filters/);

    await user.click(screen.getByRole('button', { name: 'Show everyone' }));
    await waitFor(() => expect(shownMessageIds()).toHaveLength(10));
    expect(summary()).toHaveTextContent(/^10 messages · times in /);
    expect(router.state.location.search).toBe('');
    expect(screen.queryByRole('button', { name: 'Show everyone' })).not.toBeInTheDocument();
  });

  it('keeps the filter when the link is opened again', async () => {
    const first = await open(aiHandoff);
    await first.user.click(within(filterGroup()).getByRole('button', { name: 'Marcus Lee' }));
    await waitFor(() => expect(shownMessageIds()).toHaveLength(6));
    const link = `${first.router.state.location.pathname}${first.router.state.location.search}`;
    first.unmount();

    await open(aiHandoff, link.slice(path(aiHandoff).length));
    expect(shownMessageIds()).toEqual(idsOf(aiHandoff, (id) => id !== marcus.id));
    expect(summary()).toHaveTextContent(/^6 of 10 messages shown · 4 hidden by filters/);
    expect(within(filterGroup()).getByRole('button', { name: 'Marcus Lee' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: 'Show everyone' })).toBeInTheDocument();
  });

  it('says so when every message is hidden', async () => {
    await open(aiHandoff, `?hide=${[priya.id, ava.id, marcus.id].join(',')}`);
    expect(shownMessageIds()).toEqual([]);
    expect(screen.getByText('Every message is hidden by the participant filters.')).toBeInTheDocument();
    expect(summary()).toHaveTextContent(/^0 of 10 messages shown · 10 hidden by filters/);
  });

  it('ignores an unknown ID in ?hide=', async () => {
    await open(aiHandoff, `?hide=conv_participant_00000000000000000000000000,${marcus.id}`);
    expect(shownMessageIds()).toEqual(idsOf(aiHandoff, (id) => id !== marcus.id));
    expect(summary()).toHaveTextContent(/^6 of 10 messages shown · 4 hidden by filters/);
  });
});

describe('time zone', () => {
  const inZone = (iso: string, timeZone?: string) =>
    new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone }).format(new Date(iso));
  const messageTimes = () =>
    [...document.querySelectorAll('[data-message]')].map((message) => message.querySelector('time')!.textContent);
  const dayDividers = () => [...document.querySelectorAll('[role="log"] li:not([data-message]) time')].map((t) => t.textContent);
  const zoneGroup = () => screen.getByRole('group', { name: 'Time zone' });
  const dateTimeIn = (iso: string, timeZone?: string) =>
    new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long', timeZone }).format(new Date(iso));
  /** A field of the conversation header, or a row of the result's provenance, by its label. */
  const field = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling as HTMLElement;
  const resultsPanel = () => screen.getByRole('region', { name: /Operator results/ });
  /** Every time on the page that names an instant (day dividers name a day), as its ISO string and its text. */
  const instants = () =>
    [...document.querySelectorAll('time')]
      .filter((time) => time.dateTime.includes('T'))
      .map((time) => ({ iso: time.dateTime, text: time.textContent }));
  /** Each reads as a time, or a date and time, in that zone (in India every one differs from UTC). */
  const expectEveryTimeIn = (timeZone: string | undefined) => {
    const shown = instants();
    expect(shown.length).toBeGreaterThan(0);
    for (const { iso, text } of shown) expect([inZone(iso, timeZone), dateTimeIn(iso, timeZone)]).toContain(text);
  };

  it('switches to UTC: ?tz=utc, the toggle, the header and every time', async () => {
    expect(new Date('2026-03-09T21:48:15Z').getTimezoneOffset()).toBe(-330);
    const { router, user, unmount } = await open(smsThread);
    let local = within(zoneGroup()).getByRole('button', { name: /^Local \(/ });
    const utc = within(zoneGroup()).getByRole('button', { name: 'UTC' });
    expect(local).toHaveAttribute('aria-pressed', 'true');
    expect(utc).toHaveAttribute('aria-pressed', 'false');
    expect(summary()).not.toHaveTextContent('times in UTC');

    const localTimes = messageTimes();
    expect(localTimes).toEqual(smsThread.communications.map((c) => inZone(c.createdAt)));
    // 21:48:15 UTC is 03:18:15 the next morning in India.
    expect(localTimes[0]).toMatch(/03:18:15/);
    // In India the whole thread is on 10 March; in UTC it starts on the 9th.
    expect(dayDividers()).toHaveLength(1);
    expect(field('Started')).toHaveTextContent(dateTimeIn(smsThread.createdAt));
    expect(field('Last updated')).toHaveTextContent(dateTimeIn(smsThread.updatedAt));
    await waitFor(() => expect(within(resultsPanel()).getAllByRole('link', { name: /^Full result/ })).toHaveLength(2), {
      timeout: 5000,
    });
    const resultTimes = () => [...resultsPanel().querySelectorAll('time')].map((time) => time.textContent);
    expect(resultTimes()).toHaveLength(2);
    expectEveryTimeIn(undefined);

    await user.click(utc);
    await waitFor(() => expect(utc).toHaveAttribute('aria-pressed', 'true'));
    expect(local).toHaveAttribute('aria-pressed', 'false');
    expect(router.state.location.search).toBe('?tz=utc');
    expect(summary()).toHaveTextContent(/ · times in UTC, UTC on hover$/);
    const utcTimes = messageTimes();
    expect(utcTimes).toEqual(smsThread.communications.map((c) => inZone(c.createdAt, 'UTC')));
    expect(utcTimes[0]).toMatch(/(21|09):48:15/);
    utcTimes.forEach((time, i) => expect(time).not.toBe(localTimes[i]));
    expect(dayDividers()).toHaveLength(2);
    expect(dayDividers()[0]).toMatch(/March 9, 2026/);
    // The header and the results panel too: every time on the page.
    expect(field('Started')).toHaveTextContent(dateTimeIn(smsThread.createdAt, 'UTC'));
    expect(field('Started')).toHaveTextContent(/Mar 9, 2026/);
    expect(field('Last updated')).toHaveTextContent(dateTimeIn(smsThread.updatedAt, 'UTC'));
    expect(resultTimes()).toHaveLength(2);
    expectEveryTimeIn('UTC');

    // A result's own page keeps the zone, its provenance included, and so does the way back.
    const [summaryId] = smsThread.operatorResultIds as [string];
    const fullResult = within(resultsPanel())
      .getAllByRole('link', { name: /^Full result/ })
      .find((link) => link.getAttribute('href')?.startsWith(`/operator-results/${summaryId}`))!;
    expect(fullResult).toHaveAttribute('href', `/operator-results/${summaryId}?tz=utc`);
    await user.click(fullResult);
    // The result page's code and data load first: generous bounds, not speed claims.
    await screen.findByRole('heading', { level: 2, name: 'How it was produced' }, { timeout: 5000 });
    expect(router.state.location.search).toBe('?tz=utc');
    const summaryResult = operatorResults.find((result) => result.id === summaryId)!;
    expect(field('Created')).toHaveTextContent(dateTimeIn(summaryResult.dateCreated!, 'UTC'));
    expect(field('Trigger')).toHaveTextContent(dateTimeIn(summaryResult.executionDetails!.trigger!.timestamp!, 'UTC'));
    expectEveryTimeIn('UTC');
    await user.click(screen.getByRole('link', { name: '← Back to the conversation' }));
    await screen.findByRole('heading', { level: 1, name: smsThread.name! }, { timeout: 5000 });
    expect(router.state.location.search).toBe('?tz=utc');
    expect(within(zoneGroup()).getByRole('button', { name: 'UTC' })).toHaveAttribute('aria-pressed', 'true');
    expect(messageTimes()).toEqual(utcTimes);
    expect(field('Started')).toHaveTextContent(dateTimeIn(smsThread.createdAt, 'UTC'));
    local = within(zoneGroup()).getByRole('button', { name: /^Local \(/ });

    // The same as opening the link with ?tz=utc directly.
    const link = router.state.location.search;
    await user.click(local);
    await waitFor(() => expect(local).toHaveAttribute('aria-pressed', 'true'));
    expect(router.state.location.search).toBe('');
    expect(messageTimes()).toEqual(localTimes);
    unmount();
    await open(smsThread, link);
    expect(messageTimes()).toEqual(utcTimes);
    expect(within(zoneGroup()).getByRole('button', { name: 'UTC' })).toHaveAttribute('aria-pressed', 'true');
    expect(summary()).toHaveTextContent('times in UTC');
  });

  it('goes with the reader through the header and the home page; the inbox and the recent list show it', async () => {
    const { user, router } = await open(smsThread, '?tz=utc');
    const pages = screen.getByRole('navigation', { name: 'Pages' });
    expect(within(pages).getByRole('link', { name: 'Agreement' })).toHaveAttribute('href', '/agreement?tz=utc');
    await user.click(within(pages).getByRole('link', { name: 'Conversations' }));
    await screen.findByRole('heading', { level: 1, name: 'Conversations' }, { timeout: 5000 });
    expect(router.state.location.search).toBe('?tz=utc');
    // Each row's start, written in the zone on hover (in India every one differs from UTC).
    const starts = await waitFor(() => {
      const times = [...document.querySelectorAll('[data-row-index] time')];
      expect(times.length).toBeGreaterThan(0);
      return times;
    });
    for (const time of starts) expect(time).toHaveAttribute('title', dateTimeIn(time.getAttribute('datetime')!, 'UTC'));

    await user.click(screen.getByRole('link', { name: PRODUCT_NAME }));
    const recent = await screen.findByRole('region', { name: 'Opened recently on this browser' });
    expect(router.state.location.search).toBe('?tz=utc');
    const opened = within(recent).getByRole('link', { name: smsThread.name! });
    expect(opened).toHaveAttribute('href', `${path(smsThread)}?tz=utc`);
    expect(opened.closest('li')).toHaveTextContent(/opened \w{3} \d+, \d{4}, \d+:\d{2}:\d{2}\s[AP]M UTC$/);
    expect(screen.getByRole('link', { name: 'Browse conversations' })).toHaveAttribute('href', '/conversations?tz=utc');
  });

  it('goes with the reader back home from a page that is not there or a link with an ID that is not valid', async () => {
    renderApp('/nowhere?tz=utc');
    const notFound = await screen.findByRole('link', { name: 'Open a conversation' }, { timeout: 5000 });
    expect(notFound).toHaveAttribute('href', '/?tz=utc');
    cleanup();
    renderApp('/conversations/conv_conversation_TOO-SHORT?tz=utc');
    const invalid = await screen.findByRole('link', { name: 'Paste another ID' }, { timeout: 5000 });
    expect(invalid).toHaveAttribute('href', '/?tz=utc');
  });

  it('accepts ?tz=UTC in capitals', async () => {
    await open(smsThread, '?tz=UTC');
    expect(within(zoneGroup()).getByRole('button', { name: 'UTC' })).toHaveAttribute('aria-pressed', 'true');
    expect(messageTimes()[0]).toBe(inZone(smsThread.communications[0]!.createdAt, 'UTC'));
  });
});

describe('gap markers', () => {
  const gapLabels = () =>
    [...document.querySelectorAll('[role="log"] li:not([data-message])')]
      .map((li) => li.textContent ?? '')
      .filter((text) => / later$/.test(text));

  /** The marker sits right before the message that broke the silence (a day divider may come between). */
  function expectGapBefore(label: string, messageId: string, previousId: string) {
    const marker = screen.getByText(label).closest('li')!;
    const message = document.getElementById(messageId)!;
    const previous = document.getElementById(previousId)!;
    expect(previous.compareDocumentPosition(marker) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(marker.compareDocumentPosition(message) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  }

  it('marks the silences of more than five minutes in the SMS thread', async () => {
    await open(smsThread);
    const ids = smsThread.communications.map((c) => c.id);
    expect(gapLabels()).toEqual(['11 h later', '5 min later', '31 min later']);
    expectGapBefore('11 h later', ids[2]!, ids[1]!);
    expectGapBefore('5 min later', ids[3]!, ids[2]!);
    expectGapBefore('31 min later', ids[6]!, ids[5]!);
  });

  it('measures the silences between the messages shown when a participant is hidden', async () => {
    const devon = smsThread.participants[1]!;
    await open(smsThread, `?hide=${devon.id}`);
    // Maria alone: 21:48:56 → 08:34:08 (10 h 45 min) and 08:34:08 → 09:07:15 (33 min).
    expect(gapLabels()).toEqual(['11 h later', '33 min later']);
  });

  it('has none in a conversation without long silences', async () => {
    await open(aiHandoff);
    expect(gapLabels()).toEqual([]);
  });
});
