import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { Conversation } from '../../api/conversation';
import { SHORTCUTS } from '../../features/conversation/keyboard-shortcuts';
import { aiHandoff, seedConversation } from '../../mocks/fixtures/conversations';
import { restoreClipboardAfterEach, stubClipboard, stubScrolling } from '../../../tests/dom-stubs';
import { renderApp } from '../../../tests/render-app';

const ids = aiHandoff.communications.map((c) => c.id);
const conversationPath = (conversation: Conversation) => `/conversations/${conversation.id}`;

/**
 * Opens `path` in the app. The message links are built from `window.location`, which a browser
 * router keeps in step with the app; the memory router does not, so the window is put at the same
 * address first, as a browser opening the link would be.
 */
async function open(path: string, conversation: Conversation = aiHandoff) {
  window.history.replaceState(null, '', path);
  const app = renderApp(path);
  await screen.findByRole('heading', { level: 1, name: conversation.name! });
  const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
  stubClipboard(writeText);
  return { ...app, writeText };
}

const message = (id: string) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`No message ${id}`);
  return element;
};
/**
 * "Link to message N" to a screen reader: the button reads "Link" and a visually hidden " to
 * message N". jsdom's name computation trims the hidden part's leading space ("Linkto message N"),
 * which browsers keep, hence the optional space.
 */
const linkButton = (position: number) =>
  within(message(ids[position - 1]!)).getByRole('button', { name: new RegExp(`^Link ?to message ${position}$`) });
/** The outline that says "this message is selected or linked to". */
const outlined = () => ids.filter((id) => message(id).classList.contains('outline-sky-600'));
const targetedIds = () => [...document.querySelectorAll('[data-targeted]')].map((element) => element.id);
const announcements = () =>
  screen
    .getAllByRole('status')
    .map((status) => status.textContent)
    .join(' | ');

const originalShowModal = Object.getOwnPropertyDescriptor(HTMLDialogElement.prototype, 'showModal');
const { scrolledTo, scrollIntoView } = stubScrolling();
restoreClipboardAfterEach();
let showModal: Mock<() => void>;

beforeEach(() => {
  showModal = vi.fn(function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  });
  HTMLDialogElement.prototype.showModal = showModal;
});
afterEach(() => {
  if (originalShowModal) Object.defineProperty(HTMLDialogElement.prototype, 'showModal', originalShowModal);
  else Reflect.deleteProperty(HTMLDialogElement.prototype, 'showModal');
  window.history.replaceState(null, '', '/');
});

describe('links to messages', () => {
  it('copies a link to one message, keeping the query string', async () => {
    const search = '?tz=utc';
    const { writeText, user } = await open(`${conversationPath(aiHandoff)}${search}`);
    await user.click(linkButton(2));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/conversations/${aiHandoff.id}${search}#${ids[1]}`);
    await waitFor(() => expect(announcements()).toContain('Link to message 2 copied'));
    expect(outlined()).toEqual([ids[1]]);
    // Selected by the click, not targeted by a link.
    expect(targetedIds()).toEqual([]);
  });

  it('copies a range with Shift-click and outlines both ends and everything between', async () => {
    const { writeText, user } = await open(conversationPath(aiHandoff));
    await user.click(linkButton(2));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));

    await user.keyboard('{Shift>}');
    await user.click(linkButton(4));
    await user.keyboard('{/Shift}');
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(2));
    expect(writeText).toHaveBeenLastCalledWith(`${window.location.origin}/conversations/${aiHandoff.id}#${ids[1]}..${ids[3]}`);
    await waitFor(() => expect(announcements()).toContain('Link to messages 2–4 copied'));
    expect(outlined()).toEqual([ids[1], ids[2], ids[3]]);
    expect(targetedIds()).toEqual([]);

    // Backwards from the same anchor: still written first..last.
    await user.keyboard('{Shift>}');
    await user.click(linkButton(1));
    await user.keyboard('{/Shift}');
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(3));
    expect(writeText).toHaveBeenLastCalledWith(`${window.location.origin}/conversations/${aiHandoff.id}#${ids[0]}..${ids[1]}`);
    expect(outlined()).toEqual([ids[0], ids[1]]);

    // Esc (with an empty find box) drops the selection.
    await user.keyboard('{Escape}');
    await waitFor(() => expect(outlined()).toEqual([]));
  });

  it('opens #<id>: the message is marked and scrolled to', async () => {
    await open(`${conversationPath(aiHandoff)}#${ids[6]}`);
    await waitFor(() => expect(targetedIds()).toEqual([ids[6]]));
    expect(message(ids[6]!)).toHaveAttribute('data-targeted', 'true');
    expect(message(ids[6]!)).toHaveClass('target-highlight');
    expect(outlined()).toEqual([ids[6]]);
    await waitFor(() => expect(scrolledTo()).toContain(message(ids[6]!)));
    expect(scrollIntoView()).toHaveBeenCalledWith({ block: 'center' });
  });

  it.each([
    ['in order', 3, 7],
    ['written backwards', 7, 3],
  ])('opens #a..b (%s): the whole range is marked and its first message scrolled to', async (_, a, b) => {
    await open(`${conversationPath(aiHandoff)}#${ids[a]}..${ids[b]}`);
    const range = ids.slice(3, 8);
    await waitFor(() => expect(targetedIds()).toEqual(range));
    await waitFor(() => expect(scrolledTo()).toContain(message(ids[3]!)));
    for (const id of ids.filter((id) => !range.includes(id))) expect(message(id)).not.toHaveAttribute('data-targeted');
  });

  it('does not scroll back to the linked message when the rows change afterwards', async () => {
    const { user } = await open(`${conversationPath(aiHandoff)}#${ids[6]}`);
    await waitFor(() => expect(scrolledTo()).toContain(message(ids[6]!)));
    scrollIntoView().mockClear();
    // Hiding someone else's messages rebuilds the rows; the link was followed once already.
    const author = aiHandoff.communications.find((c) => c.id === ids[6])!.participantId;
    const other = aiHandoff.participants.find((p) => p.id !== author && p.name)!;
    await user.click(screen.getByRole('button', { name: other.name!, pressed: true }));
    await screen.findByText(/hidden by filters/);
    expect(scrolledTo()).not.toContain(message(ids[6]!));
  });

  it('marks nothing for a fragment that is not a message of this conversation', async () => {
    await open(`${conversationPath(aiHandoff)}#${seedConversation.communications[0]!.id}`);
    expect(targetedIds()).toEqual([]);
    expect(scrollIntoView()).not.toHaveBeenCalled();
  });
});

