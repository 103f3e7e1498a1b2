import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * How far down the document `list` starts, for a window virtualizer's `scrollMargin`: measured
 * before paint, and again whenever the page above it changes height.
 */
export function useScrollMargin(list: RefObject<HTMLElement | null>, initial = 0): number {
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
