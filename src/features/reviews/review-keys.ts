import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { verdictSchema } from '../../api/review-answers';
import type { Verdict } from '../../api/reviews';
import { sendJson } from '../../lib/api-client';
import { isShortcut } from '../../lib/keyboard';
import { meQueryOptions, resultVerdictsQueryOptions, reviewPaths } from './api';
import { VERDICT_LABELS } from './result-verdicts';
import { useChangeReviewStatus, type StatusOutcome } from './review-status';
import { REVIEW_STATUS_LABELS } from '../../components/review-status-badge';
import { describeWriteProblem } from './write-problem';

export const REVIEW_SHORTCUTS: Array<[keys: string, what: string]> = [
  ['a / d / u', 'Agree / disagree / unsure with the selected result'],
  ['c', 'Write a note on the focused message (or the selected passage)'],
  ['r', 'Mark the conversation reviewed'],
];

const VERDICT_KEYS: Record<string, Verdict> = { a: 'agree', d: 'disagree', u: 'unsure' };

export type ReviewKeyOptions = {
  conversationId: string;
  /** The result the verdict keys apply to. */
  selectedResultId: string | null;
  /** `c`: start a note where the reader is. Returns what to say when there is nowhere to pin it. */
  onComment: () => string | null;
  /**
   * Told once `r` has marked the conversation reviewed: an inbox's "next unreviewed" goes here.
   * Returns what to say; without it, `r` says the conversation is marked and stays.
   */
  onReviewed?: (outcome: Extract<StatusOutcome, { ok: true }>) => string | void;
};

/**
 * The reviewer's keys: `a`/`d`/`u` set the verdict on the selected result (keeping its correction
 * and note), `c` comments, `r` marks reviewed. Returns what the last key did, for a status line.
 */
export function useReviewKeys({ conversationId, selectedResultId, onComment, onReviewed }: ReviewKeyOptions): string {
  const client = useQueryClient();
  const [said, setSaid] = useState('');
  const status = useChangeReviewStatus(conversationId);
  const verdict = useMutation({
    mutationFn: async ({ resultId, value }: { resultId: string; value: Verdict }) => {
      const known = await client.fetchQuery(resultVerdictsQueryOptions(resultId));
      const mine = known.verdicts.find((v) => v.mine);
      return sendJson(
        'PUT',
        reviewPaths.verdict(conversationId, resultId),
        {
          verdict: value,
          correction: value === 'agree' ? null : (mine?.correction ?? null),
          note: mine?.note ?? null,
          expectedVersion: mine?.version ?? 0,
        },
        verdictSchema,
      );
    },
    onSettled: (_answer, _error, { resultId }) => {
      void client.invalidateQueries({ queryKey: ['result-verdicts', resultId] });
      void client.invalidateQueries({ queryKey: ['review', conversationId] });
      void client.invalidateQueries({ queryKey: ['review-history', conversationId] });
    },
  });
  // What a key did is said for a few seconds, then the line clears.
  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setSaid(''), 5000);
    return () => clearTimeout(timer);
  }, [said]);
  const latest = useRef({ selectedResultId, onComment, onReviewed, status, verdict });
  useEffect(() => {
    latest.current = { selectedResultId, onComment, onReviewed, status, verdict };
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event) || !['a', 'd', 'u', 'c', 'r'].includes(event.key)) return;
      const now = latest.current;
      const canWrite = client.getQueryData(meQueryOptions.queryKey)?.canWrite === true;
      event.preventDefault();
      if (!canWrite) {
        setSaid('Reviews are read only for you here.');
        return;
      }
      if (event.key === 'c') {
        const problem = now.onComment();
        setSaid(problem ?? '');
        return;
      }
      if (event.key === 'r') {
        if (!now.status.ready) return setSaid('The review status has not loaded yet.');
        void now.status.change('reviewed').then((outcome) => {
          if (!outcome.ok) return setSaid(outcome.problem.message);
          const next = now.onReviewed?.(outcome);
          setSaid(next || `Marked ${REVIEW_STATUS_LABELS.reviewed.toLowerCase()}.`);
        });
        return;
      }
      const value = VERDICT_KEYS[event.key]!;
      const resultId = now.selectedResultId;
      if (!resultId) return setSaid('Select a result first: the verdict keys apply to the selected result.');
      now.verdict.mutate(
        { resultId, value },
        {
          onSuccess: () => setSaid(`Verdict saved: ${VERDICT_LABELS[value]}.`),
          onError: (error) => setSaid(describeWriteProblem(error, 'verdict').message),
        },
      );
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [client]);
  return said;
}
