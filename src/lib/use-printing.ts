import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Whether the page is being printed. `beforeprint` comes before the print layout is taken, and the
 * state is flushed at once so what depends on it (a transcript rendering every row) is in the DOM
 * in time; the print media query covers print emulation and previews that fire no event.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const query = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null;
    const update = () => setPrinting(query?.matches ?? false);
    const before = () => flushSync(() => setPrinting(true));
    const after = () => update();
    update();
    query?.addEventListener('change', update);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      query?.removeEventListener('change', update);
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}
