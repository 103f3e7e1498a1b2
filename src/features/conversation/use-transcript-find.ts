import { useCallback, useEffect, useRef } from 'react';
import type { ParticipantDirectory } from '../../lib/participant-directory';
import type { RequestReveal } from './reveal';
import type { MessageItem } from './timeline-model';
import { useTranscriptSearch, type Hit, type Searchable } from './use-transcript-search';

/**
 * Find in the transcript: what it searches (participants' names and addresses, then the visible
 * messages, as shown), which match is current, and bringing that match into view. The find box
 * keeps its own text; the query flows back into it only when the URL changes from elsewhere.
 */
export function useTranscriptFind({
  query,
  directory,
  messages,
  shown,
  requestReveal,
  onCurrentHit,
  onStepToHit,
}: {
  query: string;
  directory: ParticipantDirectory;
  messages: readonly MessageItem[];
  shown: (text: string) => string;
  requestReveal: RequestReveal;
  onCurrentHit?: (hit: Hit | null) => void;
  onStepToHit?: (hit: Hit) => void;
}) {
  // Gathered only once someone searches.
  const searchable = useCallback(() => {
    const texts: Searchable[] = [];
    for (const participant of directory.participants) {
      texts.push({ target: { kind: 'participant-name', participantId: participant.id }, text: shown(participant.name) });
      participant.addressValues.forEach((address, index) =>
        texts.push({ target: { kind: 'participant-address', participantId: participant.id, index }, text: shown(address) }),
      );
    }
    for (const { communication } of messages) {
      const text = communication.content.text;
      if (text) texts.push({ target: { kind: 'message', id: communication.id }, text: shown(text) });
    }
    return texts;
  }, [directory, messages, shown]);
  const found = useTranscriptSearch(query, searchable);
  const stepped = (hit: Hit | null) => {
    if (hit) onStepToHit?.(hit);
  };

  // Bring the current match into view when it is in a message (the participants panel shows its
  // own), and say where it is. On the next frame: a keystroke in the find box ends with the browser
  // scrolling the box's caret into view, which would undo a scroll made while it is being handled.
  const current = found.current;
  useEffect(() => {
    onCurrentHit?.(current);
    if (current?.target.kind !== 'message') return;
    const { id } = current.target;
    const frame = requestAnimationFrame(() => requestReveal(id, 'find'));
    return () => cancelAnimationFrame(frame);
  }, [current, onCurrentHit, requestReveal]);

  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const box = input.current;
    if (box && box.value !== query && document.activeElement !== box) box.value = query;
  }, [query]);

  return {
    ...found,
    next: () => stepped(found.next()),
    previous: () => stepped(found.previous()),
    messageMatches: (id: string) => found.matchesIn({ kind: 'message', id }),
    messageCurrent: (id: string) => found.currentIn({ kind: 'message', id }),
    input,
    /** Empties the find box (the query is changed by the caller). */
    clearBox: () => {
      if (input.current) input.current.value = '';
    },
  };
}
