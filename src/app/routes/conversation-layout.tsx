import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Conversation } from '../../api/conversation';
import type { OperatorResult } from '../../api/operator-result';
import type { ReviewStatusAnswer } from '../../api/review-answers';
import { PanelBoundary } from '../../components/panel-boundary';
import { Tabs } from '../../components/tabs';
import { ConversationHeader } from '../../features/conversation/conversation-header';
import { buildDirectory } from '../../lib/participant-directory';
import { LiveNotice } from '../../features/conversation/live-notice';
import { ParticipantsPanel } from '../../features/conversation/participants-panel';
import { useRevealState } from '../../features/conversation/reveal';
import type { Annotation } from '../../features/conversation/timeline';
import { TranscriptSection } from '../../features/conversation/transcript-section';
import type { Hit } from '../../features/conversation/use-transcript-search';
import { useLiveViewState } from '../../features/conversation/view-state';
import { ResultStrip } from '../../features/operator-results/result-strip';
import { countResults, ResultsPanel } from '../../features/operator-results/results-panel';
import { useConversationResults } from '../../features/operator-results/use-conversation-results';
import { useReferencesFor } from '../../features/operator-results/use-references-for';
import { useSelectedResult } from '../../features/operator-results/use-selected-result';
import { ExportMenu } from '../../features/transcript-export/export-menu';
import { ResultVerdicts } from '../../features/reviews/result-verdicts';
import { ReviewKeyStatus, useConversationReview } from './conversation-review';
import { redactText } from '../../lib/redact';
import { useMediaQuery } from '../../lib/use-media-query';
import { LIST_WALK_SHORTCUTS, openedFromList } from '../../features/inbox/list-walk-keys';

type Section = 'transcript' | 'results' | 'participants' | 'review';

/**
 * A loaded conversation: its header, the transcript, the operator results and the participants,
 * side by side on wide screens and in tabs on phones. Wires the features together: a selected
 * result marks its evidence in the transcript, a marker leads back to its result, a find match
 * in a participant's name is marked in the participants panel. Opened from a list, the review's
 * `r` goes on to the list's next unreviewed conversation.
 */
