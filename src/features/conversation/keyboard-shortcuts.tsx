import { ShortcutsList } from '../../components/shortcuts-dialog';
import { useShortcutKeys } from '../../lib/use-shortcut-keys';

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
  ['?', 'Show these shortcuts'],
];

const ACTIONS: Partial<Record<string, keyof ShortcutHandlers>> = {
  '/': 'find',
  n: 'nextMatch',
  N: 'previousMatch',
  j: 'nextMessage',
  k: 'previousMessage',
  Escape: 'escape',
  '?': 'help',
};

export function useKeyboardShortcuts(handlers: ShortcutHandlers): void {
  useShortcutKeys((event) => {
    const action = Object.hasOwn(ACTIONS, event.key) ? ACTIONS[event.key] : undefined;
    if (!action) return false;
    handlers[action]();
    return true;
  });
}

export function ShortcutsDialog({
  dialog,
  more = [],
}: {
  dialog: React.RefObject<HTMLDialogElement | null>;
  /** Keys other features add on this page (the review's). */
  more?: ReadonlyArray<readonly [keys: string, what: string]>;
}) {
  // "?" stays last, after the keys the page adds.
  const help = SHORTCUTS.filter(([keys]) => keys === '?');
  return <ShortcutsList dialog={dialog} shortcuts={[...SHORTCUTS.filter(([keys]) => keys !== '?'), ...more, ...help]} />;
}
