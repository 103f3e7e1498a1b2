import { useId, type ReactNode, type RefObject } from 'react';
import { redactText } from '../../lib/redact';
import { zoneFormat } from '../../lib/time';
import type { ParticipantView } from '../../lib/participant-directory';
import type { ViewChange, ViewState } from './view-state';

const control =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';
const pressed =
  'aria-pressed:border-sky-700 aria-pressed:bg-sky-700 aria-pressed:text-white dark:aria-pressed:border-sky-400 dark:aria-pressed:bg-sky-400 dark:aria-pressed:text-slate-950';

type Search = { total: number; index: number; next: () => void; previous: () => void };

export function FindBar({
  view,
  change,
  search,
  input,
}: {
  view: ViewState;
  change: (c: ViewChange) => void;
  search: Search;
  input: RefObject<HTMLInputElement | null>;
}) {
  const id = useId();
  const status = view.query.trim() ? (search.total > 0 ? `${search.index + 1} of ${search.total}` : 'No matches') : '';
  return (
    <div role="search" className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Find in the transcript
      </label>
      <input
        ref={input}
        id={id}
        type="search"
        defaultValue={view.query}
        placeholder="Find in the transcript  ( / )"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => change({ query: event.target.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            if (event.shiftKey) search.previous();
            else search.next();
          } else if (event.key === 'Escape') {
            event.currentTarget.value = '';
            change({ query: '' });
          }
        }}
        className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-950 placeholder:text-slate-500 dark:border-slate-600 dark:bg-slate-900 dark:text-white dark:placeholder:text-slate-400"
      />
      <span role="status" className="min-w-16 text-xs text-slate-700 tabular-nums dark:text-slate-300">
        {status}
      </span>
      <button
        type="button"
        className={control}
        onClick={search.previous}
        disabled={search.total === 0}
        aria-label="Previous match"
      >
        ↑
      </button>
      <button type="button" className={control} onClick={search.next} disabled={search.total === 0} aria-label="Next match">
        ↓
      </button>
    </div>
  );
}

export function ParticipantFilter({
  participants,
  view,
  change,
}: {
  participants: ParticipantView[];
  view: ViewState;
  change: (c: ViewChange) => void;
}) {
  if (participants.length < 2) return null;
  const toggle = (id: string) => {
    const hidden = new Set(view.hidden);
    if (hidden.has(id)) hidden.delete(id);
    else hidden.add(id);
    change({ hidden });
  };
  const shown = (name: string) => (view.redact ? redactText(name) : name);
  const only = (id: string) => change({ hidden: new Set(participants.filter((p) => p.id !== id).map((p) => p.id)) });
  return (
    <fieldset className="flex flex-wrap items-center gap-1.5">
      <legend className="sr-only">Show messages from</legend>
      {participants.map((participant) => (
        <span key={participant.id} className="inline-flex">
          <button
            type="button"
            aria-pressed={!view.hidden.has(participant.id)}
            onClick={() => toggle(participant.id)}
            className={`${control} ${pressed} rounded-r-none`}
          >
            {shown(participant.name)}
          </button>
          <button
            type="button"
            onClick={() => only(participant.id)}
            className={`${control} rounded-l-none border-l-0`}
            aria-label={`Show only ${shown(participant.name)}`}
          >
            only
          </button>
        </span>
      ))}
      {view.hidden.size > 0 && (
        <button
          type="button"
          onClick={() => change({ hidden: new Set() })}
          className="text-xs font-medium text-sky-800 underline dark:text-sky-300"
        >
          Show everyone
        </button>
      )}
    </fieldset>
  );
}

export function ViewOptions({
  view,
  change,
  children,
}: {
  view: ViewState;
  change: (c: ViewChange) => void;
  children?: ReactNode;
}) {
  const redactId = useId();
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <span className="inline-flex" role="group" aria-label="Time zone">
        <button
          type="button"
          aria-pressed={view.zone === 'local'}
          onClick={() => change({ zone: 'local' })}
          className={`${control} ${pressed} rounded-r-none`}
        >
          Local ({zoneFormat('local').zoneName})
        </button>
        <button
          type="button"
          aria-pressed={view.zone === 'UTC'}
          onClick={() => change({ zone: 'UTC' })}
          className={`${control} ${pressed} rounded-l-none border-l-0`}
        >
          UTC
        </button>
      </span>
      <span className="inline-flex items-center gap-1.5">
        <input
          id={redactId}
          type="checkbox"
          role="switch"
          checked={view.redact}
          onChange={(event) => change({ redact: event.target.checked })}
          className="size-4 accent-sky-700"
        />
        <label htmlFor={redactId} className="text-xs font-medium text-slate-800 dark:text-slate-200">
          Hide phone numbers, e-mails and card numbers
        </label>
      </span>
      {children}
    </div>
  );
}
