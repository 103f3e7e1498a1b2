import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Conversation } from '../../api/conversation';
import type { OperatorResult } from '../../api/operator-result';
import type { ReviewStatusAnswer } from '../../api/review-answers';
import { PanelBoundary } from '../../components/panel-boundary';
import { ConversationHeader } from '../../features/conversation/conversation-header';
import { buildDirectory } from '../../lib/participant-directory';
import { LiveNotice } from '../../features/conversation/live-notice';
import { ParticipantsPanel } from '../../features/conversation/participants-panel';
import { useRevealState } from '../../features/conversation/reveal';
import { TranscriptSection } from '../../features/conversation/transcript-section';
import type { Hit } from '../../features/conversation/use-transcript-search';
import { useLiveViewState } from '../../features/conversation/view-state';
import { ResultStrip } from '../../features/operator-results/result-strip';
import { countResults, ResultsPanel } from '../../features/operator-results/results-panel';
import { useConversationResults } from '../../features/operator-results/use-conversation-results';
import { useReferencesFor } from '../../features/operator-results/use-references-for';
import { ExportMenu } from '../../features/transcript-export/export-menu';
import { ResultVerdicts } from '../../features/reviews/result-verdicts';
import { ReviewKeyStatus, useConversationReview } from './conversation-review';
import { ConversationSections, type Section } from './conversation-sections';
import { useResultEvidence } from './use-result-evidence';
import { redactText } from '../../lib/redact';
import { useMediaQuery } from '../../lib/use-media-query';
import { LIST_WALK_SHORTCUTS, openedFromList } from '../../features/inbox/list-walk-keys';

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
  const { selectedId, select, evidenceFor, terms, annotations, focus, clearFocus, seenUpTo } = useResultEvidence({
    conversation,
    results,
    requestReveal,
    show: setSection,
    visibleSection: wide ? null : section,
  });
  const referencesFor = useReferencesFor(conversation, shown);

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
        onSelect={select}
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
        onSelect={select}
        focus={focus}
        onFocused={clearFocus}
        reviewFor={reviewFor}
      />
    </PanelBoundary>
  );
  const participants = (
    <PanelBoundary name="participants">
      <ParticipantsPanel participants={directory.participants} query={view.query} redact={view.redact} current={currentHit} />
    </PanelBoundary>
  );

  return (
    <ConversationSections
      {...{ wide, section, header, transcript }}
      onSection={setSection}
      results={{ node: resultsPanel, count: countResults(results.entries).rows }}
      participants={{ node: participants, count: directory.participants.length }}
      review={{ node: reviewPanel, count: review.liveNotes }}
      footer={<ReviewKeyStatus message={review.keyStatus} />}
    />
  );
}
