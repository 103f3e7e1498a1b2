import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Conversation } from '../../api/conversation';
import { viewResult } from '../../api/operator-result';
import { chronological } from '../../lib/chronological';
import type { Term } from '../../lib/mark-terms';
import { useOperator } from './api';
import { evidenceLocator } from './result-summary';
import type { ConversationResults } from './use-conversation-results';

/**
 * The selected operator result (`?result=`, written with `replace` so choosing among results does
 * not fill the history) and what it rests on: the messages it covered and cited, its operator's
 * name, and for an extraction the entities to mark in the text.
 */
export function useSelectedResult(conversation: Conversation, results: ConversationResults) {
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

  const terms = useMemo<Term[] | undefined>(() => {
    if (!result) return undefined;
    const view = viewResult(result);
    return view.format === 'EXTRACTION' ? view.entities.map((entity) => ({ text: entity.text, label: entity.label })) : undefined;
  }, [result]);

  return { selectedId, select, evidenceFor, evidence, operatorName, terms };
}
