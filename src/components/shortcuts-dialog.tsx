/** A page's keyboard shortcuts, in a modal dialog the page opens with `?`. */
export function ShortcutsList({
  dialog,
  shortcuts,
}: {
  dialog: React.RefObject<HTMLDialogElement | null>;
  shortcuts: ReadonlyArray<readonly [keys: string, what: string]>;
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
        {shortcuts.map(([keys, what]) => (
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
