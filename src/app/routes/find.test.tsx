import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../api/conversation';
import { aiHandoff, seedConversation, smsThread } from '../../mocks/fixtures/conversations';
import { stubScrolling } from '../../../tests/dom-stubs';
import { renderApp } from '../../../tests/render-app';

/**
 * Find in the transcript, through the whole app: the URL holds the query, every match is marked,
 * the cursor moves and wraps, and what is searched is what is shown (names, addresses, messages).
 */

/** Lower case, accents removed: what "case- and accent-insensitive" means, written independently of src/lib/search.ts. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function occurrences(text: string, query: string): number {
  const haystack = fold(text);
  const needle = fold(query);
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** Every text the find bar searches, in its order: participants (name, then addresses), then messages. */
function searchedTexts(conversation: Conversation): string[] {
  return [
    ...conversation.participants.flatMap((p) => [p.name ?? '', ...p.addressValues]),
    ...conversation.communications.map((c) => c.content.text ?? ''),
  ];
}

const expectedCount = (conversation: Conversation, query: string) =>
  searchedTexts(conversation).reduce((sum, text) => sum + occurrences(text, query), 0);

const path = (conversation: Conversation, search = '') => `/conversations/${conversation.id}${search}`;

async function open(conversation: Conversation, search = '') {
  const app = renderApp(path(conversation, search));
  await screen.findByRole('heading', { level: 1, name: conversation.name! });
  const box = screen.getByRole('searchbox', { name: 'Find in the transcript' });
  const finder = box.closest('[role="search"]') as HTMLElement;
  const status = within(finder).getByRole('status');
  return { ...app, box, status };
}

const marks = () => [...document.querySelectorAll('mark[data-match]')];
const currentMarks = () => [...document.querySelectorAll('mark[data-match="current"]')];

const { scrolledTo, scrollIntoView } = stubScrolling();

/** The current match is marked once, in the element that was last scrolled into view. */
async function expectCurrentIs(status: HTMLElement, index: number, total: number) {
  await waitFor(() => expect(status).toHaveTextContent(`${index} of ${total}`));
  await waitFor(() => expect(currentMarks()).toHaveLength(1));
  expect(marks()).toHaveLength(total);
  const current = currentMarks()[0]!;
  // Matches are numbered in document order here (participants are not involved in these queries).
  expect(marks().indexOf(current)).toBe(index - 1);
  await waitFor(() => expect(scrolledTo().at(-1)?.contains(current)).toBe(true));
  expect(scrollIntoView()).toHaveBeenLastCalledWith({ block: 'center' });
  return current;
}

