import { useEffect, useRef } from 'react';
import { ShortcutsList } from '../../components/shortcuts-dialog';
import { isShortcut } from '../../lib/keyboard';

export type ShortcutHandlers = {
  find: () => void;
  nextMatch: () => void;
  previousMatch: () => void;
  nextMessage: () => void;
  previousMessage: () => void;
  escape: () => void;
  help: () => void;
};

export const SHORTCUTS: Array<[keys: string, what: string]> = [
  ['/', 'Find in the transcript'],
  ['Enter / Shift+Enter', 'Next / previous match (in the find box)'],
  ['n / N', 'Next / previous match'],
  ['j / k', 'Next / previous message'],
  ['Esc', 'Clear the find box, or the selected messages'],
  ['[ / ]', 'Previous / next conversation of the list it was opened from'],
  ['?', 'Show these shortcuts'],
];

export function useKeyboardShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event)) return;
      const action = (
        {
          '/': 'find',
          n: 'nextMatch',
          N: 'previousMatch',
          j: 'nextMessage',
          k: 'previousMessage',
          Escape: 'escape',
          '?': 'help',
        } as const
      )[event.key as '/'];
      if (!action) return;
      event.preventDefault();
      latest.current[action]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

export function ShortcutsDialog({
  dialog,
  more = [],
}: {
  dialog: React.RefObject<HTMLDialogElement | null>;
  /** Keys other features add on this page (the review's). */
  more?: ReadonlyArray<readonly [keys: string, what: string]>;
}) {
  return <ShortcutsList dialog={dialog} shortcuts={[...SHORTCUTS, ...more]} />;
}
