import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Conversation } from '../../api/conversation';
import type { RequestReveal } from '../../features/conversation/reveal';
import type { Annotation } from '../../features/conversation/timeline';
import type { ConversationResults } from '../../features/operator-results/use-conversation-results';
import { useSelectedResult } from '../../features/operator-results/use-selected-result';

/** The sections of a conversation's page that selecting a result or following a marker shows. */
type Show = (section: 'transcript' | 'results') => void;

/**
 * Links a selected result and the transcript both ways: selecting it (from the panel or the
 * strip) marks it seen, shows the transcript and brings its first piece of evidence into view
 * (on phones again whenever the transcript's tab comes back); the messages it covered and cited
 * carry markers that lead back to its row in the panel (`focus`, on phones in the Results tab).
 */
export function useResultEvidence({
  conversation,
  results,
  requestReveal,
  show,
  visibleSection,
}: {
  conversation: Conversation;
  results: ConversationResults;
  requestReveal: RequestReveal;
  show: Show;
  /** The tab shown on phones; null on wide screens, where a tab change means nothing. */
  visibleSection: string | null;
}) {
  const selected = useSelectedResult(conversation, results);
  const { selectedId, select, evidence, operatorName } = selected;
  const { markSeen } = results;
  const selectAndShow = useCallback(
    (id: string | null) => {
      select(id);
      if (id) {
        markSeen(id);
        show('transcript');
      }
    },
    [select, markSeen, show],
  );

  const [focus, setFocus] = useState<{ id: string; seq: number } | null>(null);
  const clearFocus = useCallback(() => setFocus(null), []);
  const annotations = useMemo(() => {
    const map = new Map<string, Annotation>();
    if (!evidence || !selectedId) return map;
    const onOpen = () => {
      show('results');
      setFocus((previous) => ({ id: selectedId, seq: (previous?.seq ?? 0) + 1 }));
    };
    for (const id of evidence.range) map.set(id, { kind: 'range', label: operatorName, onOpen });
    for (const id of evidence.references) map.set(id, { kind: 'reference', label: operatorName, onOpen });
    return map;
  }, [evidence, operatorName, selectedId, show]);

  const firstEvidence = evidence?.firstId ?? null;
  useEffect(() => {
    if (firstEvidence) requestReveal(firstEvidence, 'evidence');
  }, [firstEvidence, selectedId, visibleSection, requestReveal]);

  // A result that ran part-way through (a live conversation's operators) had not seen what followed.
  const coverage = evidence?.coverage;
  const seenUpTo = coverage && coverage.to < coverage.total ? coverage.to : null;

  return { ...selected, select: selectAndShow, annotations, focus, clearFocus, seenUpTo };
}
