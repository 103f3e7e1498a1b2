import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Conversation } from '../../api/conversation';
import { isId } from '../../api/ids';
import type { OperatorResult } from '../../api/operator-result';
import { conversationResultsQueryOptions, operatorResultQueryOptions } from './api';

/** One line of the results panel. */
export type ResultEntry =
  /** `unlisted`: found by listing the conversation's results, but not in its `operatorResultIds`. */
  | { kind: 'result'; id: string; result: OperatorResult; unlisted: boolean }
  /** Still loading, or failed (the query says which). */
  | { kind: 'fetching'; id: string; query: UseQueryResult<unknown> }
  /** A value in `operatorResultIds` that is not shaped like an operator result ID: shown as text. */
  | { kind: 'unopenable'; id: string };

export type ConversationResults = {
  entries: ResultEntry[];
  /** The one list request (`GET /OperatorResults?conversationId=`), with its state. */
  list: UseQueryResult<OperatorResult[]>;
  /** Results the list returned that the conversation does not name. */
  unlistedCount: number;
  resultOf: (id: string) => OperatorResult | undefined;
};

const NO_RESULTS: OperatorResult[] = [];

/**
 * A conversation's operator results, read with one list request; only the IDs the list did not
 * return (or all of them, when the list failed) are fetched one by one.
 */
export function useConversationResults(conversation: Conversation): ConversationResults {
  const ids = useMemo(() => [...new Set(conversation.operatorResultIds)], [conversation.operatorResultIds]);
  const list = useQuery(conversationResultsQueryOptions(conversation.id));
  const listed = list.data ?? NO_RESULTS;
  const byId = useMemo(() => new Map(listed.map((result) => [result.id, result])), [listed]);

  const settled = list.isSuccess || list.isError;
  const missing = settled ? ids.filter((id) => !byId.has(id) && isId('operatorResult', id)) : [];
  const fallback = useQueries({ queries: missing.map(operatorResultQueryOptions) });

  const fetched = new Map(missing.map((id, i) => [id, fallback[i]!] as const));
  const named = new Set(ids);
  const entries: ResultEntry[] = ids.map((id): ResultEntry => {
    const result = byId.get(id) ?? fetched.get(id)?.data;
    if (result) return { kind: 'result', id, result, unlisted: false };
    if (!isId('operatorResult', id)) return { kind: 'unopenable', id };
    return { kind: 'fetching', id, query: fetched.get(id) ?? list };
  });
  const unlisted = [...byId.values()].filter((result) => !named.has(result.id));
  for (const result of unlisted) entries.push({ kind: 'result', id: result.id, result, unlisted: true });
  const all = new Map(entries.flatMap((entry) => (entry.kind === 'result' ? [[entry.id, entry.result] as const] : [])));
  return { entries, list, unlistedCount: unlisted.length, resultOf: (id) => all.get(id) };
}
