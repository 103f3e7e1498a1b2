import { useMemo } from 'react';
import type { Conversation } from '../../api/conversation';
import type { OperatorResult } from '../../api/operator-result';
import { chronological } from '../../lib/chronological';
import { utcIso, zoneFormat } from '../../lib/time';
import { useZone } from '../../lib/use-zone';
import { groupRuns, trackedValue, type TrackedValue } from './result-history';
import { useOperatorNames } from './results-panel';
import { StripChart, type ChartStep, type VerdictTally } from './strip-chart';

/** One run on the strip: what it concluded, and the message its range ended on. */
export type Step = { id: string; value: TrackedValue; position: number; messageId: string; at: string };
export type Track = { key: string; operatorId: string; field: string | null; steps: Step[] };

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

export const shownValue = (value: TrackedValue) => (value.kind === 'label' ? value.value : value.value.toLocaleString());

const tallyWords = (tally: VerdictTally | undefined) => {
  if (!tally) return '';
  const parts = [
    tally.agree && `${tally.agree} agree`,
    tally.disagree && `${tally.disagree} disagree`,
    tally.unsure && `${tally.unsure} unsure`,
  ].filter(Boolean);
  return parts.length ? `, reviewers: ${parts.join(', ')}` : '';
};

/**
 * How an operator's label or number changed over the conversation: a compact chart along the
 * transcript, x the position in the conversation, one step per run pinned to the message its range
 * ended on. Labels are bands, numbers a step line. Each step is a button that selects its run, and
 * the chart is a list of them for screen readers; values are shown as the page shows text (redacted
 * or not), times in the reader's zone, and reviewers' verdicts as marks on their run's step.
 */
export function ResultStrip({
  conversation,
  results,
  selectedId,
  onSelect,
  hidden,
  shown,
  verdicts,
}: {
  conversation: Conversation;
  results: readonly OperatorResult[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** Participants hidden by the filters: a step pinned to one of their messages says so. */
  hidden: ReadonlySet<string>;
  shown: (text: string) => string;
  /** Reviewers' verdicts by result ID, when the page has them. */
  verdicts?: ReadonlyMap<string, VerdictTally>;
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
        const steps = track.steps.map((step, index): ChartStep => {
          const filtered = hidden.has(senders.get(step.messageId) ?? '');
          const tally = verdicts?.get(step.id);
          const value = shown(shownValue(step.value));
          return {
            id: step.id,
            position: step.position,
            number: step.value.kind === 'number' ? step.value.value : null,
            label: value,
            changed: index === 0 || shownValue(track.steps[index - 1]!.value) !== shownValue(step.value),
            filtered,
            tally,
            title: `${value}, message ${step.position}, ${utcIso(step.at)}`,
            description: `${value} #${step.position}, after message ${step.position} of ${total}, ${format.time(step.at)}${
              filtered ? ', that message is hidden by the filters' : ''
            }${tallyWords(tally)}`,
          };
        });
        return (
          <div
            key={track.key}
            className="rounded-lg border border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
          >
            <p className="text-xs font-semibold [overflow-wrap:anywhere] text-slate-800 dark:text-slate-200">
              {title} <span className="font-normal text-slate-600 dark:text-slate-400">over the conversation</span>
            </p>
            <StripChart
              label={`${title} over the conversation`}
              steps={steps}
              total={total}
              selectedId={selectedId}
              onSelect={onSelect}
            />
          </div>
        );
      })}
    </section>
  );
}
