import { memo, type MouseEvent } from 'react';
import type { Conversation } from '../../api/conversation';
import type { Term } from '../../lib/mark-terms';
import type { Match } from '../../lib/search';
import { formatOffset, utcIso, type ZoneFormat } from '../../lib/time';
import { HighlightedText } from './highlighted-text';
import { ParticipantAvatar } from './participant-avatar';
import type { ParticipantView } from './participant-directory';
import type { DayItem, GapItem, MessageItem, TimelineItem } from './timeline-model';

/** Something that points at a message, such as an operator result resting on it. */
export type Annotation = { kind: 'range' | 'reference'; label: string; onOpen: () => void };

/** A covered message is tinted; a message the result cites stands out. */
const ANNOTATION_STYLES: Record<Annotation['kind'], { row: string; marker: string }> = {
  range: {
    row: 'bg-amber-50 py-1 dark:bg-amber-950/40',
    marker:
      'mt-1 inline-flex items-center gap-1 rounded-full border border-amber-600 px-2 py-0.5 text-[0.7rem] font-medium text-amber-900 hover:bg-amber-100 dark:border-amber-400 dark:text-amber-200 dark:hover:bg-amber-900/60',
  },
  reference: {
    row: 'bg-amber-100 py-1 ring-2 ring-amber-500 dark:bg-amber-900/40 dark:ring-amber-400',
    marker:
      'mt-1 inline-flex items-center gap-1 rounded-full bg-amber-700 px-2 py-0.5 text-[0.7rem] font-semibold text-white hover:bg-amber-800 dark:bg-amber-400 dark:text-slate-950 dark:hover:bg-amber-300',
  },
};

function bubbleTone(participant: ParticipantView): string {
  if (!participant.listed) return 'border-dashed border-slate-400 bg-slate-50 dark:border-slate-500 dark:bg-slate-900';
  switch (participant.type) {
    case 'AI_AGENT':
      return 'border-violet-200 bg-violet-50 dark:border-violet-900 dark:bg-violet-950/70';
    case 'HUMAN_AGENT':
    case 'AGENT':
      return 'border-sky-200 bg-sky-50 dark:border-sky-900 dark:bg-sky-950/70';
    default:
      return 'border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900';
  }
}

const DayDivider = memo(function DayDivider({ item }: { item: DayItem }) {
  return (
    <li className="my-5 flex items-center gap-3 first:mt-0 print:my-2">
      <span aria-hidden="true" className="h-px flex-1 bg-slate-300 dark:bg-slate-700" />
      <time dateTime={item.day} className="text-xs font-semibold text-slate-700 dark:text-slate-300">
        {item.label}
      </time>
      <span aria-hidden="true" className="h-px flex-1 bg-slate-300 dark:bg-slate-700" />
    </li>
  );
});

const GapMarker = memo(function GapMarker({ item }: { item: GapItem }) {
  return (
    <li className="my-3 text-center">
      <span className="rounded-full bg-slate-200 px-2.5 py-0.5 text-[0.7rem] font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">
        {item.label}
      </span>
    </li>
  );
});

export type MessageView = {
  /** The text as shown: redacted when redaction is on. */
  text: string | null;
  name: string;
  matches: readonly Match[];
  current: number;
};

