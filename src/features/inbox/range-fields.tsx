import { useId, useState } from 'react';
import { parseDateTime, wireDateTime } from '../../api/conversation-list-query';
import { Button } from '../../components/button';
import type { Zone } from '../../lib/time';
import { rangeProblem } from '../../api/inbox-filters';

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a `datetime-local` value in the page's zone. */
function toInput(iso: string | null, zone: Zone): string {
  const ms = iso === null ? null : parseDateTime(iso);
  if (ms === null) return '';
  const d = new Date(ms);
  return zone === 'UTC'
    ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
    : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value, read in the page's zone, as milliseconds; null when empty or unreadable. */
function fromInput(value: string, zone: Zone): number | null {
  if (value === '') return null;
  const ms = zone === 'UTC' ? Date.parse(`${value}Z`) : new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

export const inputClass =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-950 dark:border-slate-600 dark:bg-slate-900 dark:text-white';

/**
 * A custom time range. A range Twilio would refuse (over 31 days, or ending before it starts) is
 * explained where it is typed and not applied; either end may stay open.
 */
export function RangeFields({
  after,
  before,
  zone,
  onApply,
}: {
  after: string | null;
  before: string | null;
  zone: Zone;
  onApply: (after: string | null, before: string | null) => void;
}) {
  const [from, setFrom] = useState(() => toInput(after, zone));
  const [to, setTo] = useState(() => toInput(before, zone));
  const fromMs = fromInput(from, zone);
  const toMs = fromInput(to, zone);
  const problem = rangeProblem(fromMs, toMs);
  const problemId = useId();
  const zoneName = zone === 'UTC' ? 'UTC' : 'your time';
  return (
    <fieldset className="flex flex-wrap items-end gap-2">
      <legend className="sr-only">Custom time range</legend>
      <label className="flex flex-col text-xs font-medium text-slate-700 dark:text-slate-300">
        From ({zoneName})
        <input
          type="datetime-local"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
          className={inputClass}
        />
      </label>
      <label className="flex flex-col text-xs font-medium text-slate-700 dark:text-slate-300">
        To ({zoneName})
        <input
          type="datetime-local"
          value={to}
          onChange={(event) => setTo(event.target.value)}
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
          className={inputClass}
        />
      </label>
      <Button
        disabled={problem !== null}
        onClick={() => onApply(fromMs === null ? null : wireDateTime(fromMs), toMs === null ? null : wireDateTime(toMs))}
      >
        Apply range
      </Button>
      {problem && (
        <p id={problemId} role="alert" className="basis-full text-sm font-medium text-amber-900 dark:text-amber-200">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
