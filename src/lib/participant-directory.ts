import type { Conversation, KnownParticipantType, Participant } from '../api/conversation';
import { lookup } from './lookup';

export type Side = 'start' | 'end';

export type ParticipantColour = { avatar: string; text: string; accent: string };

/**
 * Full class strings (Tailwind only generates classes it can see in the source).
 * Avatar backgrounds are the 700 shades so white initials keep a 4.5:1 contrast.
 */
const PALETTE: ParticipantColour[] = [
  { avatar: 'bg-sky-700', text: 'text-sky-800 dark:text-sky-300', accent: 'border-sky-600 dark:border-sky-400' },
  { avatar: 'bg-violet-700', text: 'text-violet-800 dark:text-violet-300', accent: 'border-violet-600 dark:border-violet-400' },
  {
    avatar: 'bg-emerald-700',
    text: 'text-emerald-800 dark:text-emerald-300',
    accent: 'border-emerald-600 dark:border-emerald-400',
  },
  { avatar: 'bg-amber-700', text: 'text-amber-800 dark:text-amber-300', accent: 'border-amber-600 dark:border-amber-400' },
  { avatar: 'bg-rose-700', text: 'text-rose-800 dark:text-rose-300', accent: 'border-rose-600 dark:border-rose-400' },
  { avatar: 'bg-teal-700', text: 'text-teal-800 dark:text-teal-300', accent: 'border-teal-600 dark:border-teal-400' },
  { avatar: 'bg-indigo-700', text: 'text-indigo-800 dark:text-indigo-300', accent: 'border-indigo-600 dark:border-indigo-400' },
  {
    avatar: 'bg-fuchsia-700',
    text: 'text-fuchsia-800 dark:text-fuchsia-300',
    accent: 'border-fuchsia-600 dark:border-fuchsia-400',
  },
];
const UNKNOWN_COLOUR: ParticipantColour = {
  avatar: 'bg-slate-600',
  text: 'text-slate-700 dark:text-slate-300',
  accent: 'border-slate-400 border-dashed dark:border-slate-500',
};

const TYPE_LABELS: Record<string, string> = {
  CUSTOMER: 'Customer',
  HUMAN_AGENT: 'Human agent',
  AI_AGENT: 'AI agent',
  AGENT: 'Agent',
  UNKNOWN: 'Unknown type',
} satisfies Record<KnownParticipantType, string>;
const AGENT_TYPES = new Set(['HUMAN_AGENT', 'AI_AGENT', 'AGENT']);

export const UNKNOWN_NAME = 'Unknown participant';

export type ParticipantView = {
  id: string;
  name: string;
  hasName: boolean;
  /** false for a participant ID that communications use but the conversation does not list */
  listed: boolean;
  type: string | null;
  typeLabel: string;
  side: Side;
  colour: ParticipantColour;
  initials: string;
  addressValues: string[];
  messageCount: number;
};

export function typeLabel(type: string | null | undefined): string {
  if (type === null || type === undefined || type === '') return 'No type';
  return lookup(TYPE_LABELS, type) ?? type;
}

function initialsOf(name: string | null | undefined): string {
  const words = (name ?? '')
    .replace(/\(.*?\)/g, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return '?';
  const letters =
    words.length === 1 ? Array.from(words[0]!).slice(0, 2) : [Array.from(words[0]!)[0], Array.from(words.at(-1)!)[0]];
  return letters.join('').toUpperCase();
}

function view(participant: Participant, index: number, messageCount: number): ParticipantView {
  const type = participant.type ?? null;
  return {
    id: participant.id,
    name: participant.name?.trim() || UNKNOWN_NAME,
    hasName: Boolean(participant.name?.trim()),
    listed: true,
    type,
    typeLabel: typeLabel(type),
    side: type !== null && AGENT_TYPES.has(type) ? 'end' : 'start',
    colour: PALETTE[index % PALETTE.length]!,
    initials: initialsOf(participant.name),
    addressValues: participant.addressValues,
    messageCount,
  };
}

export type ParticipantDirectory = {
  participants: ParticipantView[];
  /** Never undefined: an ID the conversation does not list gets an "unlisted" view. */
  get(id: string): ParticipantView;
};

/** Computed once per conversation; the timeline and the participants panel share it. */
export function buildDirectory(conversation: Conversation): ParticipantDirectory {
  const counts = new Map<string, number>();
  for (const communication of conversation.communications) {
    counts.set(communication.participantId, (counts.get(communication.participantId) ?? 0) + 1);
  }
  const participants = conversation.participants.map((p, index) => view(p, index, counts.get(p.id) ?? 0));
  const byId = new Map(participants.map((p) => [p.id, p]));
  for (const [id, count] of counts) {
    if (byId.has(id)) continue;
    byId.set(id, {
      id,
      name: UNKNOWN_NAME,
      hasName: false,
      listed: false,
      type: null,
      typeLabel: 'Not on this conversation',
      side: 'start',
      colour: UNKNOWN_COLOUR,
      initials: '?',
      addressValues: [],
      messageCount: count,
    });
  }
  return { participants, get: (id) => byId.get(id)! };
}
