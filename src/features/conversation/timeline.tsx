import { memo } from 'react';
import type { Conversation } from '../../api/conversation';
import type { Term } from '../../lib/mark-terms';
import { formatOffset, formatTime, timeZoneName, utcIso } from '../../lib/time';
import { MessageText } from './message-text';
import { ParticipantAvatar } from './participant-avatar';
import type { ParticipantView } from './participant-directory';
import type { DayItem, MessageItem, TimelineItem } from './timeline-model';

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

/** Something that points at a message, such as an operator result resting on it. */
export type Annotation = { kind: 'range' | 'reference'; label: string; onOpen: () => void };
const NO_ANNOTATIONS: ReadonlyMap<string, Annotation> = new Map();

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

const DayDivider = memo(function DayDivider({ item }: { item: DayItem }) {
  return (
    <li className="my-5 flex items-center gap-3 first:mt-0">
      <span aria-hidden="true" className="h-px flex-1 bg-slate-300 dark:bg-slate-700" />
      <time dateTime={item.day} className="text-xs font-semibold text-slate-700 dark:text-slate-300">
        {item.label}
      </time>
      <span aria-hidden="true" className="h-px flex-1 bg-slate-300 dark:bg-slate-700" />
    </li>
  );
});

const Message = memo(function Message({
  item,
  startedAt,
  annotation,
  terms,
}: {
  item: MessageItem;
  startedAt: string;
  annotation?: Annotation;
  terms?: readonly Term[];
}) {
  const { communication, participant, firstInGroup } = item;
  const end = participant.side === 'end';
  const text = communication.content.text;
  const time = formatTime(communication.createdAt);
  return (
    <li
      id={communication.id}
      className={`flex scroll-mt-24 gap-2 rounded-xl [contain-intrinsic-size:auto_4rem] [content-visibility:auto] ${end ? 'flex-row-reverse' : ''} ${firstInGroup ? 'mt-4' : 'mt-1'} ${annotation ? ANNOTATION_STYLES[annotation.kind].row : ''}`}
      data-evidence={annotation?.kind}
    >
      <div className="w-9 shrink-0">{firstInGroup && <ParticipantAvatar participant={participant} />}</div>
      <div className={`flex max-w-[85%] min-w-0 flex-col sm:max-w-[75%] ${end ? 'items-end' : 'items-start'}`}>
        {firstInGroup ? (
          <p className="mb-0.5 flex flex-wrap items-baseline gap-x-1.5 text-xs">
            <span className={`font-semibold ${participant.colour.text} ${participant.hasName ? '' : 'italic'}`}>
              {participant.name}
            </span>
            <span className="text-slate-600 dark:text-slate-400">{participant.typeLabel}</span>
          </p>
        ) : (
          <span className="sr-only">{participant.name}</span>
        )}
        <div
          className={`max-w-full rounded-2xl border px-3 py-2 ${end ? 'rounded-tr-md' : 'rounded-tl-md'} ${bubbleTone(participant)}`}
        >
          {text ? (
            <p className="text-sm whitespace-pre-wrap text-slate-900 [overflow-wrap:anywhere] dark:text-slate-100">
              <MessageText text={text} terms={terms} />
            </p>
          ) : (
            <p className="text-sm text-slate-600 italic dark:text-slate-400">No text in this communication</p>
          )}
        </div>
        <p className="mt-0.5 text-[0.7rem] text-slate-600 dark:text-slate-400">
          <time dateTime={utcIso(communication.createdAt)} title={utcIso(communication.createdAt)}>
            {time}
          </time>
          <span aria-hidden="true"> · </span>
          <span title="Time since the conversation started">
            <span className="sr-only">, </span>
            {formatOffset(startedAt, communication.createdAt)}
            <span className="sr-only"> since the start</span>
          </span>
        </p>
        {annotation && (
          <button type="button" onClick={annotation.onOpen} className={ANNOTATION_STYLES[annotation.kind].marker}>
            <span aria-hidden="true">◆</span>
            {annotation.kind === 'reference' ? 'Cited by' : 'Evidence for'} {annotation.label}
          </button>
        )}
      </div>
    </li>
  );
});

export function Timeline({
  conversation,
  items,
  annotations = NO_ANNOTATIONS,
  terms,
}: {
  conversation: Conversation;
  items: TimelineItem[];
  annotations?: ReadonlyMap<string, Annotation>;
  terms?: readonly Term[];
}) {
  const count = conversation.communications.length;
  return (
    <section
      aria-labelledby="transcript-heading"
      className="rounded-xl border border-slate-200 bg-slate-50/60 p-3 sm:p-5 dark:border-slate-700 dark:bg-slate-950/40"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="transcript-heading" className="text-base font-semibold text-slate-950 dark:text-white">
          Transcript
        </h2>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {count.toLocaleString()} {count === 1 ? 'message' : 'messages'} · times in {timeZoneName()}, UTC on hover
        </p>
      </div>
      {count === 0 ? (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">This conversation has no communications yet.</p>
      ) : (
        <div
          role="log"
          aria-labelledby="transcript-heading"
          aria-live={conversation.status === 'ACTIVE' ? 'polite' : 'off'}
          className="mt-3"
        >
          <ol className="pb-1">
            {items.map((item) =>
              item.kind === 'day' ? (
                <DayDivider key={item.key} item={item} />
              ) : (
                <Message
                  key={item.key}
                  item={item}
                  startedAt={conversation.createdAt}
                  annotation={annotations.get(item.communication.id)}
                  terms={terms}
                />
              ),
            )}
          </ol>
        </div>
      )}
    </section>
  );
}
