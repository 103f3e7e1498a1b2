import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { checkId } from '../../api/ids';
import { IdHeading } from '../../components/id-heading';
import { InvalidId } from '../../components/invalid-id';
import { QueryView } from '../../components/query-view';
import { useConversation } from '../../features/conversation/api';
import { ConversationSkeleton } from '../../features/conversation/conversation-skeleton';
import { useLivePolling } from '../../features/conversation/use-live-polling';
import { useViewState } from '../../features/conversation/view-state';
import { useListWalk } from '../../features/inbox/list-walk';
import { rememberConversation } from '../../features/lookup/recent';
import { conversationResultsQueryOptions } from '../../features/operator-results/api';
import { UNTITLED_CONVERSATION } from '../../lib/conversation-title';
import { redactText } from '../../lib/redact';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ConversationLayout } from './conversation-layout';

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
  useLivePolling(id, query.data !== undefined);
  // The results are listed by conversation ID, so they are asked for alongside the conversation.
  const queryClient = useQueryClient();
  useEffect(() => {
    void queryClient.prefetchQuery(conversationResultsQueryOptions(id));
  }, [queryClient, id]);
  const conversation = query.data;
  const walk = useListWalk(id);
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
    <>
      {walk?.bar}
      <QueryView
        query={query}
        subject="conversation"
        loading={<ConversationSkeleton />}
        heading={<IdHeading title="Conversation" id={id} />}
      >
        {(data) => <ConversationLayout conversation={data} onReviewed={walk?.nextUnreviewed} />}
      </QueryView>
    </>
  );
}
