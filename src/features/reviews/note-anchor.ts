import type { NoteAnswer } from '../../api/review-answers';
import type { NoteAnchor } from '../../api/reviews';

/** Marks a message's text in the transcript, so a selection inside it can be turned into a passage. */
export const MESSAGE_TEXT_ATTRIBUTE = 'data-message-text';

export const messageAnchor = (id: string): NoteAnchor => ({ firstCommunicationId: id, lastCommunicationId: id, passage: null });

/**
 * The passage of one message the reader has selected, as the API takes it: UTF-16 offsets into the
 * message's text and the text between them. Null when the selection is empty, or not wholly inside
 * the text of one message.
 */
export function passageFromSelection(selection: Selection | null): NoteAnchor | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const textOf = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest(`[${MESSAGE_TEXT_ATTRIBUTE}]`);
  const text = textOf(range.startContainer);
  if (!text || text !== textOf(range.endContainer)) return null;
  const message = text.closest('[data-message]');
  if (!message?.id) return null;
  const before = document.createRange();
  before.setStart(text, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const quote = range.toString();
  if (quote.trim() === '') return null;
  return {
    firstCommunicationId: message.id,
    lastCommunicationId: message.id,
    passage: { start, end: start + quote.length, quote },
  };
}

/** The message that has keyboard focus in the transcript (j/k, a link), if any. */
export function focusedMessageId(): string | null {
  const active = document.activeElement;
  const message = active instanceof Element ? active.closest('[data-message]') : null;
  return message?.id || null;
}

/** "message 4", "messages 4–9", "a passage of message 4", by the messages' positions in time order. */
export function describeAnchor(anchor: NoteAnswer['anchor'] | NoteAnchor, position: (id: string) => number | undefined): string {
  const first = position(anchor.firstCommunicationId);
  const last = position(anchor.lastCommunicationId);
  const name = (n: number | undefined) => (n === undefined ? 'a message not in this conversation' : `message ${n}`);
  if (anchor.passage) return `A passage of ${name(first)}`;
  if (anchor.firstCommunicationId === anchor.lastCommunicationId) return name(first).replace(/^./, (c) => c.toUpperCase());
  if (first === undefined || last === undefined) return 'Messages not in this conversation';
  return `Messages ${first}\u2013${last}`;
}

export const noteFragment = (noteId: string) => `note-${noteId}`;

/** The note a `#note-<id>` link points at, or null. */
export function noteIdOfHash(hash: string): string | null {
  const match = /^#note-([0-9a-f-]{36})$/.exec(hash);
  return match ? match[1]! : null;
}
