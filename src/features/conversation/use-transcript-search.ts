import { useEffect, useMemo, useState } from 'react';
import { compileQuery, foldForSearch, matchFolded, type Match } from '../../lib/search';

/** A text the find bar searches, and the element to bring into view for it. */
export type Searchable = { key: string; text: string; elementId: string };
export type Hit = { key: string; local: number; elementId: string };

const NO_MATCHES: readonly Match[] = [];

/**
 * Searches the conversation's data, not the DOM: every text is searched whether it is on screen
 * or not. Matches are numbered in the order of `texts` (participants first, then messages in time
 * order); the cursor goes back to the first match whenever the query changes.
 *
 * `texts` is a function so that nothing is gathered or folded while the page is first drawn: the
 * folded index is built once per set of texts, when the browser is next idle or at the first
 * keystroke, whichever comes first, and kept when the box is cleared. A keystroke then only runs
 * one pattern over it.
 */
export function useTranscriptSearch(query: string, texts: () => readonly Searchable[]) {
  const index = useMemo(() => {
    let built: Array<Searchable & { folded: ReturnType<typeof foldForSearch> }> | null = null;
    return () => (built ??= texts().map((searchable) => ({ ...searchable, folded: foldForSearch(searchable.text) })));
  }, [texts]);
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    const handle = requestIdleCallback(() => index(), { timeout: 5_000 });
    return () => cancelIdleCallback(handle);
  }, [index]);
  const results = useMemo(() => {
    const byKey = new Map<string, readonly Match[]>();
    const hits: Hit[] = [];
    const pattern = compileQuery(query);
    if (pattern) {
      for (const { key, folded, elementId } of index()) {
        const matches = matchFolded(folded, pattern);
        if (matches.length === 0) continue;
        byKey.set(key, matches);
        matches.forEach((_, local) => hits.push({ key, local, elementId }));
      }
    }
    return { byKey, hits };
  }, [query, index]);

  const [cursor, setCursor] = useState({ query, index: 0 });
  const total = results.hits.length;
  const at = cursor.query === query && total > 0 ? Math.min(cursor.index, total - 1) : 0;
  const current = total > 0 ? results.hits[at]! : null;

  const step = (delta: number) => {
    if (total === 0) return null;
    const next = (at + delta + total) % total;
    setCursor({ query, index: next });
    return results.hits[next]!;
  };

  return {
    total,
    index: at,
    current,
    matchesFor: (key: string) => results.byKey.get(key) ?? NO_MATCHES,
    currentFor: (key: string) => (current?.key === key ? current.local : -1),
    next: () => step(1),
    previous: () => step(-1),
  };
}