describe('find in the transcript', () => {
  it('counts the fixture fixture-wide, case-insensitively, and keeps the query in ?q=', async () => {
    const { box, status, router, user } = await open(seedConversation);
    const total = expectedCount(seedConversation, 'help');
    expect(total).toBe(3);
    expect(status).toHaveTextContent('');

    await user.type(box, 'HELP');
    await waitFor(() => expect(router.state.location.search).toBe('?q=HELP'));
    expect(box).toHaveValue('HELP');
    await expectCurrentIs(status, 1, total);
    for (const mark of marks()) expect(mark).toHaveTextContent(/^help$/i);
    // Each mark sits in a message, in time order.
    expect(marks().map((mark) => mark.closest('[data-message]')?.id)).toEqual(seedConversation.communications.map((c) => c.id));
  });

  it('ignores accents in the query', async () => {
    const { box, status, user } = await open(seedConversation);
    await user.type(box, 'hélp');
    await expectCurrentIs(status, 1, expectedCount(seedConversation, 'help'));
  });

  it('moves with Enter, Shift+Enter and the buttons, wrapping around both ends', async () => {
    const { box, status, user } = await open(aiHandoff);
    const total = expectedCount(aiHandoff, 'refund');
    expect(total).toBe(3);
    await user.type(box, 'refund');
    const first = await expectCurrentIs(status, 1, total);

    await user.keyboard('{Enter}');
    const second = await expectCurrentIs(status, 2, total);
    expect(second).not.toBe(first);
    await user.keyboard('{Enter}');
    await expectCurrentIs(status, 3, total);
    await user.keyboard('{Enter}');
    await expectCurrentIs(status, 1, total);
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    await expectCurrentIs(status, 3, total);
    // Enter does not submit anything or change the query.
    expect(box).toHaveValue('refund');

    const next = screen.getByRole('button', { name: 'Next match' });
    const previous = screen.getByRole('button', { name: 'Previous match' });
    await user.click(next);
    await expectCurrentIs(status, 1, total);
    await user.click(previous);
    await expectCurrentIs(status, 3, total);
    await user.click(previous);
    await expectCurrentIs(status, 2, total);
  });

  it('opens /conversations/<id>?q=refund with the matches highlighted and the first brought into view', async () => {
    const { box, status } = await open(aiHandoff, '?q=refund');
    expect(box).toHaveValue('refund');
    const current = await expectCurrentIs(status, 1, 3);
    expect(current.closest('[data-message]')).toHaveAttribute('id', aiHandoff.communications[1]!.id);
  });

  it('says "No matches" for nonsense, and disables the arrows', async () => {
    const { box, status, router, user } = await open(aiHandoff);
    await user.type(box, 'zqxjkv');
    await waitFor(() => expect(status).toHaveTextContent('No matches'));
    await waitFor(() => expect(router.state.location.search).toBe('?q=zqxjkv'));
    expect(marks()).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Next match' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Previous match' })).toBeDisabled();
  });

  it('goes back to no query when the box is emptied', async () => {
    const { box, status, router, user } = await open(aiHandoff, '?q=refund');
    await waitFor(() => expect(marks()).toHaveLength(3));
    await user.clear(box);
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(status).toHaveTextContent('');
    expect(marks()).toHaveLength(0);
  });
});

describe('find: keyboard shortcuts', () => {
  it('focuses the box with /, moves with n and N, and clears with Esc', async () => {
    const { box, status, router, user } = await open(aiHandoff);
    expect(box).not.toHaveFocus();
    await user.keyboard('/');
    expect(box).toHaveFocus();
    // The slash only moved the focus: it was not typed.
    expect(box).toHaveValue('');

    await user.keyboard('refund');
    await expectCurrentIs(status, 1, 3);

    // n and N work outside the box (typed into it, they would be text).
    box.blur();
    expect(document.activeElement).toBe(document.body);
    await user.keyboard('n');
    await expectCurrentIs(status, 2, 3);
    await user.keyboard('n');
    await expectCurrentIs(status, 3, 3);
    await user.keyboard('n');
    await expectCurrentIs(status, 1, 3);
    await user.keyboard('N');
    await expectCurrentIs(status, 3, 3);
    expect(box).toHaveValue('refund');

    await user.click(box);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(box).toHaveValue(''));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(new URLSearchParams(router.state.location.search).has('q')).toBe(false);
    expect(status).toHaveTextContent('');
    expect(marks()).toHaveLength(0);
  });

  it('clears the query with Esc outside the box too', async () => {
    const { box, router, user } = await open(aiHandoff, '?q=refund');
    await waitFor(() => expect(marks()).toHaveLength(3));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(box).toHaveValue('');
  });
});

