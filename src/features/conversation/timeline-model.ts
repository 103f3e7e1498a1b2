import type { Communication, Conversation } from '../../api/conversation';
import { chronological } from '../../lib/chronological';
import { formatGap, zoneFormat, type ZoneFormat } from '../../lib/time';
import type { ParticipantDirectory, ParticipantView } from '../../lib/participant-directory';
import { parseTimestamp } from '../../api/timestamp';

/** A new group starts after this much silence, even from the same speaker; a gap marker says so. */
export const GROUP_BREAK_MS = 5 * 60 * 1000;

export type DayItem = { kind: 'day'; key: string; label: string; at: string; day: string };
export type GapItem = { kind: 'gap'; key: string; label: string; ms: number };
export type MessageItem = {
  kind: 'message';
  key: string;
  communication: Communication;
  participant: ParticipantView;
  /** 1-based position in time order, counting every message (filtered or not) */
  position: number;
  firstInGroup: boolean;
  lastInGroup: boolean;
};
export type TimelineItem = DayItem | GapItem | MessageItem;

export type TimelineOptions = {
  format?: ZoneFormat;
  /** Participants whose messages are left out. */
  hidden?: ReadonlySet<string>;
};

const NONE: ReadonlySet<string> = new Set();
const DAY_SEARCH_MS = 26 * 60 * 60 * 1000;

/**
 * The first instant after `at` that falls on another day in the formatter's zone. A binary search
 * over the next 26 hours (days are 23 to 25 hours long): about 27 formatter calls per day shown,
 * instead of one per message.
 */
function nextDayStart(at: number, day: string, format: ZoneFormat): number {
  let low = at;
  let high = at + DAY_SEARCH_MS;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (format.dayKey(new Date(middle).toISOString()) === day) low = middle;
    else high = middle;
  }
  return high;
}

/** Day dividers, gap markers and grouped messages, computed once per conversation and view. */
export function buildTimeline(
  conversation: Conversation,
  directory: ParticipantDirectory,
  options: TimelineOptions = {},
): TimelineItem[] {
  const { format = zoneFormat('local'), hidden = NONE } = options;
  const items: TimelineItem[] = [];
  let previous: { day: string; participantId: string; at: number; item: MessageItem } | null = null;
  let day = '';
  let dayEnds = -Infinity;
  chronological(conversation.communications).forEach((communication, index) => {
    if (hidden.has(communication.participantId)) return;
    const at = parseTimestamp(communication.createdAt);
    // Messages are in time order: the day only needs working out again once it has ended.
    if (!(at < dayEnds && at >= (previous?.at ?? -Infinity))) {
      day = format.dayKey(communication.createdAt);
      dayEnds = Number.isNaN(at) ? -Infinity : nextDayStart(at, day, format);
    }
    if (previous && at - previous.at > GROUP_BREAK_MS) {
      items.push({ kind: 'gap', key: `gap-${communication.id}`, label: formatGap(at - previous.at), ms: at - previous.at });
    }
    if (previous?.day !== day) {
      items.push({
        kind: 'day',
        key: `day-${day}`,
        label: format.day(communication.createdAt),
        at: communication.createdAt,
        day,
      });
    }
    const continues =
      previous !== null &&
      previous.day === day &&
      previous.participantId === communication.participantId &&
      at - previous.at <= GROUP_BREAK_MS;
    if (previous && !continues) previous.item.lastInGroup = true;
    const item: MessageItem = {
      kind: 'message',
      key: communication.id,
      communication,
      participant: directory.get(communication.participantId),
      position: index + 1,
      firstInGroup: !continues,
      lastInGroup: false,
    };
    items.push(item);
    previous = { day, participantId: communication.participantId, at, item };
  });
  if (previous) (previous as { item: MessageItem }).item.lastInGroup = true;
  return items;
}
