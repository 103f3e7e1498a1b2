import type { Communication } from '../api/conversation';
import { parseTimestamp } from '../api/timestamp';

const sorted = new WeakMap<Communication[], Communication[]>();

/**
 * Communications in time order; the sort is stable so equal timestamps keep the API's order.
 * Sorted once per list: the page, the timeline and the evidence locator all ask.
 */
export function chronological(communications: Communication[]): Communication[] {
  let ordered = sorted.get(communications);
  if (!ordered) {
    ordered = sortByTime(communications);
    sorted.set(communications, ordered);
  }
  return ordered;
}

function sortByTime(communications: Communication[]): Communication[] {
  return communications
    .map((communication, index) => ({ communication, index, at: parseTimestamp(communication.createdAt) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ communication }) => communication);
}