export function ConversationLayout({
  conversation,
  onReviewed,
}: {
  conversation: Conversation;
  /** Opened from a list: `r` goes on to its next unreviewed conversation (returns what to say). */
  onReviewed?: (written: ReviewStatusAnswer) => string;
}) {
  const wide = useMediaQuery('(min-width: 1024px)');
  const [section, setSection] = useState<Section>('transcript');
  const directory = useMemo(() => buildDirectory(conversation), [conversation]);
  const [view, change] = useLiveViewState();
  const shown = useCallback((text: string) => (view.redact ? redactText(text) : text), [view.redact]);
  const [reveal, requestReveal] = useRevealState();
  const [currentHit, setCurrentHit] = useState<Hit | null>(null);
  // On phones, stepping to a match shows the tab it is in. Typing never does: the find box is in
  // the Transcript tab, and a participant matching the first letters would take it away mid-word.
  const onStepToHit = useCallback(
    (hit: Hit) => {
      if (!wide) setSection(hit.target.kind === 'message' ? 'transcript' : 'participants');
    },
    [wide],
  );

  // `[` / `]` only when the conversation was opened from the inbox, where they step through its list.
  const [params] = useSearchParams();
  const walksList = openedFromList(params);

  const results = useConversationResults(conversation);
  const { selectedId, select, evidenceFor, evidence, operatorName, terms } = useSelectedResult(conversation, results);
  const referencesFor = useReferencesFor(conversation, shown);
  const { markSeen } = results;
  const selectAndShow = useCallback(
    (id: string | null) => {
      select(id);
      if (id) {
        markSeen(id);
        setSection('transcript');
      }
    },
    [select, markSeen],
  );
  // A marker on a message leads back to its result in the panel (on phones, in the Results tab).
  const [resultFocus, setResultFocus] = useState<{ id: string; seq: number } | null>(null);
  const annotations = useMemo(() => {
    const map = new Map<string, Annotation>();
    if (!evidence || !selectedId) return map;
    const onOpen = () => {
      setSection('results');
      setResultFocus((previous) => ({ id: selectedId, seq: (previous?.seq ?? 0) + 1 }));
    };
    for (const id of evidence.range) map.set(id, { kind: 'range', label: operatorName, onOpen });
    for (const id of evidence.references) map.set(id, { kind: 'reference', label: operatorName, onOpen });
    return map;
  }, [evidence, operatorName, selectedId]);

  // The evidence comes into view when a result is selected (or a ?result= link opened), and on
  // phones again when the transcript's tab is shown; on wide screens a tab change means nothing.
  const firstEvidence = evidence?.firstId ?? null;
  const visibleSection = wide ? null : section;
  useEffect(() => {
    if (firstEvidence) requestReveal(firstEvidence, 'evidence');
  }, [firstEvidence, selectedId, visibleSection, requestReveal]);

  const reviewFor = useCallback(
    (result: OperatorResult) => (
      <PanelBoundary name="verdicts">
        <ResultVerdicts conversationId={conversation.id} result={result} />
      </PanelBoundary>
    ),
    [conversation.id],
  );

  const review = useConversationReview({
    conversation,
    requestReveal,
    show: setSection,
    selectedResultId: selectedId,
    redact: view.redact,
    onReviewed,
  });
  const reviewPanel = <PanelBoundary name="review">{review.panel}</PanelBoundary>;
  const moreShortcuts = useMemo(
    () => [...(walksList ? LIST_WALK_SHORTCUTS : []), ...review.shortcuts],
    [walksList, review.shortcuts],
  );

  const header = (
    <PanelBoundary name="conversation details">
      <ConversationHeader conversation={conversation} redact={view.redact} />
      <LiveNotice conversation={conversation} />
    </PanelBoundary>
  );
  // A result that ran part-way through (a live conversation's operators) had not seen what followed.
  const coverage = evidence?.coverage;
  const seenUpTo = coverage && coverage.to < coverage.total ? coverage.to : null;
  const loadedResults = useMemo(
    () => results.entries.flatMap((entry) => (entry.kind === 'result' ? [entry.result] : [])),
    [results.entries],
  );
  const strip = (
    <PanelBoundary name="results over time">
      <ResultStrip
        conversation={conversation}
        results={loadedResults}
        selectedId={selectedId}
        onSelect={selectAndShow}
        hidden={view.hidden}
        shown={shown}
        verdicts={review.verdictTallies}
      />
    </PanelBoundary>
  );
  const transcript = (
    <PanelBoundary name="transcript">
      <TranscriptSection
        {...{ conversation, directory, view, change, annotations, terms, reveal, requestReveal, onStepToHit, strip, seenUpTo }}
        onCurrentHit={setCurrentHit}
        noteMarkers={review.noteMarkers}
        moreShortcuts={moreShortcuts}
        tools={
          <ExportMenu
            conversation={conversation}
            hiddenParticipantIds={view.hidden}
            redact={view.redact}
            timeZone={view.zone}
            review={review.data}
          />
        }
      />
    </PanelBoundary>
  );
  const resultsPanel = (
    <PanelBoundary name="operator results">
      <ResultsPanel
        {...{ results, selectedId, evidenceFor, referencesFor }}
        onSelect={selectAndShow}
        focus={resultFocus}
        onFocused={() => setResultFocus(null)}
        reviewFor={reviewFor}
      />
    </PanelBoundary>
  );
  const participants = (
    <PanelBoundary name="participants">
      <ParticipantsPanel participants={directory.participants} query={view.query} redact={view.redact} current={currentHit} />
    </PanelBoundary>
  );

  if (!wide) {
    return (
      <div className="space-y-4">
        {header}
        <Tabs
          label="Conversation sections"
          active={section}
          onChange={setSection}
          tabs={[
            { key: 'transcript', label: 'Transcript', panel: transcript },
            { key: 'results', label: `Results (${countResults(results.entries).rows})`, panel: resultsPanel },
            { key: 'participants', label: `People (${directory.participants.length})`, panel: participants },
            { key: 'review', label: `Review (${review.liveNotes})`, panel: reviewPanel },
          ]}
        />
        <ReviewKeyStatus message={review.keyStatus} />
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {header}
      <div className="grid grid-cols-[minmax(0,1fr)_24rem] items-start gap-4 print:block">
        <div className="min-w-0">{transcript}</div>
        <aside
          aria-label="Operator results and participants"
          className="sticky top-4 max-h-[calc(100dvh-2rem)] space-y-4 overflow-y-auto print:hidden"
        >
          {reviewPanel}
          {resultsPanel}
          {participants}
        </aside>
      </div>
      <ReviewKeyStatus message={review.keyStatus} />
    </div>
  );
}
