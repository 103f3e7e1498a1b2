/**
 * The keys of the walk through the list a conversation was opened from (src/features/inbox/list-walk.tsx):
 * they work only on a conversation opened from the inbox, whose link carries the list (`?from=`),
 * so the page lists them only there.
 */
export const LIST_WALK_SHORTCUTS: ReadonlyArray<readonly [keys: string, what: string]> = [
  ['[ / ]', 'Previous / next conversation of the list it was opened from'],
];

/** Whether the conversation at a URL with this query was opened from a list, and can walk it. */
export function openedFromList(params: URLSearchParams): boolean {
  return params.has('from');
}
