import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NOTE_TEXT_MAX } from '../../api/reviews';
import { noteSchema } from '../../api/review-answers';
import { chronological } from '../../lib/chronological';
import { aiHandoff } from '../../mocks/fixtures/conversations';
import { renderApp } from '../../../tests/render-app';
import { installReviewBackend } from '../../../tests/review-backend';
import { restoreClipboardAfterEach, stubClipboard, stubScrolling } from '../../../tests/dom-stubs';
import { vi } from 'vitest';

const backend = installReviewBackend();
stubScrolling();
restoreClipboardAfterEach();
const messages = chronological(aiHandoff.communications);
const second = messages[1]!;

async function openConversation(hash = '') {
  const app = renderApp(`/conversations/${aiHandoff.id}${hash}`);
  const panel = await screen.findByRole('region', { name: 'Review' }, { timeout: 10_000 });
  await within(panel).findByText('Reviewing as');
  return { ...app, panel, notes: within(panel).getByRole('region', { name: /^Notes/ }) };
}

/** A note written by the page's own reviewer, as another tab of theirs would. */
async function writeNote(text: string, communicationId = second.id) {
  const response = await fetch(`/api/reviews/conversations/${aiHandoff.id}/notes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      anchor: { firstCommunicationId: communicationId, lastCommunicationId: communicationId, passage: null },
      text,
    }),
  });
  expect(response.status).toBe(201);
  return noteSchema.parse(await response.json());
}

describe('notes pinned to messages', () => {
  it('pins a note to the focused message with c, and shows it beside the message and in the Notes panel', async () => {
    const { user, notes } = await openConversation();
    await user.keyboard('jj');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('id', second.id));
    await user.keyboard('c');
    const form = await within(notes).findByRole('form', { name: 'New note' });
    expect(form).toHaveTextContent('New note: Message 2');
    await user.type(
      within(form).getByRole('textbox', { name: 'Note' }),
      'Check the second charge in Stripe: https://example.com/charges?id=1.',
    );
    await user.click(within(form).getByRole('button', { name: 'Save note' }));
    const item = await within(notes).findByRole('listitem', { name: 'Note by Rita Reviewer on message 2' });
    const link = within(item).getByRole('link', { name: 'https://example.com/charges?id=1' });
    expect(link).toHaveAttribute('href', 'https://example.com/charges?id=1');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    expect(within(item).getByRole('link', { name: 'Link to this note' }).getAttribute('href')).toMatch(/^#note-[0-9a-f-]{36}$/);
    // Beside the message it is pinned to.
    const message = document.getElementById(second.id)!;
    expect(within(message).getByRole('button', { name: 'Note by Rita Reviewer' })).toBeInTheDocument();
    expect(backend.writes.at(-1)?.body).toEqual({
      anchor: { firstCommunicationId: second.id, lastCommunicationId: second.id, passage: null },
      text: 'Check the second charge in Stripe: https://example.com/charges?id=1.',
    });
  });

  it('pins a note to a selected passage of a message', async () => {
    const { user, panel, notes } = await openConversation();
    const text = document.getElementById(second.id)!.querySelector('[data-message-text]')!;
    const node = text.firstChild!.nodeType === Node.TEXT_NODE ? text.firstChild! : text.firstChild!.firstChild!;
    const content = node.textContent!;
    const start = content.indexOf('charged twice');
    act(() => {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + 'charged twice'.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
    });
    await user.click(await within(panel).findByRole('button', { name: 'Note on the selected passage' }));
    const form = within(notes).getByRole('form', { name: 'New note' });
    expect(form).toHaveTextContent('New note: A passage of message 2');
    expect(within(form).getByText('charged twice', { selector: 'blockquote' })).toBeInTheDocument();
    await user.type(within(form).getByRole('textbox', { name: 'Note' }), 'The customer says twice.');
    await user.click(within(form).getByRole('button', { name: 'Save note' }));
    const item = await within(notes).findByRole('listitem', { name: 'Note by Rita Reviewer on a passage of message 2' });
    expect(within(item).getByText('charged twice', { selector: 'blockquote' })).toBeInTheDocument();
    expect(backend.writes.at(-1)?.body).toMatchObject({
      anchor: { passage: { start, end: start + 13, quote: 'charged twice' } },
    });
  });

  it('never makes a link of anything but http and https, and renders markup as text', async () => {
    await writeNote('javascript:alert(1) <b>bold</b> data:text/html,x ftp://files.example.com http://ok.example.com');
    const { notes } = await openConversation();
    const item = await within(notes).findByRole('listitem', { name: /^Note by Rita Reviewer/ });
    expect(
      within(item)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual([expect.stringMatching(/^#note-/), 'http://ok.example.com/']);
    expect(item.querySelector('b')).toBeNull();
    expect(item).toHaveTextContent('<b>bold</b>');
  });

  it('refuses an over-long note with a clear message and keeps the text', async () => {
    const { user, notes } = await openConversation();
    await user.keyboard('j');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-message'));
    await user.keyboard('c');
    const box = within(notes).getByRole('textbox', { name: 'Note' });
    await user.click(box);
    await user.paste('x'.repeat(NOTE_TEXT_MAX + 1));
    const writes = backend.writes.length;
    await user.click(within(notes).getByRole('button', { name: 'Save note' }));
    expect(await within(notes).findByRole('alert')).toHaveTextContent('The note is 4,001 characters; at most 4,000 fit.');
    expect(box).toHaveValue('x'.repeat(NOTE_TEXT_MAX + 1));
    expect(backend.writes.length).toBe(writes);
  });

  it('lets the author edit and delete their note, leaving a tombstone', async () => {
    await writeNote('First thought.');
    const { user, notes } = await openConversation();
    const item = await within(notes).findByRole('listitem', { name: /^Note by Rita Reviewer/ });
    await user.click(within(item).getByRole('button', { name: 'Edit' }));
    const box = within(item).getByRole('textbox', { name: 'Your note' });
    await user.clear(box);
    await user.type(box, 'Second thought.');
    await user.click(within(item).getByRole('button', { name: 'Save changes' }));
    await within(item).findByText('Second thought.');
    expect(within(item).getByText('(edited)')).toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: 'Delete' }));
    await user.click(within(item).getByRole('button', { name: 'Yes, delete it' }));
    await within(item).findByText(/Deleted by Rita Reviewer/);
    expect(within(item).queryByText('Second thought.')).toBeNull();
    expect(within(item).queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('keeps the reader\u2019s edit when the note changed meanwhile, and overwrites on request', async () => {
    const note = await writeNote('Original.');
    const { user, notes } = await openConversation();
    const item = await within(notes).findByRole('listitem', { name: /^Note by Rita Reviewer/ });
    await user.click(within(item).getByRole('button', { name: 'Edit' }));
    const edited = await fetch(`/api/reviews/notes/${note.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'Changed in another tab.', expectedVersion: 1 }),
    });
    expect(edited.status).toBe(200);
    const box = within(item).getByRole('textbox', { name: 'Your note' });
    await user.clear(box);
    await user.type(box, 'Mine.');
    await user.click(within(item).getByRole('button', { name: 'Save changes' }));
    const alert = await within(item).findByRole('alert');
    expect(alert).toHaveTextContent('Rita Reviewer changed this note while you were writing');
    expect(box).toHaveValue('Mine.');
    await user.click(within(alert).getByRole('button', { name: 'Overwrite with mine' }));
    await within(item).findByText('Mine.', { selector: 'p' });
  });

  it('opens a #note- link at its note', async () => {
    const note = await writeNote('Look here.');
    await openConversation(`#note-${note.id}`);
    const item = await screen.findByRole('listitem', { name: 'Note by Rita Reviewer on message 2' });
    await waitFor(() => expect(document.activeElement).toBe(item));
  });

  it('hides every write control from a viewer', async () => {
    await writeNote('Visible to all.');
    backend.as('viewer');
    const app = renderApp(`/conversations/${aiHandoff.id}`);
    const panel = await screen.findByRole('region', { name: 'Review' }, { timeout: 10_000 });
    const item = await within(panel).findByRole('listitem', { name: /^Note by Rita Reviewer/ });
    expect(within(item).getByText('Visible to all.')).toBeInTheDocument();
    expect(within(item).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(within(panel).queryByRole('combobox', { name: 'Change to' })).toBeNull();
    await app.user.keyboard('jc');
    expect(within(panel).queryByRole('form', { name: 'New note' })).toBeNull();
  });

  it('includes the notes in a copy of the transcript when asked, redacted with it', async () => {
    await writeNote('Her number is +1 415 555 0100.');
    const { user, notes } = await openConversation();
    await within(notes).findByRole('listitem', { name: /^Note by Rita Reviewer/ });
    const writeText = vi.fn((_text: string) => Promise.resolve());
    stubClipboard(writeText);
    await user.click(screen.getByText('Copy or export'));
    await user.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    await screen.findByText('Copied the transcript as Markdown');
    expect(writeText.mock.calls.at(-1)![0]).not.toContain('## Review');
    await user.click(screen.getByRole('checkbox', { name: 'Include notes and verdicts (JSON, Markdown, CSV)' }));
    await user.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(2));
    const copied = writeText.mock.calls.at(-1)![0];
    expect(copied).toContain('## Review');
    expect(copied).toContain('Her number is +1 415 555 0100.');
    await user.click(screen.getByRole('switch', { name: 'Hide phone numbers, e-mails and card numbers' }));
    await user.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(3));
    expect(writeText.mock.calls.at(-1)![0]).toContain('## Review');
    expect(writeText.mock.calls.at(-1)![0]).not.toContain('415 555 0100');
  });
});
