import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Zone } from '../../lib/time';

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
  const tz = params.get('tz');
  const redact = params.get('redact') === '1';
  // Its own memo: a new Set on every keystroke in the find box would rebuild the whole timeline.
  const hidden = useMemo(() => new Set(hide.split(',').filter(Boolean)), [hide]);
  const state = useMemo<ViewState>(
    () => ({ query: q, hidden, zone: tz?.toLowerCase() === 'utc' ? 'UTC' : 'local', redact }),
    [q, hidden, tz, redact],
  );
  const change = useCallback(
    (next: ViewChange) =>
      setParams(
        (previous) => {
          const params = new URLSearchParams(previous);
          const set = (key: string, value: string | null) => (value ? params.set(key, value) : params.delete(key));
          if (next.query !== undefined) set('q', next.query);
          if (next.hidden !== undefined) set('hide', [...next.hidden].join(','));
          if (next.zone !== undefined) set('tz', next.zone === 'UTC' ? 'utc' : null);
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
