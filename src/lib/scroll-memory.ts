/**
 * Where a page was in each history entry it was shown in (by the router's location key), so that
 * going back to it puts the reader where they were: the page scrolled to the same place, the same
 * row selected. Kept in memory: a reload starts the page afresh, as its data is gone too.
 */
export type Place = { scrollY: number; selected: number | null };

const places = new Map<string, Place>();
/** Entries whose page put the reader back itself: the layout then leaves scroll and focus alone. */
const restored = new Set<string>();

export function rememberPlace(key: string, place: Place): void {
  places.set(key, place);
}

export function placeOf(key: string): Place | undefined {
  return places.get(key);
}

/** Called by a page that restored its own place when the history entry `key` was shown again. */
export function markRestored(key: string): void {
  restored.add(key);
}

/** Whether the page of entry `key` restored its own place (asked once, by the layout). */
export function takeRestored(key: string): boolean {
  return restored.delete(key);
}
