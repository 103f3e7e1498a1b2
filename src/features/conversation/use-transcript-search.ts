import { useMemo, useState } from 'react';
import { findMatches, type Match } from '../../lib/search';

/** A text the find bar searches, and the element to bring into view for it. */
export type Searchable = { key: string; text: string; elementId: string };
export type Hit = { key: string; local: number; elementId: string };

const NO_MATCHES: readonly Match[] = [];

/**
 * Searches the conversation's data, not the DOM: every text is searched whether it is on screen
 * or not. Matches are numbered in the order of `texts` (participants first, then messages in time
 * order); the cursor goes back to the first match whenever the query changes.
 */
export function useTranscriptSearch(query: string, texts: readonly Searchable[]) {
  const results = useMemo(() => {
    const byKey = new Map<string, readonly Match[]>();
    const hits: Hit[] = [];
    if (query.trim()) {
      for (const { key, text, elementId } of texts) {
        const matches = findMatches(text, query);
        if (matches.length === 0) continue;
        byKey.set(key, matches);
        matches.forEach((_, local) => hits.push({ key, local, elementId }));
      }
    }
    return { byKey, hits };
  }, [query, texts]);

  const [cursor, setCursor] = useState({ query, index: 0 });
  const total = results.hits.length;
  const index = cursor.query === query && total > 0 ? Math.min(cursor.index, total - 1) : 0;
  const current = total > 0 ? results.hits[index]! : null;

  const step = (delta: number) => {
    if (total === 0) return null;
    const next = (index + delta + total) % total;
    setCursor({ query, index: next });
    return results.hits[next]!;
  };

  return {
    total,
    index,
    current,
    matchesFor: (key: string) => results.byKey.get(key) ?? NO_MATCHES,
    currentFor: (key: string) => (current?.key === key ? current.local : -1),
    next: () => step(1),
    previous: () => step(-1),
  };
}
