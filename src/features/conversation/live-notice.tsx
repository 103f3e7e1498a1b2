import { useState } from 'react';
import type { Conversation } from '../../api/conversation';
import { statusInWords } from '../../components/conversation-badges';

/**
 * Says that an ACTIVE conversation ended while the reader had it open, and that results written at
 * its end (a summary, a final sentiment) are on their way. Nothing for a conversation that was
 * already over when the page opened.
 */
export function LiveNotice({ conversation }: { conversation: Conversation }) {
  const [previous, setPrevious] = useState(conversation.status);
  const [endedAs, setEndedAs] = useState<string | null>(null);
  if (previous !== conversation.status) {
    setPrevious(conversation.status);
    setEndedAs(previous === 'ACTIVE' && conversation.status !== 'ACTIVE' ? conversation.status : null);
  }
  const live = conversation.status === 'ACTIVE';
  return (
    <p role="status" className={endedAs || live ? 'text-sm text-slate-700 dark:text-slate-300' : 'sr-only'}>
      {endedAs
        ? `This conversation ended while you were reading: it is now ${statusInWords(endedAs)}. Results written at its end appear in the panel as they arrive.`
        : live
          ? 'Live: new messages and results appear as they arrive.'
          : ''}
    </p>
  );
}
