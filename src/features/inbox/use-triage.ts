import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ConversationListItem } from '../../api/conversation';
import { latestResultOptions } from './api';
import { cellValueOf, rowMatches, type CellValue, type Triage } from './triage';

type Cell = CellValue | 'pending' | 'failed';

export type TriageView = {
  /** Whether a loaded row passes every result filter; null while a result it needs is being read. */
  verdictOf: (conversationId: string) => boolean | null;
  /** The values a column shows among the rows read so far. */
  seen: (operatorId: string) => CellValue[];
};

/**
 * The result filters applied to the loaded rows. A filtered column's result is asked for every
 * loaded row (through the shared queue), since a row must be known to be kept or left out; another
 * column's results are asked for by the rows in view only, and read here from the cache, so its
 * filter can offer the values seen so far.
 */
export function useTriage(items: ConversationListItem[], triage: Triage): TriageView {
  const filtered = useMemo(() => new Set(triage.conditions.map((condition) => condition.operatorId)), [triage.conditions]);
  const pairs = useMemo(
    () =>
      triage.columns.length === 0 ? [] : items.flatMap((item) => triage.columns.map((operatorId) => ({ item, operatorId }))),
    [items, triage.columns],
  );
  const cells = useQueries({
    queries: pairs.map(({ item, operatorId }) => ({
      ...latestResultOptions(item.id, operatorId),
      enabled: filtered.has(operatorId),
    })),
    combine: (results) => {
      const map = new Map<string, Cell>();
      results.forEach((result, index) => {
        const { item, operatorId } = pairs[index]!;
        const cell: Cell = result.isError ? 'failed' : result.data === undefined ? 'pending' : cellValueOf(result.data);
        map.set(`${item.id} ${operatorId}`, cell);
      });
      return map;
    },
  });

  const verdictOf = useCallback(
    (conversationId: string) =>
      rowMatches(triage.conditions, (operatorId) => cells.get(`${conversationId} ${operatorId}`) ?? 'pending'),
    [triage.conditions, cells],
  );

  const seen = useCallback(
    (operatorId: string) => {
      const values: CellValue[] = [];
      for (const [key, cell] of cells) if (key.endsWith(` ${operatorId}`) && typeof cell === 'object') values.push(cell);
      return values;
    },
    [cells],
  );
  return { verdictOf, seen };
}
