import { useEffect, useRef } from 'react';
import { isShortcut } from './keyboard';

/**
 * A page's single-key shortcuts: `onKey` (its latest version) sees each key press they may take,
 * and says whether it used it, so that the browser's own action is prevented only then.
 */
export function useShortcutKeys(onKey: (event: KeyboardEvent) => boolean): void {
  const latest = useRef(onKey);
  useEffect(() => {
    latest.current = onKey;
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (isShortcut(event) && latest.current(event)) event.preventDefault();
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
