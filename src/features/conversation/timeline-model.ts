import type { Communication, Conversation } from '../../api/conversation';
import { dayKey, formatDay } from '../../lib/time';
import type { ParticipantDirectory, ParticipantView } from './participant-directory';

/** A new group starts after this much silence, even from the same speaker. */
export const GROUP_BREAK_MS = 5 * 60 * 1000;

export type DayItem = { kind: 'day'; key: string; label: string; at: string; day: string };
export type MessageItem = {
  kind: 'message';
  key: string;
  communication: Communication;
  participant: ParticipantView;
  /** 1-based position in time order */
  position: number;
  firstInGroup: boolean;
  lastInGroup: boolean;
};
export type TimelineItem = DayItem | MessageItem;

/** Communications in time order; the sort is stable so equal timestamps keep the API's order. */
export function chronological(communications: Communication[]): Communication[] {
  return communications
    .map((communication, index) => ({ communication, index, at: Date.parse(communication.createdAt) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ communication }) => communication);
}

export function buildTimeline(conversation: Conversation, directory: ParticipantDirectory): TimelineItem[] {
  const items: TimelineItem[] = [];
  let previous: { day: string; participantId: string; at: number; item: MessageItem } | null = null;
  chronological(conversation.communications).forEach((communication, index) => {
    const day = dayKey(communication.createdAt);
    const at = Date.parse(communication.createdAt);
    if (previous?.day !== day) {
      items.push({ kind: 'day', key: `day-${day}`, label: formatDay(communication.createdAt), at: communication.createdAt, day });
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
