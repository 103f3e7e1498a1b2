import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, type MouseEvent } from 'react';
import type { Conversation } from '../../api/conversation';
import type { Term } from '../../lib/mark-terms';
import type { Match } from '../../lib/search';
import { formatOffset, utcIso, type ZoneFormat } from '../../lib/time';
import { NewMessagesButton, useFollowAlong } from './follow-along';
import { HighlightedText } from './highlighted-text';
import type { Reveal } from './reveal';
import { ParticipantAvatar } from './participant-avatar';
import type { ParticipantView } from '../../lib/participant-directory';
import type { DayItem, GapItem, MessageItem, TimelineItem } from './timeline-model';
import { useScrollMargin } from '../../lib/use-scroll-margin';

/** Something that points at a message, such as an operator result resting on it. */
export type Annotation = { kind: 'range' | 'reference'; label: string; onOpen: () => void };

/** Notes reviewers pinned to a message: what the marker says ("2 notes") and where it leads. */
export type NoteMarker = { label: string; onOpen: () => void };

/** A covered message is tinted; a message the result cites stands out. */
const ANNOTATION_STYLES: Record<Annotation['kind'], { row: string; marker: string }> = {
  range: {
    row: 'bg-amber-50 py-1 dark:bg-amber-950/40',
    marker:
      'mt-1 inline-flex max-w-full items-center gap-1 rounded-full border border-amber-600 text-left [overflow-wrap:anywhere] px-2 py-0.5 text-[0.7rem] font-medium text-amber-900 hover:bg-amber-100 dark:border-amber-400 dark:text-amber-200 dark:hover:bg-amber-900/60',
  },
  reference: {
    row: 'bg-amber-100 py-1 ring-2 ring-amber-500 dark:bg-amber-900/40 dark:ring-amber-400',
    marker:
      'mt-1 inline-flex max-w-full items-center gap-1 rounded-full bg-amber-700 text-left [overflow-wrap:anywhere] px-2 py-0.5 text-[0.7rem] font-semibold text-white hover:bg-amber-800 dark:bg-amber-400 dark:text-slate-950 dark:hover:bg-amber-300',
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

/**
 * Where a row sits. Virtualized rows are placed at their offset in the list and measured once
 * shown; every row says its position, so a screen reader still hears "item 5 of 2,300" when only
 * a screenful is in the DOM. Primitives only, so a memoized row re-renders only when it moves.
 */
type RowPlace = { index: number; setSize: number; offset: number | null; measure?: (element: HTMLLIElement | null) => void };

function rowAttributes({ index, setSize, offset, measure }: RowPlace) {
  return {
    'aria-posinset': index + 1,
    'aria-setsize': setSize,
    'data-index': index,
    ref: measure,
    style:
      offset === null
        ? undefined
        : ({ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${offset}px)` } as const),
  };
}

// Rows are placed one after another, so margins add up instead of collapsing: the space below a
// divider or a gap marker is the top margin of the message that follows.
function DayDivider({ item, place }: { item: DayItem; place: RowPlace }) {
  return (
    <li {...rowAttributes(place)} className={`flex items-center gap-3 print:mt-2 ${place.index === 0 ? 'mt-0' : 'mt-5'}`}>
      <span aria-hidden="true" className="h-px flex-1 bg-slate-300 dark:bg-slate-700" />
      <time dateTime={item.day} className="text-xs font-semibold text-slate-700 dark:text-slate-300">
        {item.label}
      </time>
      <span aria-hidden="true" className="h-px flex-1 bg-slate-300 dark:bg-slate-700" />
    </li>
  );
}

function GapMarker({ item, place }: { item: GapItem; place: RowPlace }) {
  return (
    <li {...rowAttributes(place)} className="mt-3 text-center">
      <span className="rounded-full bg-slate-200 px-2.5 py-0.5 text-[0.7rem] font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">
        {item.label}
      </span>
    </li>
  );
}

// Props are primitives or stable references, so a keystroke in the find box re-renders only the
// messages whose matches changed; scrolling moves the row without re-rendering its content.
const Message = memo(function Message({
  index,
  setSize,
  offset,
  measure,
  item,
  text,
  name,
  matches,
  current,
  startedAt,
  format,
  annotation,
  noteMarker,
  terms,
  targeted,
  selected,
  onCopyLink,
  unseen,
}: RowPlace & {
  item: MessageItem;
  text: string | null;
  name: string;
  matches: readonly Match[];
  current: number;
  startedAt: string;
  format: ZoneFormat;
  annotation?: Annotation;
  noteMarker?: NoteMarker;
  terms?: readonly Term[];
  targeted: boolean;
  selected: boolean;
  onCopyLink: (id: string, event: MouseEvent) => void;
  /** After the selected result's range: it had not seen this message (`first`: the first such). */
  unseen: 'first' | 'rest' | null;
}) {
  const { communication, participant, firstInGroup } = item;
  const end = participant.side === 'end';
  const time = format.time(communication.createdAt);
  const highlight = targeted || selected ? 'outline-2 outline-offset-2 outline-sky-600 dark:outline-sky-400' : '';
  return (
    <li
      {...rowAttributes({ index, setSize, offset, measure })}
      id={communication.id}
      tabIndex={-1}
      data-message
      data-targeted={targeted || undefined}
      data-evidence={annotation?.kind}
      data-unseen={unseen ?? undefined}
      className={`group/message relative flex scroll-mt-24 gap-2 rounded-xl focus-visible:outline-2 focus-visible:outline-sky-600 ${end ? 'flex-row-reverse' : ''} ${firstInGroup ? 'mt-4' : 'mt-1'} ${unseen === 'first' ? 'pt-6' : ''} ${unseen ? 'bg-slate-200/70 grayscale dark:bg-slate-800/70' : ''} ${annotation ? ANNOTATION_STYLES[annotation.kind].row : ''} ${highlight} ${targeted ? 'target-highlight' : ''}`}
    >
      {unseen === 'first' && (
        <p className="absolute top-0 right-0 left-0 text-center text-[0.7rem] font-semibold text-slate-700 dark:text-slate-300">
          The operator had not seen these yet
        </p>
      )}
      {unseen && <span className="sr-only">Not yet seen by the selected result&rsquo;s operator.</span>}
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
            <p
              data-message-text
              className="text-sm whitespace-pre-wrap text-slate-900 [overflow-wrap:anywhere] dark:text-slate-100"
            >
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
        {noteMarker && (
          <button
            type="button"
            onClick={noteMarker.onOpen}
            className="mt-1 inline-flex items-center gap-1 rounded-full border border-sky-700 px-2 py-0.5 text-[0.7rem] font-medium text-sky-900 hover:bg-sky-100 print:hidden dark:border-sky-400 dark:text-sky-200 dark:hover:bg-sky-900/60"
          >
            <span aria-hidden="true">✎</span>
            {noteMarker.label}
          </button>
        )}
      </div>
    </li>
  );
});

const NO_ANNOTATIONS: ReadonlyMap<string, Annotation> = new Map();
const NO_NOTES: ReadonlyMap<string, NoteMarker> = new Map();
const NO_IDS: ReadonlySet<string> = new Set();

/** How long a revealed message is kept in view while the rows around it are measured. */
const HOLD_MS = 750;

/** What rows are guessed to measure before they are shown (px, margins included). */
const ESTIMATES = { day: 56, gap: 40, first: 96, next: 68 } as const;
const estimate = (item: TimelineItem) =>
  item.kind === 'message' ? (item.firstInGroup ? ESTIMATES.first : ESTIMATES.next) : ESTIMATES[item.kind];

/** A row's height with its margins; a row that has no layout (hidden, or no layout engine) keeps its estimate. */
function measureRow(element: Element, fallback: number): number {
  const height = element.getBoundingClientRect().height;
  if (!height) return fallback;
  const style = getComputedStyle(element);
  return height + (parseFloat(style.marginTop) || 0) + (parseFloat(style.marginBottom) || 0);
}

export type TimelineProps = {
  conversation: Conversation;
  items: TimelineItem[];
  format: ZoneFormat;
  /** The text as shown (redacted when redaction is on). */
  shown: (text: string) => string;
  matchesFor: (id: string) => readonly Match[];
  currentFor: (id: string) => number;
  annotations?: ReadonlyMap<string, Annotation>;
  /** Reviewers' notes, by the message they are pinned to. */
  noteMarkers?: ReadonlyMap<string, NoteMarker>;
  terms?: readonly Term[];
  targeted?: ReadonlySet<string>;
  selected?: ReadonlySet<string>;
  onCopyLink: (id: string, event: MouseEvent) => void;
  /** Renders every row instead of a window of them: for printing and for measuring what that costs. */
  renderAll?: boolean;
  /** The message to bring into view (and focus, for j/k), rendering it first when it is far off. */
  reveal?: Reveal | null;
  /** Told once that message is in view. */
  onRevealed?: (reveal: Reveal) => void;
  /** Asked to bring a message that arrived while the reader was elsewhere into view. */
  onShowMessage?: (id: string) => void;
  /** Messages after this 1-based position are dimmed: the selected result had not seen them yet. */
  seenUpTo?: number | null;
};

/**
 * The transcript as a list inside a log region. Only the rows near the viewport are in the DOM
 * (the page scrolls, not the list); the list keeps the full height, so the scroll bar and the
 * page's length are those of the whole conversation.
 */
export function TimelineList({
  conversation,
  items,
  format,
  shown,
  matchesFor,
  currentFor,
  annotations = NO_ANNOTATIONS,
  noteMarkers = NO_NOTES,
  terms,
  targeted = NO_IDS,
  selected = NO_IDS,
  onCopyLink,
  renderAll = false,
  reveal = null,
  onRevealed,
  onShowMessage,
  seenUpTo = null,
}: TimelineProps) {
  const list = useRef<HTMLOListElement>(null);
  // Where the list starts on the page: what sits above it (header, toolbar) can change height.
  const scrollMargin = useScrollMargin(list);

  // One function per list of items: the virtualizer works out every row's place again (all 10,000
  // of them in a long conversation) whenever it is handed a new one.
  const getItemKey = useCallback((index: number) => items[index]!.key, [items]);
  const virtualizer = useWindowVirtualizer<HTMLLIElement>({
    count: items.length,
    enabled: !renderAll,
    estimateSize: (index) => estimate(items[index]!),
    getItemKey,
    measureElement: (element, _entry, instance) => measureRow(element, estimate(items[instance.indexFromElement(element)]!)),
    overscan: 6,
    // Rows from the first render (see initialRect), placed as if the list started at the top until it is measured.
    scrollMargin: scrollMargin ?? 0,
    // The window's size from the start, so the first render already has rows and the first layout
    // (the page's costliest) is done once, with them, instead of once without and again with.
    initialRect: typeof window === 'undefined' ? undefined : { width: window.innerWidth, height: window.innerHeight },
  });

  const indexOf = useMemo(() => new Map(items.map((item, index) => [item.key, index])), [items]);
  // The one place a reveal becomes scrolling. A far-off message is not in the DOM: the virtualizer
  // scrolls to its place (and keeps correcting as the rows on the way are measured), and once the
  // message is rendered it is scrolled into view exactly, and focused when asked.
  const pending = useRef<Reveal | null>(null);
  const held = useRef<{ id: string; block: Reveal['block']; until: number } | null>(null);
  const seen = useRef(0);
  useLayoutEffect(() => {
    // Each request once: new rows (a filter, a live conversation growing) do not scroll back to it.
    if (!reveal || reveal.seq === seen.current) return;
    const index = indexOf.get(reveal.id);
    if (index === undefined) return;
    seen.current = reveal.seq;
    pending.current = reveal;
    held.current = null;
    if (!renderAll && !document.getElementById(reveal.id)) {
      virtualizer.scrollToIndex(index, { align: reveal.block === 'center' ? 'center' : 'auto' });
    }
  }, [reveal, indexOf, renderAll, virtualizer]);
  // After every render (the virtualizer renders again as rows come into range and are measured):
  // the awaited message may now be in the DOM. Once it has been scrolled to, it is held in view for
  // a moment, while rows above it are measured and would push it away.
  useLayoutEffect(() => {
    const wanted = pending.current;
    const element = wanted && document.getElementById(wanted.id);
    if (wanted && element) {
      pending.current = null;
      if (wanted.focus) element.focus({ preventScroll: true });
      element.scrollIntoView({ block: wanted.block });
      held.current = { id: wanted.id, block: wanted.block, until: performance.now() + HOLD_MS };
      onRevealed?.(wanted);
      return;
    }
    const hold = held.current;
    if (!hold) return;
    if (performance.now() > hold.until) {
      held.current = null;
      return;
    }
    const shown = document.getElementById(hold.id);
    const box = shown?.getBoundingClientRect();
    if (shown && box && (box.top < 0 || box.bottom > window.innerHeight)) shown.scrollIntoView({ block: hold.block });
  });

  const lastIndex = items.length - 1;
  const scrollToEnd = useCallback(() => {
    if (lastIndex < 0) return;
    if (renderAll) list.current?.lastElementChild?.scrollIntoView({ block: 'end' });
    else virtualizer.scrollToIndex(lastIndex, { align: 'end' });
  }, [lastIndex, renderAll, virtualizer]);
  const { unseen, dismiss } = useFollowAlong({ list, items, size: conversation.communications.length, scrollToEnd });

  const rows = renderAll
    ? items.map((item, index) => ({ item, index, offset: null }))
    : virtualizer
        .getVirtualItems()
        .map(({ index, start }) => ({ item: items[index]!, index, offset: start - virtualizer.options.scrollMargin }));
  const measure = renderAll ? undefined : virtualizer.measureElement;
  const setSize = items.length;
  return (
    <div role="log" aria-labelledby="transcript-heading" aria-live="off" className="mt-3">
      <ol
        ref={list}
        className="relative pb-1"
        style={renderAll ? undefined : { height: virtualizer.getTotalSize() }}
        aria-label={`${conversation.communications.length} messages`}
      >
        {rows.map(({ item, index, offset }) => {
          const place = { index, setSize, offset, measure };
          switch (item.kind) {
            case 'day':
              return <DayDivider key={item.key} item={item} place={place} />;
            case 'gap':
              return <GapMarker key={item.key} item={item} place={place} />;
            case 'message': {
              const { id, content } = item.communication;
              return (
                <Message
                  key={item.key}
                  {...place}
                  item={item}
                  text={content.text ? shown(content.text) : null}
                  name={shown(item.participant.name)}
                  matches={matchesFor(id)}
                  current={currentFor(id)}
                  startedAt={conversation.createdAt}
                  format={format}
                  annotation={annotations.get(id)}
                  noteMarker={noteMarkers.get(id)}
                  terms={terms}
                  targeted={targeted.has(id)}
                  selected={selected.has(id)}
                  onCopyLink={onCopyLink}
                  unseen={
                    seenUpTo === null
                      ? null
                      : item.position <= seenUpTo
                        ? null
                        : item.position === seenUpTo + 1
                          ? 'first'
                          : 'rest'
                  }
                />
              );
            }
          }
        })}
      </ol>
      {unseen && onShowMessage && (
        <NewMessagesButton
          unseen={unseen}
          onShow={(id) => {
            dismiss();
            onShowMessage(id);
          }}
        />
      )}
    </div>
  );
}
