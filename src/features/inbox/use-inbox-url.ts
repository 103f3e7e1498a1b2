import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readFilters, writeFilters, type InboxFilters } from './inbox-filters';
import { readTriage, writeTriage, type Triage } from './triage';

export type InboxUrl = {
  filters: InboxFilters;
  triage: Triage;
  /** What the link held that the page could not use, each said once. */
  problems: string[];
  setFilters: (filters: InboxFilters) => void;
  setTriage: (triage: Triage) => void;
};

/**
 * The inbox's state, read from and written to its URL: a triage view is a link a lead can send.
 * Each change is a history entry, so Back undoes a filter; other parameters (`tz`) are kept.
 */
export function useInboxUrl(): InboxUrl {
  const [params, setParams] = useSearchParams();
  const read = useMemo(() => {
    const filters = readFilters(params);
    const triage = readTriage(params);
    return { filters: filters.filters, triage: triage.triage, problems: [...filters.problems, ...triage.problems] };
  }, [params]);
  const setFilters = useCallback(
    (filters: InboxFilters) => setParams((previous) => writeFilters(filters, new URLSearchParams(previous))),
    [setParams],
  );
  const setTriage = useCallback(
    (triage: Triage) => setParams((previous) => writeTriage(triage, new URLSearchParams(previous))),
    [setParams],
  );
  return { ...read, setFilters, setTriage };
}
