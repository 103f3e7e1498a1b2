import { useEffect, useRef } from 'react';
import { isShortcutKey } from '../../lib/typing';

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

export function useKeyboardShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcutKey(event)) return;
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
  more?: Array<[keys: string, what: string]>;
}) {
  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-heading"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="shortcuts-heading" className="text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {[...SHORTCUTS, ...more].map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                {keys}
              </kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-4 text-right">
        <button className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium dark:border-slate-600">
          Close
        </button>
      </form>
    </dialog>
  );
}
