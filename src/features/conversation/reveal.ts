import { useCallback, useState } from 'react';

/**
 * Why a message is brought into view: a find match, a link, a result's evidence, j/k, or the first
 * of the messages that arrived while the reader was elsewhere.
 */
export type RevealReason = 'find' | 'link' | 'evidence' | 'step' | 'new';

/**
 * Which message to bring into view, and why: the one piece of state the timeline consumes to
 * scroll (rendering the message first when it is far off). `seq` makes asking again for the same
 * message a new request.
 */
export type Reveal = {
  id: string;
  why: RevealReason;
  block: 'center' | 'nearest';
  /** Move keyboard focus to the message once it is in view (j/k). */
  focus: boolean;
  seq: number;
};

export type RequestReveal = (id: string, why: RevealReason, options?: { block?: Reveal['block']; focus?: boolean }) => void;

export function useRevealState(): [Reveal | null, RequestReveal] {
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const request = useCallback<RequestReveal>(
    (id, why, { block = 'center', focus = false } = {}) =>
      setReveal((previous) => ({ id, why, block, focus, seq: (previous?.seq ?? 0) + 1 })),
    [],
  );
  return [reveal, request];
}
