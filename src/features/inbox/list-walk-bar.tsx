import { Link } from 'react-router';
import { Button, buttonClass } from '../../components/button';

export type NextState =
  | { kind: 'none' | 'loading' | 'checking' }
  /** Next looked this many rows ahead without one that passes the filters, and waits to be asked. */
  | { kind: 'look-further'; rows: number; onLook: () => void };

type Props = {
  listHref: string;
  position: string;
  previousHref: string | null;
  nextHref: string | null;
  /** Why there is no Next link. */
  nextState: NextState;
  queue: { seeking: boolean; noneLeft: boolean; checked: number; onNext: () => void };
};

const disabled = `${buttonClass} pointer-events-none opacity-50`;

/** The walk through the list a conversation was opened from, as a bar above it. */
export function ListWalkBar({ listHref, position, previousHref, nextHref, nextState, queue }: Props) {
  return (
    <nav
      aria-label="The list this conversation was opened from"
      className="mb-3 flex flex-wrap items-center gap-2 text-sm print:hidden"
    >
      <Link to={listHref} className="font-medium text-sky-800 underline dark:text-sky-300">
        Back to the list
      </Link>
      <span className="text-slate-700 dark:text-slate-300" aria-live="polite">
        {position}
      </span>
      <span className="ml-auto flex flex-wrap justify-end gap-2">
        {previousHref ? (
          <Link to={previousHref} className={buttonClass} aria-keyshortcuts="[">
            <span aria-hidden="true">&larr;</span> Previous
          </Link>
        ) : (
          <span className={disabled} aria-disabled="true">
            <span aria-hidden="true">&larr;</span> Previous
          </span>
        )}
        {nextHref ? (
          <Link to={nextHref} className={buttonClass} aria-keyshortcuts="]">
            Next <span aria-hidden="true">&rarr;</span>
          </Link>
        ) : nextState.kind === 'look-further' ? (
          <Button onClick={nextState.onLook} title={`None of the next ${nextState.rows} conversations passes the list’s filters`}>
            Look further for Next
          </Button>
        ) : (
          <span className={disabled} aria-disabled="true">
            {nextState.kind === 'loading' ? 'Loading\u2026' : nextState.kind === 'checking' ? 'Checking\u2026' : 'Next'}{' '}
            <span aria-hidden="true">&rarr;</span>
          </span>
        )}
        <Button onClick={queue.onNext} disabled={queue.seeking}>
          Next unreviewed <span aria-hidden="true">&raquo;</span>
        </Button>
      </span>
      <span
        role="status"
        className={queue.seeking || queue.noneLeft ? 'basis-full text-slate-800 dark:text-slate-200' : 'sr-only'}
      >
        {queue.seeking
          ? `Looking for the next unreviewed conversation (${queue.checked} loaded)\u2026`
          : queue.noneLeft
            ? 'No unreviewed conversation is left in this list.'
            : ''}
      </span>
    </nav>
  );
}
