import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent, type RefObject } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { Conversation } from '../../api/conversation';
import { copyText } from '../../lib/clipboard';
import type { Term } from '../../lib/mark-terms';
import { redactText } from '../../lib/redact';
import { zoneFormat } from '../../lib/time';
import { usePrinting } from '../../lib/use-printing';
import { ExportMenu } from './export-menu';
import { ShortcutsDialog, useKeyboardShortcuts } from './keyboard-shortcuts';
import type { ParticipantDirectory } from './participant-directory';
import { TimelineList, type Annotation, type TimelineHandle } from './timeline';
import { buildTimeline, chronological, type MessageItem } from './timeline-model';
import { FindBar, ParticipantFilter, ViewOptions } from './transcript-toolbar';
import { useTranscriptSearch, type Hit, type Searchable } from './use-transcript-search';
import type { ViewChange, ViewState } from './view-state';

export const participantElementId = (id: string) => `participant-${id}`;

/** `#id` or `#first..last`: the messages a link points at, in time order. */
export function targetsOf(hash: string, orderedIds: readonly string[]): string[] {
  const [from, to = from] = decodeURIComponent(hash.replace(/^#/, '')).split('..');
  const a = orderedIds.indexOf(from ?? '');
  const b = orderedIds.indexOf(to ?? '');
  if (a === -1 || b === -1) return [];
  return orderedIds.slice(Math.min(a, b), Math.max(a, b) + 1);
}

export type TranscriptSectionProps = {
  conversation: Conversation;
  directory: ParticipantDirectory;
  view: ViewState;
  change: (change: ViewChange) => void;
  annotations?: ReadonlyMap<string, Annotation>;
  terms?: readonly Term[];
  /** Told which match the find bar is on (null when none), e.g. to mark one outside the transcript. */
  onCurrentHit?: (hit: Hit | null) => void;
  /**
   * Told when someone steps to a match (next, previous: the arrows, Enter, `n`/`N`), e.g. to show
   * the tab it is in. Not when typing changes the match: that must not take the find box away.
   */
  onStepToHit?: (hit: Hit) => void;
  /** How the page points at messages (evidence); the section uses it for find, links and keys. */
  timeline?: RefObject<TimelineHandle | null>;
};

export function TranscriptSection({
  conversation,
  directory,
  view,
  change,
  annotations,
  terms,
  onCurrentHit,
  onStepToHit,
  timeline: outerTimeline,
}: TranscriptSectionProps) {
  const ownTimeline = useRef<TimelineHandle>(null);
  const timeline = outerTimeline ?? ownTimeline;
  const renderAll = useRenderAll();
  const format = zoneFormat(view.zone);
  const items = useMemo(
    () => buildTimeline(conversation, directory, { format, hidden: view.hidden }),
    [conversation, directory, format, view.hidden],
  );
  const messages = useMemo(() => items.filter((item): item is MessageItem => item.kind === 'message'), [items]);
  const orderedIds = useMemo(() => chronological(conversation.communications).map((c) => c.id), [conversation]);
  const shownText = useCallback((text: string) => (view.redact ? redactText(text) : text), [view.redact]);

  // What the find bar searches: participants' names and addresses, then the visible messages, as
  // shown. Gathered only once someone searches.
  const searchable = useCallback(() => {
    const texts: Searchable[] = [];
    for (const participant of directory.participants) {
      const elementId = participantElementId(participant.id);
      texts.push({ key: `${participant.id}:name`, text: shownText(participant.name), elementId });
      participant.addressValues.forEach((address, i) =>
        texts.push({ key: `${participant.id}:address:${i}`, text: shownText(address), elementId }),
      );
    }
    for (const { communication } of messages) {
      const text = communication.content.text;
      if (text) texts.push({ key: communication.id, text: shownText(text), elementId: communication.id });
    }
    return texts;
  }, [directory, messages, shownText]);
  const found = useTranscriptSearch(view.query, searchable);
  const stepped = (hit: Hit | null) => {
    if (hit) onStepToHit?.(hit);
  };
  const search = { ...found, next: () => stepped(found.next()), previous: () => stepped(found.previous()) };

  // Bring the current match into view, and say where it is. On the next frame: a keystroke in the
  // find box ends with the browser scrolling the box's caret into view, which would undo a scroll
  // made while the keystroke is still being handled.
  const current = search.current;
  useEffect(() => {
    onCurrentHit?.(current);
    if (!current) return;
    const frame = requestAnimationFrame(() => {
      if (current.key === current.elementId) timeline.current?.reveal(current.elementId);
      else document.getElementById(current.elementId)?.scrollIntoView({ block: 'center' });
    });
    return () => cancelAnimationFrame(frame);
  }, [current, onCurrentHit, timeline]);

  // Links to a message or a range: scroll there and mark it so it cannot be missed.
  const { hash } = useLocation();
  const targeted = useMemo(() => new Set(targetsOf(hash, orderedIds)), [hash, orderedIds]);
  const firstTarget = targeted.size > 0 ? orderedIds.find((id) => targeted.has(id)) : undefined;
  useEffect(() => {
    if (firstTarget) timeline.current?.reveal(firstTarget);
  }, [firstTarget, timeline]);

  // Copy a link to a message; Shift-click a second one for the range between them.
  const [selection, setSelection] = useState<{ anchor: string; ids: ReadonlySet<string> } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // The log itself is quiet (rows come and go as the page scrolls); what a refresh of a live
  // conversation brings is announced instead.
  const total = conversation.communications.length;
  const [counted, setCounted] = useState(total);
  if (counted !== total) {
    setCounted(total);
    if (total > counted) setAnnouncement(total - counted === 1 ? '1 new message' : `${total - counted} new messages`);
  }
  const onCopyLink = useCallback(
    (id: string, event: MouseEvent) => {
      const anchor = event.shiftKey && selection ? selection.anchor : id;
      const ids = targetsOf(`#${anchor}..${id}`, orderedIds);
      const first = ids[0]!;
      const last = ids.at(-1)!;
      const fragment = first === last ? first : `${first}..${last}`;
      const link = `${window.location.origin}${window.location.pathname}${window.location.search}#${fragment}`;
      setSelection({ anchor, ids: new Set(ids) });
      const position = (x: string) => orderedIds.indexOf(x) + 1;
      copyText(link).then(
        () =>
          setAnnouncement(
            first === last
              ? `Link to message ${position(first)} copied`
              : `Link to messages ${position(first)}–${position(last)} copied`,
          ),
        () => setAnnouncement('Copy failed: the browser blocked the clipboard'),
      );
    },
    [orderedIds, selection],
  );

  const findInput = useRef<HTMLInputElement>(null);
  // The find box keeps its own text: the URL follows it, but a URL change is an asynchronous
  // navigation, and a box driven by it would drop keystrokes. The URL flows back only when it
  // changes from elsewhere (back and forward, a pasted link).
  useEffect(() => {
    const box = findInput.current;
    if (box && box.value !== view.query && document.activeElement !== box) box.value = view.query;
  }, [view.query]);
  const shortcuts = useRef<HTMLDialogElement>(null);
  useKeyboardShortcuts({
    find: () => findInput.current?.focus(),
    nextMatch: search.next,
    previousMatch: search.previous,
    nextMessage: () => timeline.current?.step(1),
    previousMessage: () => timeline.current?.step(-1),
    escape: () => {
      if (view.query) {
        if (findInput.current) findInput.current.value = '';
        change({ query: '' });
      } else setSelection(null);
    },
    help: () => shortcuts.current?.showModal(),
  });

  const hiddenCount = total - messages.length;
  return (
    <section
      aria-labelledby="transcript-heading"
      className="rounded-xl border border-slate-200 bg-slate-50/60 p-3 sm:p-5 dark:border-slate-700 dark:bg-slate-950/40 print:border-0 print:p-0"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="transcript-heading" className="text-base font-semibold text-slate-950 dark:text-white">
          Transcript
        </h2>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {hiddenCount > 0
            ? `${messages.length.toLocaleString()} of ${total.toLocaleString()} messages shown · ${hiddenCount.toLocaleString()} hidden by filters`
            : `${total.toLocaleString()} ${total === 1 ? 'message' : 'messages'}`}{' '}
          · times in {format.zoneName}, UTC on hover
        </p>
      </div>
      <div className="mt-3 space-y-2 print:hidden">
        <FindBar view={view} change={change} search={search} input={findInput} />
        <ParticipantFilter participants={directory.participants} view={view} change={change} />
        <ViewOptions view={view} change={change}>
          <ExportMenu conversation={conversation} view={view} />
          <button
            type="button"
            onClick={() => shortcuts.current?.showModal()}
            className="text-xs font-medium text-sky-800 underline dark:text-sky-300"
            aria-keyshortcuts="?"
          >
            Keyboard shortcuts
          </button>
        </ViewOptions>
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {total === 0 ? (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">This conversation has no communications yet.</p>
      ) : messages.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">Every message is hidden by the participant filters.</p>
      ) : (
        <TimelineList
          conversation={conversation}
          items={items}
          format={format}
          shown={shownText}
          matchesFor={search.matchesFor}
          currentFor={search.currentFor}
          annotations={annotations}
          terms={terms}
          targeted={targeted}
          selected={selection?.ids}
          onCopyLink={onCopyLink}
          renderAll={renderAll}
          handle={timeline}
        />
      )}
      <ShortcutsDialog dialog={shortcuts} />
    </section>
  );
}

/**
 * Whether to render every message rather than the ones near the viewport: while printing (the
 * whole transcript goes on paper), and with `?render=all`, which exists to measure what
 * virtualization saves.
 */
function useRenderAll(): boolean {
  const [searchParams] = useSearchParams();
  const printing = usePrinting();
  return printing || searchParams.get('render') === 'all';
}
