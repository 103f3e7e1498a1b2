import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { putZone, zoneOf, type Zone } from '../../lib/time';

/** Everything about how the transcript is shown that a shared link must reproduce. */
export type ViewState = {
  /** Find-in-transcript query (`?q=`). */
  query: string;
  /** Participants whose messages are hidden (`?hide=id,id`). */
  hidden: ReadonlySet<string>;
  /** `?tz=utc`, or the viewer's own zone. */
  zone: Zone;
  /** `?redact=1`: phone numbers, e-mail addresses and long numbers masked everywhere. */
  redact: boolean;
};

export type ViewChange = Partial<{ query: string; hidden: ReadonlySet<string>; zone: Zone; redact: boolean }>;

export function useViewState(): [ViewState, (change: ViewChange) => void] {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const hide = params.get('hide') ?? '';
  const zone = zoneOf(params);
  const redact = params.get('redact') === '1';
  // Its own memo: a new Set on every keystroke in the find box would rebuild the whole timeline.
  const hidden = useMemo(() => new Set(hide.split(',').filter(Boolean)), [hide]);
  const state = useMemo<ViewState>(() => ({ query: q, hidden, zone, redact }), [q, hidden, zone, redact]);
  const change = useCallback(
    (next: ViewChange) =>
      setParams(
        (previous) => {
          const params = new URLSearchParams(previous);
          const set = (key: string, value: string | null) => (value ? params.set(key, value) : params.delete(key));
          if (next.query !== undefined) set('q', next.query);
          if (next.hidden !== undefined) set('hide', [...next.hidden].join(','));
          if (next.zone !== undefined) putZone(params, next.zone);
          if (next.redact !== undefined) set('redact', next.redact ? '1' : null);
          return params;
        },
        // Typing and toggling should not fill the history, nor jump the page.
        { replace: true, preventScrollReset: true },
      ),
    [setParams],
  );
  return [state, change];
}

/** How long typing in the find box pauses before the URL's `?q=` follows it. */
export const URL_FOLLOWS_TYPING_MS = 250;

/**
 * The view state with the find query as typed, ahead of the URL: matches for what was just typed
 * show on the keystroke's own frame, and the URL (a history entry rewritten, then the page rendered
 * again in a router transition) follows once typing pauses. What was typed counts while the URL's
 * query is still what it was then; once the URL has caught up, or moved on (back, forward, a
 * pasted link), the URL is the query again. Everything else goes to the URL at once.
 *
 * Call it once per page and hand its answer down: each call keeps its own typed text.
 */
export function useLiveViewState(): [ViewState, (change: ViewChange) => void] {
  const [state, change] = useViewState();
  const [typed, setTyped] = useState<{ text: string; over: string } | null>(null);
  const query = typed !== null && typed.over === state.query ? typed.text : state.query;
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  // A query still waiting when the page goes is dropped: it must not land on the next page's URL.
  useEffect(() => () => clearTimeout(pending.current), []);
  // The URL's query now, and a change that starts from the URL now, for a timer set renders ago
  // (a `change` from back then would put back what the URL held then).
  const latest = useRef({ query: state.query, change });
  // A query written to the URL that the router has not rendered yet: the URL's query-to-be.
  const writing = useRef<string | null>(null);
  useEffect(() => {
    latest.current = { query: state.query, change };
  }, [state.query, change]);
  useEffect(() => {
    writing.current = null;
  }, [state.query]);
  const liveChange = useCallback(
    ({ query: next, ...rest }: ViewChange) => {
      if (next !== undefined) {
        // Typed over the URL's query, or over the one it is about to have: text typed while a
        // write is on its way must not count as typed over the query that write replaces.
        const over = writing.current ?? state.query;
        setTyped({ text: next, over });
        clearTimeout(pending.current);
        // Dropped if the URL has moved on meanwhile: that move is newer than the typing.
        pending.current = setTimeout(() => {
          if ((writing.current ?? latest.current.query) !== over) return;
          writing.current = next;
          latest.current.change({ query: next });
        }, URL_FOLLOWS_TYPING_MS);
      }
      if (Object.keys(rest).length > 0) change(rest);
    },
    [change, state.query],
  );
  const live = useMemo(() => (query === state.query ? state : { ...state, query }), [state, query]);
  return [live, liveChange];
}
