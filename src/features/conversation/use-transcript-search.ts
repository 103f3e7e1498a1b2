import { useEffect, useMemo, useState } from 'react';
import { compileQuery, foldForSearch, matchFolded, type Match } from '../../lib/search';

/** Where a text the find bar searches lives: a message, or a participant's name or one of their addresses. */
export type HitTarget =
  | { kind: 'message'; id: string }
  | { kind: 'participant-name'; participantId: string }
  | { kind: 'participant-address'; participantId: string; index: number };

/** A text the find bar searches, and where it lives. */
export type Searchable = { target: HitTarget; text: string };

/** One match: in which text, and which of that text's matches it is (`local`). */
export type Hit = { target: HitTarget; local: number };

/** A text's key in the index; a message's is its ID. Never read back: the target says what it is. */
export function targetKey(target: HitTarget): string {
  switch (target.kind) {
    case 'message':
      return target.id;
    case 'participant-name':
      return `name\u0000${target.participantId}`;
    case 'participant-address':
      return `address\u0000${target.participantId}\u0000${target.index}`;
  }
}

/** Whether `hit` is in the text at `target`. */
export const sameTarget = (hit: Hit | null, target: HitTarget): boolean =>
  hit !== null && targetKey(hit.target) === targetKey(target);

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
    let built: Array<Searchable & { key: string; folded: ReturnType<typeof foldForSearch> }> | null = null;
    return () =>
      (built ??= texts().map((searchable) => ({
        ...searchable,
        key: targetKey(searchable.target),
        folded: foldForSearch(searchable.text),
      })));
  }, [texts]);
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    const handle = requestIdleCallback(() => index(), { timeout: 5_000 });
    return () => cancelIdleCallback(handle);
  }, [index]);
  const results = useMemo(() => {
    const byKey = new Map<string, readonly Match[]>();
    const hits: Array<Hit & { key: string }> = [];
    const pattern = compileQuery(query);
    if (pattern) {
      for (const { key, folded, target } of index()) {
        const matches = matchFolded(folded, pattern);
        if (matches.length === 0) continue;
        byKey.set(key, matches);
        matches.forEach((_, local) => hits.push({ key, local, target }));
      }
    }
    return { byKey, hits };
  }, [query, index]);

  const [cursor, setCursor] = useState({ query, index: 0 });
  const total = results.hits.length;
  const at = cursor.query === query && total > 0 ? Math.min(cursor.index, total - 1) : 0;
  const current: Hit | null = total > 0 ? results.hits[at]! : null;

  const step = (delta: number): Hit | null => {
    if (total === 0) return null;
    const next = (at + delta + total) % total;
    setCursor({ query, index: next });
    return results.hits[next]!;
  };
  const currentKey = total > 0 ? results.hits[at]!.key : null;

  return {
    total,
    index: at,
    current,
    /** The matches in the text at `target` (a message's: `{ kind: 'message', id }`). */
    matchesIn: (target: HitTarget) => results.byKey.get(targetKey(target)) ?? NO_MATCHES,
    /** Which of them is the current match, or -1. */
    currentIn: (target: HitTarget) => (current !== null && currentKey === targetKey(target) ? current.local : -1),
    next: () => step(1),
    previous: () => step(-1),
  };
}