// Props are primitives or stable references, so a keystroke in the find box re-renders only the
// messages whose matches changed.
const Message = memo(function Message({
  item,
  text,
  name,
  matches,
  current,
  startedAt,
  format,
  annotation,
  terms,
  targeted,
  selected,
  onCopyLink,
}: {
  item: MessageItem;
  text: string | null;
  name: string;
  matches: readonly Match[];
  current: number;
  startedAt: string;
  format: ZoneFormat;
  annotation?: Annotation;
  terms?: readonly Term[];
  targeted: boolean;
  selected: boolean;
  onCopyLink: (id: string, event: MouseEvent) => void;
}) {
  const { communication, participant, firstInGroup } = item;
  const end = participant.side === 'end';
  const time = format.time(communication.createdAt);
  const highlight = targeted || selected ? 'outline-2 outline-offset-2 outline-sky-600 dark:outline-sky-400' : '';
  return (
    <li
      id={communication.id}
      tabIndex={-1}
      data-message
      data-targeted={targeted || undefined}
      data-evidence={annotation?.kind}
      className={`group/message flex scroll-mt-24 gap-2 rounded-xl [contain-intrinsic-size:auto_4rem] [content-visibility:auto] focus-visible:outline-2 focus-visible:outline-sky-600 print:[content-visibility:visible] ${end ? 'flex-row-reverse' : ''} ${firstInGroup ? 'mt-4' : 'mt-1'} ${annotation ? ANNOTATION_STYLES[annotation.kind].row : ''} ${highlight} ${targeted ? 'target-highlight' : ''}`}
    >
      <div className="w-9 shrink-0 print:hidden">{firstInGroup && <ParticipantAvatar participant={participant} />}</div>
      <div className={`flex max-w-[85%] min-w-0 flex-col sm:max-w-[75%] print:max-w-full ${end ? 'items-end' : 'items-start'}`}>
        {firstInGroup ? (
          <p className="mb-0.5 flex flex-wrap items-baseline gap-x-1.5 text-xs">
            <span className={`font-semibold ${participant.colour.text} ${participant.hasName ? '' : 'italic'}`}>{name}</span>
            <span className="text-slate-600 dark:text-slate-400">{participant.typeLabel}</span>
          </p>
        ) : (
          <span className="sr-only">{name}</span>
        )}
        <div
          className={`max-w-full rounded-2xl border px-3 py-2 ${end ? 'rounded-tr-md' : 'rounded-tl-md'} ${bubbleTone(participant)}`}
        >
          {text ? (
            <p className="text-sm whitespace-pre-wrap text-slate-900 [overflow-wrap:anywhere] dark:text-slate-100">
              <HighlightedText text={text} terms={terms} matches={matches} current={current} />
            </p>
          ) : (
            <p className="text-sm text-slate-600 italic dark:text-slate-400">No text in this communication</p>
          )}
        </div>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-1 text-[0.7rem] text-slate-600 dark:text-slate-400">
          <time dateTime={utcIso(communication.createdAt)} title={utcIso(communication.createdAt)}>
            {time}
          </time>
          <span aria-hidden="true">·</span>
          <span title="Time since the conversation started">
            <span className="sr-only">, </span>
            {formatOffset(startedAt, communication.createdAt)}
            <span className="sr-only"> since the start</span>
          </span>
          <button
            type="button"
            onClick={(event) => onCopyLink(communication.id, event)}
            title="Copy a link to this message; Shift-click another message's link for a range"
            className="ml-1 rounded px-1 text-slate-600 underline decoration-dotted underline-offset-2 opacity-100 group-hover/message:opacity-100 focus:opacity-100 sm:opacity-0 print:hidden dark:text-slate-400"
          >
            Link<span className="sr-only"> to message {item.position}</span>
          </button>
        </p>
        {annotation && (
          <button
            type="button"
            onClick={annotation.onOpen}
            className={`${ANNOTATION_STYLES[annotation.kind].marker} print:hidden`}
          >
            <span aria-hidden="true">◆</span>
            {annotation.kind === 'reference' ? 'Cited by' : 'Evidence for'} {annotation.label}
          </button>
        )}
      </div>
    </li>
  );
});

const NO_ANNOTATIONS: ReadonlyMap<string, Annotation> = new Map();
const NO_IDS: ReadonlySet<string> = new Set();

export type TimelineProps = {
  conversation: Conversation;
  items: TimelineItem[];
  format: ZoneFormat;
  views: ReadonlyMap<string, MessageView>;
  annotations?: ReadonlyMap<string, Annotation>;
  terms?: readonly Term[];
  targeted?: ReadonlySet<string>;
  selected?: ReadonlySet<string>;
  onCopyLink: (id: string, event: MouseEvent) => void;
};

/** The transcript as a list inside a log region; static history is not announced (aria-live off). */
export function TimelineList({
  conversation,
  items,
  format,
  views,
  annotations = NO_ANNOTATIONS,
  terms,
  targeted = NO_IDS,
  selected = NO_IDS,
  onCopyLink,
}: TimelineProps) {
  return (
    <div
      role="log"
      aria-labelledby="transcript-heading"
      aria-live={conversation.status === 'ACTIVE' ? 'polite' : 'off'}
      className="mt-3"
    >
      <ol className="pb-1" aria-label={`${conversation.communications.length} messages`}>
        {items.map((item) => {
          switch (item.kind) {
            case 'day':
              return <DayDivider key={item.key} item={item} />;
            case 'gap':
              return <GapMarker key={item.key} item={item} />;
            case 'message': {
              const view = views.get(item.communication.id)!;
              return (
                <Message
                  key={item.key}
                  item={item}
                  text={view.text}
                  name={view.name}
                  matches={view.matches}
                  current={view.current}
                  startedAt={conversation.createdAt}
                  format={format}
                  annotation={annotations.get(item.communication.id)}
                  terms={terms}
                  targeted={targeted.has(item.communication.id)}
                  selected={selected.has(item.communication.id)}
                  onCopyLink={onCopyLink}
                />
              );
            }
          }
        })}
      </ol>
    </div>
  );
}
