import { useEffect, useState } from 'react';

/**
 * False until the browser has drawn the component's first frame (the frame after the first
 * commit), then true for good. Work that the first paint does not need (rows below the screen, for
 * one) can wait for it, so what the reader sees first comes sooner.
 */
export function useFirstFrameDrawn(): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => afterNextFrame(() => setDrawn(true)), []);
  return drawn;
}

/**
 * Calls `callback` just after the browser draws its next frame (`requestAnimationFrame` runs just
 * before it, the task it queues just after). Returns what cancels it.
 */
export function afterNextFrame(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(callback, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
