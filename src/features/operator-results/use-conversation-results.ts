import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
  /**
   * Results that arrived after the page first had the list (a live conversation's new runs) and
   * that the reader has not selected since.
   */
  arrived: ReadonlySet<string>;
  /** The reader selected this result: it is no longer new to them. */
  markSeen: (id: string) => void;
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
  // A live conversation names new results as operators run: the list is asked again, once for each
  // new set of unknown IDs (one request for many results; what it still lacks is fetched by ID).
  const missingKey = missing.join(' ');
  const listedFor = useRef<string | null>(null);
  const { refetch } = list;
  useEffect(() => {
    if (!settled) return;
    if (listedFor.current !== null && missingKey !== '' && missingKey !== listedFor.current) void refetch();
    listedFor.current = missingKey;
  }, [settled, missingKey, refetch]);
  // Not while the list is being read again: it most likely brings them.
  const fallback = useQueries({
    queries: missing.map((id) => ({ ...operatorResultQueryOptions(id), enabled: !list.isFetching })),
  });

  const fetched = new Map(missing.map((id, i) => [id, fallback[i]!] as const));
  const named = new Set(ids);
  const entries: ResultEntry[] = ids.map((id): ResultEntry => {
    const result = byId.get(id) ?? fetched.get(id)?.data;
    if (result) return { kind: 'result', id, result, unlisted: false };
    if (!isId('operatorResult', id)) return { kind: 'unopenable', id };
    const own = fetched.get(id);
    return { kind: 'fetching', id, query: own && !list.isFetching ? own : list };
  });
  const unlisted = [...byId.values()].filter((result) => !named.has(result.id));
  for (const result of unlisted) entries.push({ kind: 'result', id: result.id, result, unlisted: true });
  // What the page held once the list first settled; anything after that is new to the reader.
  const [firstSeen, setFirstSeen] = useState<ReadonlySet<string> | null>(null);
  if (firstSeen === null && settled) setFirstSeen(new Set(entries.map((entry) => entry.id)));
  const [looked, setLooked] = useState<ReadonlySet<string>>(() => new Set());
  // Only a result marked new is remembered: selecting any other changes nothing here.
  const arrivedNow = useRef<ReadonlySet<string>>(new Set());
  const markSeen = useCallback((id: string) => {
    if (arrivedNow.current.has(id)) setLooked((previous) => new Set([...previous, id]));
  }, []);
  const arrivedKey = firstSeen ? entries.flatMap((e) => (firstSeen.has(e.id) || looked.has(e.id) ? [] : [e.id])).join(' ') : '';
  const arrived = useMemo(() => new Set(arrivedKey ? arrivedKey.split(' ') : []), [arrivedKey]);
  useEffect(() => {
    arrivedNow.current = arrived;
  }, [arrived]);
  const all = new Map(entries.flatMap((entry) => (entry.kind === 'result' ? [[entry.id, entry.result] as const] : [])));
  return { entries, list, unlistedCount: unlisted.length, resultOf: (id) => all.get(id), arrived, markSeen };
}
