import type { KnownParticipantType } from '../api/conversation';
import { lookup } from './lookup';

const TYPE_LABELS: Record<string, string> = {
  CUSTOMER: 'Customer',
  HUMAN_AGENT: 'Human agent',
  AI_AGENT: 'AI agent',
  AGENT: 'Agent',
  UNKNOWN: 'Unknown type',
} satisfies Record<KnownParticipantType, string>;
const AGENT_TYPES = new Set(['HUMAN_AGENT', 'AI_AGENT', 'AGENT']);

/** What a participant with no name is called. */
export const UNKNOWN_NAME = 'Unknown participant';

/** "AI agent" for AI_AGENT; an unfamiliar type as it came; "No type" for none. */
export function typeLabel(type: string | null | undefined): string {
  if (type === null || type === undefined || type === '') return 'No type';
  return lookup(TYPE_LABELS, type) ?? type;
}

/** Whether a participant of this type speaks for the business (agents, human or AI). */
export function isAgentType(type: string | null | undefined): boolean {
  return type !== null && type !== undefined && AGENT_TYPES.has(type);
}
