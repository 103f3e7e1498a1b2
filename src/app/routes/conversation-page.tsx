import { useEffect, useMemo } from 'react';
import { useLocation, useParams } from 'react-router';
import type { Conversation } from '../../api/conversation';
import { checkId } from '../../api/ids';
import { IdHeading } from '../../components/id-heading';
import { InvalidId } from '../../components/invalid-id';
import { PanelBoundary } from '../../components/panel-boundary';
import { QueryView } from '../../components/query-view';
import { useConversation } from '../../features/conversation/api';
import { ConversationHeader, UNTITLED } from '../../features/conversation/conversation-header';
import { ConversationSkeleton } from '../../features/conversation/conversation-skeleton';
import { buildDirectory } from '../../features/conversation/participant-directory';
import { ParticipantsPanel } from '../../features/conversation/participants-panel';
import { Timeline } from '../../features/conversation/timeline';
import { buildTimeline } from '../../features/conversation/timeline-model';
import { rememberConversation } from '../../features/lookup/recent';
import { OperatorResultLinks } from '../../features/operator-results/result-links';
import { useDocumentTitle } from '../../lib/use-document-title';

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
  const conversation = query.data;
  useDocumentTitle(
    conversation ? conversation.name?.trim() || UNTITLED : query.isPending ? 'Loading conversation' : 'Conversation not loaded',
  );
  useEffect(() => {
    if (conversation) rememberConversation(conversation.id, conversation.name?.trim() || null);
  }, [conversation]);
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

/** Opening `#<communication id>` scrolls to that message once it is on the page. */
function useScrollToHash(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.classList.add('target-highlight');
  }, [hash, ready]);
}

function ConversationLayout({ conversation }: { conversation: Conversation }) {
  const directory = useMemo(() => buildDirectory(conversation), [conversation]);
  const items = useMemo(() => buildTimeline(conversation, directory), [conversation, directory]);
  useScrollToHash(true);
  return (
    <div className="space-y-4">
      <PanelBoundary name="conversation details">
        <ConversationHeader conversation={conversation} />
      </PanelBoundary>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <aside aria-label="Participants and operator results" className="space-y-4 lg:order-2">
          <PanelBoundary name="participants">
            <ParticipantsPanel participants={directory.participants} />
          </PanelBoundary>
          <PanelBoundary name="operator results">
            <OperatorResultLinks ids={conversation.operatorResultIds} />
          </PanelBoundary>
        </aside>
        <div className="min-w-0 lg:order-1">
          <PanelBoundary name="transcript">
            <Timeline conversation={conversation} items={items} />
          </PanelBoundary>
        </div>
      </div>
    </div>
  );
}
