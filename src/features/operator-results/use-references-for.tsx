import { useMemo } from 'react';
import { useLocation } from 'react-router';
import type { Conversation } from '../../api/conversation';
import type { OperatorResult } from '../../api/operator-result';
import { chronological } from '../../lib/chronological';
import { ReferenceList } from './reference-list';
import { classifyReferences } from './result-summary';

/**
 * What a result refers to, for under its row in the results panel: its messages link to
 * themselves on this page, its participants are named (as `shown`, so redaction holds), the rest
 * is text. Null when it refers to nothing.
 */
export function useReferencesFor(conversation: Conversation, shown: (text: string) => string) {
  const { search } = useLocation();
  return useMemo(() => {
    const positions = new Map(chronological(conversation.communications).map((c, i) => [c.id, i + 1]));
    const names = new Map(conversation.participants.map((p) => [p.id, p.name?.trim() || 'Unnamed participant']));
    const lookup = { messagePosition: (id: string) => positions.get(id), hasParticipant: (id: string) => names.has(id) };
    const participantName = (id: string) => shown(names.get(id) ?? id);
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
  }, [conversation, search, shown]);
}
