import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router';
import type { Conversation } from '../../api/conversation';
import { checkId } from '../../api/ids';
import { IdHeading } from '../../components/id-heading';
import { InvalidId } from '../../components/invalid-id';
import { PanelBoundary } from '../../components/panel-boundary';
import { QueryView } from '../../components/query-view';
import { Tabs } from '../../components/tabs';
import { useConversation } from '../../features/conversation/api';
import { ConversationHeader } from '../../features/conversation/conversation-header';
import { ConversationSkeleton } from '../../features/conversation/conversation-skeleton';
import { buildDirectory, type ParticipantDirectory } from '../../features/conversation/participant-directory';
import { ParticipantsPanel } from '../../features/conversation/participants-panel';
import type { Annotation, TimelineHandle } from '../../features/conversation/timeline';
import { TranscriptSection } from '../../features/conversation/transcript-section';
import type { Hit } from '../../features/conversation/use-transcript-search';
import { useLiveViewState, useViewState } from '../../features/conversation/view-state';
import { chronological } from '../../features/conversation/timeline-model';
import { rememberConversation } from '../../features/lookup/recent';
import { conversationResultsQueryOptions, useOperator } from '../../features/operator-results/api';
import { ReferenceList } from '../../features/operator-results/reference-list';
import { classifyReferences, evidenceLocator } from '../../features/operator-results/result-summary';
import { resultRowId, ResultsPanel } from '../../features/operator-results/results-panel';
import { useConversationResults, type ConversationResults } from '../../features/operator-results/use-conversation-results';
import { viewResult, type OperatorResult } from '../../api/operator-result';
import type { Term } from '../../lib/mark-terms';
import { UNTITLED_CONVERSATION } from '../../lib/conversation-title';
import { redactText } from '../../lib/redact';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useMediaQuery } from '../../lib/use-media-query';

export function Component() {
  const { conversationId = '' } = useParams();
  const check = checkId('conversation', conversationId);
  if (!check.ok) return <InvalidIdPage value={conversationId} problem={check.problem} />;
  return <ConversationView key={check.id} id={check.id} />;
}

function InvalidIdPage({ value, problem }: { value: string; problem: string }) {
  useDocumentTitle('Invalid conversation ID');
  return <InvalidId label="conversation ID" value={value} problem={problem} />;
}

function ConversationView({ id }: { id: string }) {
  const query = useConversation(id);
  // The results are listed by conversation ID, so they are asked for alongside the conversation.
  const queryClient = useQueryClient();
  useEffect(() => {
    void queryClient.prefetchQuery(conversationResultsQueryOptions(id));
  }, [queryClient, id]);
  const conversation = query.data;
  const [{ redact }] = useViewState();
  // The name as shown: redacted too when redaction is on (it can hold a phone number).
  const name = conversation?.name?.trim() ? (redact ? redactText(conversation.name.trim()) : conversation.name.trim()) : null;
  useDocumentTitle(
    conversation ? name || UNTITLED_CONVERSATION : query.isPending ? 'Loading conversation' : 'Conversation not loaded',
  );
  useEffect(() => {
    if (conversation) rememberConversation(conversation.id, name);
  }, [conversation, name]);
  return (
    <QueryView
      query={query}
      subject="conversation"
      loading={<ConversationSkeleton />}
      heading={<IdHeading title="Conversation" id={id} />}
    >
      {(data) => <ConversationLayout conversation={data} />}
    </QueryView>
  );
}

type Section = 'transcript' | 'results' | 'participants';

/** The selected operator result (`?result=`), what it rests on, and how the transcript shows it. */
function useSelectedResult(conversation: Conversation, results: ConversationResults, showResult: (id: string) => void) {
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('result');
  const selectedId = requested !== null && requested !== '' ? requested : null;
  const select = useCallback(
    (id: string | null) =>
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (id) next.set('result', id);
          else next.delete('result');
          return next;
        },
        { replace: true, preventScrollReset: true },
      ),
    [setSearchParams],
  );

  const evidenceFor = useMemo(() => evidenceLocator(chronological(conversation.communications)), [conversation]);

  const result = selectedId !== null ? results.resultOf(selectedId) : undefined;
  const operatorName = useOperator(result?.operator.id).data?.displayName?.trim() || result?.operator.id || '';
  const evidence = result ? evidenceFor(result) : null;

  const annotations = useMemo(() => {
    const map = new Map<string, Annotation>();
    if (!evidence || !selectedId) return map;
    const onOpen = () => showResult(selectedId);
    for (const id of evidence.range) map.set(id, { kind: 'range', label: operatorName, onOpen });
    for (const id of evidence.references) map.set(id, { kind: 'reference', label: operatorName, onOpen });
    return map;
  }, [evidence, operatorName, selectedId, showResult]);

  const terms = useMemo<Term[] | undefined>(() => {
    if (!result) return undefined;
    const view = viewResult(result);
    return view.format === 'EXTRACTION' ? view.entities.map((entity) => ({ text: entity.text, label: entity.label })) : undefined;
  }, [result]);

  return { selectedId, select, evidenceFor, evidence, annotations, terms };
}

