import type { QueryClient } from '@tanstack/react-query';
import { FIRST_ROWS_ELEMENT_ID, firstRowsSchema, type FirstRows } from '../api/first-rows';
import { readFilters } from '../api/inbox-filters';
import { conversationListOptions } from '../features/inbox/api';
import { statusQueryOptions } from '../features/status/api';

/** Puts the data in the cache: the page as the first of the list that the inbox link `search` opens with. */
export function putFirstRows(queryClient: QueryClient, search: string, { page, status }: FirstRows): void {
  const { filters } = readFilters(new URLSearchParams(search));
  queryClient.setQueryData(conversationListOptions(filters).queryKey, { pages: [page], pageParams: [null] });
  if (status) queryClient.setQueryData(statusQueryOptions.queryKey, status);
}

/**
 * Takes an inbox link's first rows out of this document (src/api/first-rows.ts), if its HTML
 * carries them, into the cache. Data that does not read as it should is left out: the inbox then
 * asks for its rows as it would without it.
 */
export function takeFirstRows(queryClient: QueryClient, document: Document, search: string): boolean {
  const element = document.getElementById(FIRST_ROWS_ELEMENT_ID);
  if (!element) return false;
  element.remove();
  let parsed;
  try {
    parsed = firstRowsSchema.safeParse(JSON.parse(element.textContent ?? ''));
  } catch {
    return false;
  }
  if (!parsed.success) return false;
  putFirstRows(queryClient, search, parsed.data);
  return true;
}
