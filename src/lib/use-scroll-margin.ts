import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * How far down the document `list` starts, for a window virtualizer's `scrollMargin`: measured
 * before paint, and again whenever the page above it changes height.
 *
 * `null` until that first measurement (in the commit, before the first paint), unless `initial`
 * (where the list started when the reader was last here) stands in for it. A list that rendered its
 * rows for a margin it guessed would render, lay out and then drop the rows the real one leaves out.
 */
export function useScrollMargin(list: RefObject<HTMLElement | null>, initial: number | null = null): number | null {
  const [scrollMargin, setScrollMargin] = useState(initial);
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const measure = () => setScrollMargin(Math.round(element.getBoundingClientRect().top + window.scrollY));
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [list]);
  return scrollMargin;
}