/** What a result refers to, shown under it in the panel: messages link to themselves, the rest is text. */
function useReferencesFor(conversation: Conversation, directory: ParticipantDirectory) {
  const { search } = useLocation();
  return useMemo(() => {
    const positions = new Map(chronological(conversation.communications).map((c, i) => [c.id, i + 1]));
    const listed = new Set(directory.participants.map((participant) => participant.id));
    const lookup = {
      messagePosition: (id: string) => positions.get(id),
      hasParticipant: (id: string) => listed.has(id),
    };
    const participantName = (id: string) => directory.get(id).name;
    return (result: OperatorResult) => {
      const references = classifyReferences(result.referenceIds, lookup);
      if (references.length === 0) return null;
      return (
        <div>
          <p className="mb-1 font-medium text-slate-700 dark:text-slate-300">It refers to</p>
          <ReferenceList references={references} messageLink={(id) => ({ search, hash: id })} participantName={participantName} />
        </div>
      );
    };
  }, [conversation, directory, search]);
}

function ConversationLayout({ conversation }: { conversation: Conversation }) {
  const wide = useMediaQuery('(min-width: 1024px)');
  const [section, setSection] = useState<Section>('transcript');
  // A marker on a message leads back to its result in the panel (on phones, in the Results tab).
  const showResult = useCallback((id: string) => {
    setSection('results');
    requestAnimationFrame(() => {
      const row = document.getElementById(resultRowId(id));
      row?.scrollIntoView({ block: 'nearest' });
      row?.focus();
    });
  }, []);
  const directory = useMemo(() => buildDirectory(conversation), [conversation]);
  const timeline = useRef<TimelineHandle>(null);
  const [view, change] = useLiveViewState();
  // The match the find bar is on, marked in the participants panel when it is there.
  const [currentHit, setCurrentHit] = useState<Hit | null>(null);
  // On phones, stepping to a match shows the tab it is in. Typing never does: the find box is in
  // the Transcript tab, and a participant matching the first letters would take it away mid-word.
  const onStepToHit = useCallback(
    (hit: Hit) => {
      if (!wide) setSection(hit.key.includes(':') ? 'participants' : 'transcript');
    },
    [wide],
  );
  const results = useConversationResults(conversation);
  const { selectedId, select, evidenceFor, evidence, annotations, terms } = useSelectedResult(conversation, results, showResult);
  const referencesFor = useReferencesFor(conversation, directory);

  const selectAndShow = useCallback(
    (id: string | null) => {
      select(id);
      if (id) setSection('transcript');
    },
    [select],
  );

  // Bring the evidence into view when a result is selected (or a ?result= link is opened).
  const firstEvidence = evidence?.firstId ?? null;
  // On phones the transcript may have been in a hidden tab; on wide screens a tab change means nothing.
  const visibleSection = wide ? null : section;
  useEffect(() => {
    if (firstEvidence) timeline.current?.reveal(firstEvidence);
  }, [firstEvidence, selectedId, visibleSection]);

  const header = (
    <PanelBoundary name="conversation details">
      <ConversationHeader conversation={conversation} redact={view.redact} />
    </PanelBoundary>
  );
  const transcript = (
    <PanelBoundary name="transcript">
      <TranscriptSection
        conversation={conversation}
        directory={directory}
        view={view}
        change={change}
        annotations={annotations}
        terms={terms}
        onCurrentHit={setCurrentHit}
        onStepToHit={onStepToHit}
        timeline={timeline}
      />
    </PanelBoundary>
  );
  const resultsPanel = (
    <PanelBoundary name="operator results">
      <ResultsPanel
        results={results}
        selectedId={selectedId}
        onSelect={selectAndShow}
        evidenceFor={evidenceFor}
        referencesFor={referencesFor}
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
            { key: 'results', label: `Results (${results.entries.length})`, panel: resultsPanel },
            { key: 'participants', label: `People (${directory.participants.length})`, panel: participants },
          ]}
        />
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
          {resultsPanel}
          {participants}
        </aside>
      </div>
    </div>
  );
}
