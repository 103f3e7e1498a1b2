import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import type { Conversation } from '../../api/conversation';
import type { NoteAnswer, ReviewStatusAnswer } from '../../api/review-answers';
import type { NoteAnchor } from '../../api/reviews';
import type { RequestReveal } from '../../features/conversation/reveal';
import type { NoteMarker } from '../../features/conversation/timeline';
import type { VerdictTally } from '../../features/operator-results/strip-chart';
import { targetsOf } from '../../features/conversation/use-message-links';
import { conversationReviewQueryOptions } from '../../features/reviews/api';
import { focusedMessageId, messageAnchor, noteIdOfHash, passageFromSelection } from '../../features/reviews/note-anchor';
import { ReviewPanel } from '../../features/reviews/review-panel';
import { REVIEW_SHORTCUTS, useReviewKeys } from '../../features/reviews/review-keys';
import { chronological } from '../../lib/chronological';

export type ReviewSection = 'transcript' | 'review';

/**
 * Wires the review into the conversation page: notes beside their messages and in the Review panel,
 * `#note-<id>` links (the note's message comes into view as a message link's does), and the
 * reviewer's keys. `show` brings a section into view on phones, where each is a tab.
 */
export function useConversationReview({
  conversation,
  requestReveal,
  show,
  selectedResultId,
  redact,
  onReviewed,
}: {
  conversation: Conversation;
  requestReveal: RequestReveal;
  show: (section: ReviewSection) => void;
  selectedResultId: string | null;
  redact: boolean;
  /** After `r`: the list's next unreviewed conversation, when the page was opened from a list. */
  onReviewed?: (written: ReviewStatusAnswer) => string;
}) {
  const conversationId = conversation.id;
  const orderedIds = useMemo(() => chronological(conversation.communications).map((c) => c.id), [conversation]);
  const positions = useMemo(() => new Map(orderedIds.map((id, index) => [id, index + 1])), [orderedIds]);
  const position = useCallback((id: string) => positions.get(id), [positions]);
  const review = useQuery(conversationReviewQueryOptions(conversationId));
  const [draft, setDraft] = useState<NoteAnchor | null>(null);
  const [noteFocus, setNoteFocus] = useState<{ id: string; seq: number } | null>(null);
  const focusNote = useCallback((id: string) => setNoteFocus((previous) => ({ id, seq: (previous?.seq ?? 0) + 1 })), []);

  const startNote = useCallback(
    (anchor: NoteAnchor) => {
      // Redacted text is not the message's text: a passage's offsets would point elsewhere.
      setDraft(redact && anchor.passage ? messageAnchor(anchor.firstCommunicationId) : anchor);
      show('review');
    },
    [redact, show],
  );

  const { hash } = useLocation();
  const notes = review.data?.notes;
  const handledHash = useRef<string | null>(null);
  useEffect(() => {
    const noteId = noteIdOfHash(hash);
    if (!noteId || !notes || handledHash.current === hash) return;
    handledHash.current = hash;
    const note = notes.find((candidate) => candidate.id === noteId);
    if (!note) return;
    requestReveal(note.anchor.firstCommunicationId, 'link');
  }, [hash, notes, requestReveal]);
  // The linked note is focused in the panel until the reader asks for another.
  const linkedNoteId = noteIdOfHash(hash);
  const focus = noteFocus ?? (linkedNoteId ? { id: linkedNoteId, seq: 0 } : null);

  const noteMarkers = useMemo(() => {
    const byMessage = new Map<string, NoteAnswer[]>();
    for (const note of notes ?? []) {
      if (note.deletedAt !== null) continue;
      const list = byMessage.get(note.anchor.firstCommunicationId) ?? [];
      list.push(note);
      byMessage.set(note.anchor.firstCommunicationId, list);
    }
    const markers = new Map<string, NoteMarker>();
    for (const [id, list] of byMessage) {
      markers.set(id, {
        label: list.length === 1 ? `Note by ${list[0]!.author.name}` : `${list.length} notes`,
        onOpen: () => {
          show('review');
          focusNote(list[0]!.id);
        },
      });
    }
    return markers;
  }, [notes, show, focusNote]);

  const onComment = useCallback(() => {
    const passage = passageFromSelection(document.getSelection());
    if (passage) return (startNote(passage), null);
    const focused = focusedMessageId();
    const linked = targetsOf(hash, orderedIds);
    if (focused && !(linked.length > 1 && linked.includes(focused))) return (startNote(messageAnchor(focused)), null);
    if (linked.length > 0) {
      return (startNote({ firstCommunicationId: linked[0]!, lastCommunicationId: linked.at(-1)!, passage: null }), null);
    }
    return 'Focus a message first (j or k), or select a passage of one, to pin a note to it.';
  }, [hash, orderedIds, startNote]);

  const keyStatus = useReviewKeys({
    conversationId,
    selectedResultId,
    onComment,
    onReviewed: onReviewed && ((outcome) => onReviewed(outcome.status)),
  });
  const shortcuts = useMemo(
    () =>
      onReviewed
        ? REVIEW_SHORTCUTS.map(([keys, what]): [string, string] =>
            keys === 'r' ? [keys, 'Mark the conversation reviewed and open the next unreviewed one of the list'] : [keys, what],
          )
        : REVIEW_SHORTCUTS,
    [onReviewed],
  );

  const panel = (
    <ReviewPanel
      conversationId={conversationId}
      position={position}
      draft={draft}
      onDraftDone={(note) => {
        setDraft(null);
        if (note) focusNote(note.id);
      }}
      onShowMessage={(note) => {
        requestReveal(note.anchor.firstCommunicationId, 'link', { focus: true });
        show('transcript');
      }}
      focus={focus}
      onNote={startNote}
      onReviewed={onReviewed}
    />
  );
  const liveNotes = notes?.filter((note) => note.deletedAt === null).length ?? 0;
  // Every verdict of the conversation is already here: the strip's marks need no request of their own.
  const verdicts = review.data?.verdicts;
  const verdictTallies = useMemo(() => {
    const tallies = new Map<string, VerdictTally>();
    for (const verdict of verdicts ?? []) {
      const tally = tallies.get(verdict.resultId) ?? { agree: 0, disagree: 0, unsure: 0 };
      tally[verdict.verdict] += 1;
      tallies.set(verdict.resultId, tally);
    }
    return tallies;
  }, [verdicts]);
  return { panel, noteMarkers, keyStatus, shortcuts, liveNotes, data: review.data, verdictTallies };
}

/** What the last reviewer's key did, where a sighted reader sees it and a screen reader hears it. */
export function ReviewKeyStatus({ message }: { message: string }) {
  return (
    <p
      role="status"
      className={
        message
          ? 'fixed inset-x-4 bottom-4 z-20 mx-auto max-w-md rounded-lg bg-slate-900 px-3 py-2 text-center text-sm text-white shadow-lg print:hidden dark:bg-slate-100 dark:text-slate-950'
          : 'sr-only'
      }
    >
      {message}
    </p>
  );
}
