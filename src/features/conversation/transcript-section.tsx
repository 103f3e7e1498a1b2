import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { Conversation } from '../../api/conversation';
import type { Term } from '../../lib/mark-terms';
import { redactText } from '../../lib/redact';
import { zoneFormat } from '../../lib/time';
import { usePrinting } from '../../lib/use-printing';
import { ShortcutsDialog, useKeyboardShortcuts } from './keyboard-shortcuts';
import type { ParticipantDirectory } from '../../lib/participant-directory';
import type { RequestReveal, Reveal } from './reveal';
import { TimelineList, type Annotation, type NoteMarker } from './timeline';
import { chronological } from '../../lib/chronological';
import { buildTimeline, type MessageItem } from './timeline-model';
import { FindBar, ParticipantFilter, ViewOptions } from './transcript-toolbar';
import { useMessageLinks } from './use-message-links';
import { useMessageSteps } from './use-message-steps';
import { useTranscriptFind } from './use-transcript-find';
import type { Hit } from './use-transcript-search';
import type { ViewChange, ViewState } from './view-state';

export type TranscriptSectionProps = {
  conversation: Conversation;
  directory: ParticipantDirectory;
  view: ViewState;
  change: (change: ViewChange) => void;
  annotations?: ReadonlyMap<string, Annotation>;
  /** Reviewers' notes, by the message they are pinned to. */
  noteMarkers?: ReadonlyMap<string, NoteMarker>;
  /** More keys to list in the shortcuts dialog (the reviewer's). */
  moreShortcuts?: ReadonlyArray<readonly [keys: string, what: string]>;
  terms?: readonly Term[];
  /** The message to bring into view, and why (find, a link, evidence, j/k): the timeline follows it. */
  reveal: Reveal | null;
  requestReveal: RequestReveal;
  /** Told which match the find bar is on (null when none), e.g. to mark one outside the transcript. */
  onCurrentHit?: (hit: Hit | null) => void;
  /**
   * Told when someone steps to a match (next, previous: the arrows, Enter, `n`/`N`), e.g. to show
   * the tab it is in. Not when typing changes the match: that must not take the find box away.
   */
  onStepToHit?: (hit: Hit) => void;
  /** Tools the page adds beside the view options (the export menu): other features, wired in by the app. */
  tools?: ReactNode;
  /** Shown between the toolbar and the transcript: how results changed over the conversation. */
  strip?: ReactNode;
  /** Messages after this 1-based position are dimmed: the selected result had not seen them. */
  seenUpTo?: number | null;
};

/** The transcript: its heading and counts, the find bar and view options, and the timeline. */
export function TranscriptSection({
  conversation,
  directory,
  view,
  change,
  annotations,
  noteMarkers,
  moreShortcuts,
  terms,
  reveal,
  requestReveal,
  onCurrentHit,
  onStepToHit,
  tools,
  strip,
  seenUpTo = null,
}: TranscriptSectionProps) {
  const renderAll = useRenderAll();
  const format = zoneFormat(view.zone);
  const items = useMemo(
    () => buildTimeline(conversation, directory, { format, hidden: view.hidden }),
    [conversation, directory, format, view.hidden],
  );
  const messages = useMemo(() => items.filter((item): item is MessageItem => item.kind === 'message'), [items]);
  const messageIds = useMemo(() => messages.map((item) => item.communication.id), [messages]);
  // Named by the conversation's own times, not today's: a September call in New York is in EDT.
  const zoneNames = useMemo(() => {
    const ends = [messages[0], messages.at(-1)].flatMap((item) =>
      item ? [format.zoneNameAt(item.communication.createdAt)] : [],
    );
    return [...new Set(ends)].join('/') || format.zoneName;
  }, [messages, format]);
  const orderedIds = useMemo(() => chronological(conversation.communications).map((c) => c.id), [conversation]);
  const shown = useCallback((text: string) => (view.redact ? redactText(text) : text), [view.redact]);

  const [announcement, announce] = useState('');
  // The log itself is quiet (rows come and go as the page scrolls); what a refresh of a live
  // conversation brings is announced instead.
  const total = conversation.communications.length;
  const [counted, setCounted] = useState(total);
  if (counted !== total) {
    setCounted(total);
    if (total > counted) announce(total - counted === 1 ? '1 new message' : `${total - counted} new messages`);
  }

  const search = useTranscriptFind({
    query: view.query,
    directory,
    messages,
    shown,
    requestReveal,
    onCurrentHit,
    onStepToHit,
  });
  const links = useMessageLinks(orderedIds, requestReveal, announce);
  const steps = useMessageSteps(messageIds, requestReveal);

  const showMessage = useCallback((id: string) => requestReveal(id, 'new', { focus: true }), [requestReveal]);

  const shortcuts = useRef<HTMLDialogElement>(null);
  useKeyboardShortcuts({
    find: () => search.input.current?.focus(),
    nextMatch: search.next,
    previousMatch: search.previous,
    nextMessage: () => steps.step(1),
    previousMessage: () => steps.step(-1),
    escape: () => {
      if (view.query) {
        search.clearBox();
        change({ query: '' });
      } else links.clearSelection();
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
          · times in {zoneNames}, UTC on hover
        </p>
      </div>
      <div className="mt-3 space-y-2 print:hidden">
        <FindBar view={view} change={change} search={search} input={search.input} />
        <ParticipantFilter participants={directory.participants} view={view} change={change} />
        <ViewOptions view={view} change={change}>
          {tools}
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
      {strip}
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
          shown={shown}
          matchesFor={search.messageMatches}
          currentFor={search.messageCurrent}
          annotations={annotations}
          noteMarkers={noteMarkers}
          terms={terms}
          targeted={links.targeted}
          selected={links.selected}
          onCopyLink={links.onCopyLink}
          renderAll={renderAll}
          reveal={reveal}
          onRevealed={steps.onRevealed}
          onShowMessage={showMessage}
          seenUpTo={seenUpTo}
        />
      )}
      <ShortcutsDialog dialog={shortcuts} more={moreShortcuts} />
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
