import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { TimelineItem } from './timeline-model';

/** How close to the transcript's end (px) still counts as reading at the end. */
const AT_END_SLACK_PX = 120;

/** Messages that arrived while the reader was elsewhere in the transcript. */
export type UnseenMessages = { firstId: string; count: number };

function endInView(list: HTMLElement): boolean {
  return list.getBoundingClientRect().bottom <= window.innerHeight + AT_END_SLACK_PX;
}

/** The first message row whose bottom is below the top of the window, and where its top is. */
function firstMessageInView(list: HTMLElement): { id: string; top: number } | null {
  for (const row of list.querySelectorAll<HTMLElement>('[data-message]')) {
    const box = row.getBoundingClientRect();
    if (box.bottom > 0) return { id: row.id, top: box.top };
  }
  return null;
}

/**
 * How the transcript behaves as a live conversation grows: a reader at its end follows along (the
 * new messages are scrolled into view); a reader elsewhere stays exactly where they are (the first
 * message in view keeps its place on the screen, even when a message lands above it) and is told
 * how many messages arrived, until they reach the end.
 *
 * `size` is the number of communications: only a change of it is the conversation growing (a
 * filter also changes the items, and moves nobody).
 */
export function useFollowAlong({
  list,
  items,
  size,
  scrollToEnd,
}: {
  list: RefObject<HTMLElement | null>;
  items: readonly TimelineItem[];
  size: number;
  scrollToEnd: () => void;
}): { unseen: UnseenMessages | null; dismiss: () => void } {
  const [unseen, setUnseen] = useState<UnseenMessages | null>(null);
  const atEnd = useRef(false);
  const anchor = useRef<{ id: string; top: number } | null>(null);
  const known = useRef<{ size: number; keys: Set<string> } | null>(null);

  useEffect(() => {
    const observe = () => {
      const element = list.current;
      if (!element) return;
      atEnd.current = endInView(element);
      anchor.current = firstMessageInView(element);
      if (atEnd.current) setUnseen(null);
    };
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(observe);
    };
    observe();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [list]);

  useLayoutEffect(() => {
    const before = known.current;
    const messageKeys = () => new Set(items.flatMap((item) => (item.kind === 'message' ? [item.key] : [])));
    if (before === null) {
      known.current = { size, keys: messageKeys() };
      return;
    }
    if (size <= before.size) {
      known.current = { size, keys: before.keys };
      return;
    }
    const keys = messageKeys();
    known.current = { size, keys };
    const arrived = items.flatMap((item) => (item.kind === 'message' && !before.keys.has(item.key) ? [item] : []));
    if (atEnd.current) {
      scrollToEnd();
      return;
    }
    const held = anchor.current;
    const row = held && document.getElementById(held.id);
    if (held && row) {
      const moved = row.getBoundingClientRect().top - held.top;
      if (Math.abs(moved) >= 1) window.scrollTo(0, window.scrollY + moved);
    }
    if (arrived.length > 0) {
      const firstId = arrived[0]!.kind === 'message' ? arrived[0]!.communication.id : '';
      setUnseen((previous) => ({ firstId: previous?.firstId ?? firstId, count: (previous?.count ?? 0) + arrived.length }));
    }
  }, [items, size, scrollToEnd]);

  return { unseen, dismiss: useCallback(() => setUnseen(null), []) };
}

/** "3 new messages": takes the reader to the first of them. Floats at the bottom of the window. */
export function NewMessagesButton({ unseen, onShow }: { unseen: UnseenMessages; onShow: (id: string) => void }) {
  return (
    <div className="pointer-events-none sticky bottom-4 z-10 mt-2 flex justify-center print:hidden">
      <button
        type="button"
        onClick={() => onShow(unseen.firstId)}
        className="pointer-events-auto rounded-full bg-sky-700 px-4 py-1.5 text-sm font-semibold text-white shadow-lg hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:bg-sky-300 dark:text-slate-950 dark:hover:bg-sky-200"
      >
        {unseen.count === 1 ? '1 new message' : `${unseen.count.toLocaleString()} new messages`}
        <span aria-hidden="true"> ↓</span>
      </button>
    </div>
  );
}
