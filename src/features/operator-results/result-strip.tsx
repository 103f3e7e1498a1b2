import { useMemo } from 'react';
import type { Conversation } from '../../api/conversation';
import type { OperatorResult } from '../../api/operator-result';
import { chronological } from '../../lib/chronological';
import { utcIso, zoneFormat } from '../../lib/time';
import { useZone } from '../../lib/use-zone';
import { groupRuns, trackedValue, type TrackedValue } from './result-history';
import { useOperatorNames } from './results-panel';

/** One run on the strip: what it concluded, and the message its range ended on. */
type Step = { id: string; value: TrackedValue; position: number; messageId: string; at: string };
type Track = { key: string; operatorId: string; field: string | null; steps: Step[] };

/**
 * For each operator (and rule) that ran more than once with a label or a number to follow, its runs
 * in the order of the messages they had seen. A run whose range ends on a message the page does not
 * have (yet: a live conversation's results can be read before its newest messages) has no place on
 * the strip; the panel still lists it.
 */
export function tracksOf(results: readonly OperatorResult[], conversation: Conversation): Track[] {
  const positions = new Map(
    chronological(conversation.communications).map((c, i) => [c.id, { position: i + 1, at: c.createdAt }]),
  );
  const tracks: Track[] = [];
  for (const group of groupRuns(results)) {
    const runs = [group.latest, ...group.earlier].reverse();
    const steps = runs.flatMap((run): Step[] => {
      const value = trackedValue(run.result);
      if (!value) return [];
      const last = run.result.executionDetails?.communications?.last ?? null;
      const pinned = last === null ? undefined : positions.get(last);
      return pinned && last !== null ? [{ id: run.result.id, value, messageId: last, ...pinned }] : [];
    });
    if (steps.length < 2) continue;
    const first = steps[0]!.value;
    // Numbers are followed only while every run names the same field.
    if (first.kind === 'number' && !steps.every((s) => s.value.kind === 'number' && s.value.field === first.field)) continue;
    if (first.kind === 'label' && !steps.every((s) => s.value.kind === 'label')) continue;
    steps.sort((a, b) => a.position - b.position);
    tracks.push({
      key: group.key,
      operatorId: group.latest.result.operator.id,
      field: first.kind === 'number' ? first.field : null,
      steps,
    });
  }
  return tracks;
}

const shownValue = (value: TrackedValue) => (value.kind === 'label' ? value.value : value.value.toLocaleString());

/**
 * How an operator's label or number changed over the conversation, one step per run pinned to the
 * message its range ended on ("#12"), in message order; an arrow marks a change. A step selects its
 * run. A list for screen readers; the values are shown as the page shows text (redacted or not).
 */
export function ResultStrip({
  conversation,
  results,
  selectedId,
  onSelect,
  hidden,
  shown,
}: {
  conversation: Conversation;
  results: readonly OperatorResult[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** Participants hidden by the filters: a step pinned to one of their messages says so. */
  hidden: ReadonlySet<string>;
  shown: (text: string) => string;
}) {
  const tracks = useMemo(() => tracksOf(results, conversation), [results, conversation]);
  const loaded = useMemo(() => [...results], [results]);
  const names = useOperatorNames(loaded);
  const format = zoneFormat(useZone());
  const senders = useMemo(() => new Map(conversation.communications.map((c) => [c.id, c.participantId])), [conversation]);
  if (tracks.length === 0) return null;
  const total = conversation.communications.length;
  return (
    <section aria-label="Results over time" className="mt-3 space-y-2 print:hidden">
      {tracks.map((track) => {
        const name = names.get(track.operatorId) ?? track.operatorId;
        const title = track.field ? `${name}: ${track.field}` : name;
        return (
          <div
            key={track.key}
            className="rounded-lg border border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
          >
            <p className="text-xs font-semibold text-slate-800 dark:text-slate-200">
              {title} <span className="font-normal text-slate-600 dark:text-slate-400">over the conversation</span>
            </p>
            <ol aria-label={`${title} over the conversation`} className="mt-1 flex flex-wrap items-center gap-1">
              {track.steps.map((step, index) => {
                const selected = step.id === selectedId;
                const changed = index === 0 || shownValue(track.steps[index - 1]!.value) !== shownValue(step.value);
                const filtered = hidden.has(senders.get(step.messageId) ?? '');
                const where = `after message ${step.position} of ${total}`;
                return (
                  <li key={step.id} className="flex items-center gap-1">
                    {index > 0 && (
                      <span aria-hidden="true" className="text-slate-400 dark:text-slate-500">
                        {changed ? '\u2192' : '\u00b7'}
                      </span>
                    )}
                    <button
                      type="button"
                      aria-pressed={selected}
                      onClick={() => onSelect(selected ? null : step.id)}
                      title={utcIso(step.at)}
                      className={`rounded-full border px-2 py-0.5 text-xs ${
                        selected
                          ? 'border-sky-700 bg-sky-700 text-white dark:border-sky-300 dark:bg-sky-300 dark:text-slate-950'
                          : 'border-slate-300 text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800'
                      } ${changed ? 'font-semibold' : ''}`}
                    >
                      {shown(shownValue(step.value))}
                      <span className={selected ? '' : 'text-slate-600 dark:text-slate-400'}> #{step.position}</span>
                      <span className="sr-only">
                        , {where}, {format.time(step.at)}
                        {filtered ? ', that message is hidden by the filters' : ''}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ol>
          </div>
        );
      })}
    </section>
  );
}