describe('keyboard shortcuts', () => {
  it('moves the focus between messages with j and k', async () => {
    const { user } = await open(conversationPath(aiHandoff));
    const all = () => [...document.querySelectorAll<HTMLElement>('[data-message]')];
    expect(all().map((element) => element.id)).toEqual(ids);

    await user.keyboard('j');
    expect(document.activeElement).toBe(message(ids[0]!));
    await user.keyboard('j');
    expect(document.activeElement).toBe(message(ids[1]!));
    await user.keyboard('jj');
    expect(document.activeElement).toBe(message(ids[3]!));
    expect(scrolledTo().at(-1)).toBe(message(ids[3]!));
    expect(scrollIntoView()).toHaveBeenLastCalledWith({ block: 'nearest' });
    await user.keyboard('k');
    expect(document.activeElement).toBe(message(ids[2]!));

    // It stops at the ends.
    await user.keyboard('kkkk');
    expect(document.activeElement).toBe(message(ids[0]!));
    await user.keyboard('j'.repeat(ids.length + 2));
    expect(document.activeElement).toBe(message(ids.at(-1)!));
  });

  it('starts from the last message with k', async () => {
    const { user } = await open(conversationPath(aiHandoff));
    await user.keyboard('k');
    expect(document.activeElement).toBe(message(ids.at(-1)!));
  });

  it('leaves the keys alone while typing in the find box', async () => {
    const { router, user } = await open(conversationPath(aiHandoff));
    const box = screen.getByRole('searchbox', { name: 'Find in the transcript' });
    await user.click(box);
    await user.keyboard('j');
    expect(box).toHaveValue('j');
    expect(box).toHaveFocus();
    await user.keyboard('k/n?N');
    expect(box).toHaveValue('jk/n?N');
    expect(box).toHaveFocus();
    expect(showModal).not.toHaveBeenCalled();
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('jk/n?N'));
  });

  it('leaves modified keys alone (Ctrl+J, Alt+N)', async () => {
    const { user } = await open(conversationPath(aiHandoff));
    await user.keyboard('{Control>}j{/Control}{Alt>}n{/Alt}');
    expect(document.activeElement).toBe(document.body);
  });

  it('opens the shortcuts dialog with ?, listing every shortcut', async () => {
    // Opened from the inbox (its link carries the list), so stepping through the list works too.
    const { user } = await open(`${conversationPath(aiHandoff)}?from=`);
    await user.keyboard('?');
    expect(showModal).toHaveBeenCalledTimes(1);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(showModal.mock.contexts[0]).toBe(dialog);
    expect(dialog).toHaveAttribute('open');
    const keys = within(dialog)
      .getAllByRole('term')
      .map((term) => term.textContent);
    expect(keys).toEqual(['/', 'Enter / Shift+Enter', 'n / N', 'j / k', 'Esc', '[ / ]', 'a / d / u', 'c', 'r', '?']);
    for (const [key, what] of SHORTCUTS) {
      const term = within(dialog).getByText(key, { selector: 'kbd' }).closest('dt')!;
      expect(term.nextElementSibling).toHaveTextContent(what);
    }
    expect(within(dialog).getByText('Find in the transcript')).toBeInTheDocument();
    expect(within(dialog).getByText('Next / previous message')).toBeInTheDocument();

    // While it is open, the page's shortcuts are off.
    await user.keyboard('j');
    expect(document.activeElement).not.toBe(message(ids[0]!));
  });

  it('lists [ / ] only when the conversation was opened from the inbox, where they work', async () => {
    const { user } = await open(conversationPath(aiHandoff));
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const keys = within(dialog)
      .getAllByRole('term')
      .map((term) => term.textContent);
    expect(keys).toEqual(['/', 'Enter / Shift+Enter', 'n / N', 'j / k', 'Esc', 'a / d / u', 'c', 'r', '?']);
    expect(within(dialog).queryByText(/list it was opened from/)).not.toBeInTheDocument();
  });

  it('opens the same dialog from the "Keyboard shortcuts" button', async () => {
    const { user } = await open(conversationPath(aiHandoff));
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveAttribute('open');
  });
});
