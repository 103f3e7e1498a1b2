import { useCallback, useRef } from 'react';
import type { Reveal, RequestReveal } from './reveal';

const inViewport = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
};

/**
 * j/k: focus moves to the next (1) or previous (-1) message, from the focused one, or else from
 * the ones in view. Keys pressed before the message they aimed at is rendered step on from it.
 */
export function useMessageSteps(messageIds: readonly string[], requestReveal: RequestReveal) {
  const aim = useRef<string | null>(null);
  const step = useCallback(
    (delta: 1 | -1) => {
      if (messageIds.length === 0) return;
      const active = document.activeElement;
      const from = aim.current ?? (active instanceof HTMLElement && active.hasAttribute('data-message') ? active.id : null);
      let at = from === null ? -1 : messageIds.indexOf(from);
      if (at === -1) {
        const inView = [...document.querySelectorAll<HTMLElement>('[data-message]')].filter(inViewport);
        const start = delta > 0 ? inView[0] : inView.at(-1);
        at = start ? messageIds.indexOf(start.id) - delta : delta > 0 ? -1 : messageIds.length;
      }
      const next = messageIds[Math.max(0, Math.min(messageIds.length - 1, at + delta))]!;
      aim.current = next;
      requestReveal(next, 'step', { block: 'nearest', focus: true });
    },
    [messageIds, requestReveal],
  );
  // Once the aimed-at message is in view and focused (or another reveal took over), focus says
  // where the next step starts.
  const onRevealed = useCallback((reveal: Reveal) => {
    if (reveal.why !== 'step' || reveal.id === aim.current) aim.current = null;
  }, []);
  return { step, onRevealed };
}
