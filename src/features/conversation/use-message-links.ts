import { useCallback, useEffect, useMemo, useState, type MouseEvent } from 'react';
import { useLocation } from 'react-router';
import { copyText } from '../../lib/clipboard';
import type { RequestReveal } from './reveal';

/** `#id` or `#first..last`: the messages a link points at, in time order. */
export function targetsOf(hash: string, orderedIds: readonly string[]): string[] {
  const [from, to = from] = decodeURIComponent(hash.replace(/^#/, '')).split('..');
  const a = orderedIds.indexOf(from ?? '');
  const b = orderedIds.indexOf(to ?? '');
  if (a === -1 || b === -1) return [];
  return orderedIds.slice(Math.min(a, b), Math.max(a, b) + 1);
}

/**
 * Links to messages: a link's `#id` or `#first..last` is brought into view and marked so it cannot
 * be missed; a message's Link button copies a link to it, and Shift-clicking a second one copies
 * the range between them.
 */
export function useMessageLinks(
  orderedIds: readonly string[],
  requestReveal: RequestReveal,
  announce: (message: string) => void,
) {
  const { hash } = useLocation();
  const targeted = useMemo(() => new Set(targetsOf(hash, orderedIds)), [hash, orderedIds]);
  const firstTarget = targeted.size > 0 ? orderedIds.find((id) => targeted.has(id)) : undefined;
  useEffect(() => {
    if (firstTarget) requestReveal(firstTarget, 'link');
  }, [firstTarget, requestReveal]);

  const [selection, setSelection] = useState<{ anchor: string; ids: ReadonlySet<string> } | null>(null);
  const onCopyLink = useCallback(
    (id: string, event: MouseEvent) => {
      const anchor = event.shiftKey && selection ? selection.anchor : id;
      const ids = targetsOf(`#${anchor}..${id}`, orderedIds);
      const first = ids[0]!;
      const last = ids.at(-1)!;
      const fragment = first === last ? first : `${first}..${last}`;
      const link = `${window.location.origin}${window.location.pathname}${window.location.search}#${fragment}`;
      setSelection({ anchor, ids: new Set(ids) });
      const position = (x: string) => orderedIds.indexOf(x) + 1;
      copyText(link).then(
        () =>
          announce(
            first === last
              ? `Link to message ${position(first)} copied`
              : `Link to messages ${position(first)}\u2013${position(last)} copied`,
          ),
        () => announce('Copy failed: the browser blocked the clipboard'),
      );
    },
    [announce, orderedIds, selection],
  );
  const clearSelection = useCallback(() => setSelection(null), []);
  return { targeted, selected: selection?.ids, onCopyLink, clearSelection };
}