describe('find: participants', () => {
  const [customer, agent] = seedConversation.participants as [Conversation['participants'][0], Conversation['participants'][0]];
  const customerPanel = () => document.getElementById(`participant-${customer.id}`)!;

  it('finds the seed customer by the digits of the phone number, in the participants panel', async () => {
    expect(customer.addressValues).toEqual(['+15551234567']);
    const { box, status, user } = await open(seedConversation);
    await user.type(box, '5551234567');
    await waitFor(() => expect(status).toHaveTextContent('1 of 1'));
    expect(expectedCount(seedConversation, '5551234567')).toBe(1);
    expect(marks()).toHaveLength(1);
    expect(customerPanel()).toContainElement(marks()[0] as HTMLElement);
    expect(marks()[0]).toHaveTextContent('5551234567');
    await waitFor(() => expect(scrolledTo()).toContain(customerPanel()));
  });

  it('counts participant hits before message hits', async () => {
    // "12345" is in the customer's number and in message 2 ("order #12345").
    const { box, status, user } = await open(seedConversation);
    await user.type(box, '12345');
    const total = expectedCount(seedConversation, '12345');
    expect(total).toBe(2);
    await waitFor(() => expect(status).toHaveTextContent(`1 of ${total}`));
    expect(marks()).toHaveLength(total);
    await waitFor(() => expect(scrolledTo().at(-1)).toBe(customerPanel()));

    await user.keyboard('{Enter}');
    await waitFor(() => expect(status).toHaveTextContent(`2 of ${total}`));
    const message2 = document.getElementById(seedConversation.communications[1]!.id)!;
    await waitFor(() => expect(scrolledTo().at(-1)).toBe(message2));
    expect(within(message2).getByText('12345', { selector: 'mark' })).toHaveAttribute('data-match', 'current');
  });

  it('finds names and e-mail addresses ("sarah": her name and her address)', async () => {
    const { box, status, user } = await open(seedConversation);
    await user.type(box, 'sarah');
    const total = expectedCount(seedConversation, 'sarah');
    expect(total).toBe(2);
    await waitFor(() => expect(status).toHaveTextContent(`1 of ${total}`));
    const panel = document.getElementById(`participant-${agent.id}`)!;
    expect(marks()).toHaveLength(total);
    for (const mark of marks()) expect(panel).toContainElement(mark as HTMLElement);
  });

  it('marks the current match as current when it is in the participants panel', async () => {
    // "customer": the name "John Customer" (participants come first), then message 1.
    const { box, status, user } = await open(seedConversation);
    await user.type(box, 'customer');
    const total = expectedCount(seedConversation, 'customer');
    expect(total).toBe(2);
    await waitFor(() => expect(status).toHaveTextContent(`1 of ${total}`));
    await waitFor(() => expect(scrolledTo().at(-1)).toBe(customerPanel()));
    // The find bar is on the name: that mark, and only that one, is the current match.
    expect(currentMarks()).toHaveLength(1);
    expect(customerPanel()).toContainElement(currentMarks()[0] as HTMLElement);
  });
});

describe('find: redaction', () => {
  const customerPhone = smsThread.participants[0]!.addressValues[0]!;

  it('finds the digits of a phone number when it is shown', async () => {
    expect(customerPhone).toBe('+14155550142');
    const { box, status, user } = await open(smsThread);
    await user.type(box, '0142');
    await waitFor(() => expect(status).toHaveTextContent('1 of 1'));
  });

  it.each([
    ['0142', 'the customer’s number, masked in the participants panel'],
    ['0199', 'the agent’s number, masked in the panel and in message 6'],
    ['555', 'every number of the thread'],
  ])('finds nothing for %s when phone numbers are hidden (%s)', async (digits) => {
    expect(expectedCount(smsThread, digits)).toBeGreaterThan(0);
    const { box, status, router, user } = await open(smsThread, '?redact=1');
    await user.type(box, digits);
    await waitFor(() => expect(status).toHaveTextContent('No matches'));
    expect(new URLSearchParams(router.state.location.search).get('redact')).toBe('1');
    expect(marks()).toHaveLength(0);
  });

  it('searches the text as shown: the labels of what is hidden can be found', async () => {
    const { box, status, user } = await open(smsThread, '?redact=1');
    await user.type(box, 'phone number hidden');
    // Two addresses and the number in message 6.
    await waitFor(() => expect(status).toHaveTextContent('1 of 3'));
    expect(marks()).toHaveLength(3);
  });
});
