import * as z from 'zod/mini';
import { ID_PATTERNS } from './ids';

/** Values the API documents today. Unknown values are kept and shown as they are. */
export const KNOWN_STATUSES = ['ACTIVE', 'INACTIVE', 'CLOSED'] as const;
export const KNOWN_CHANNELS = ['VOICE', 'SMS', 'RCS', 'EMAIL', 'WHATSAPP', 'CHAT', 'API', 'SYSTEM'] as const;
export const KNOWN_PARTICIPANT_TYPES = ['CUSTOMER', 'HUMAN_AGENT', 'AI_AGENT', 'AGENT', 'UNKNOWN'] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];
export type KnownChannel = (typeof KNOWN_CHANNELS)[number];
export type KnownParticipantType = (typeof KNOWN_PARTICIPANT_TYPES)[number];

const id = (pattern: RegExp) => z.string().check(z.regex(pattern));
/** An ISO-8601 timestamp; kept as the API's string so nothing is re-serialised. */
export const timestamp = z
  .string()
  .check(z.refine((value) => !Number.isNaN(Date.parse(value)), { message: 'Expected an ISO-8601 date-time' }));

export const participantSchema = z.looseObject({
  id: id(ID_PATTERNS.participant),
  name: z.optional(z.nullable(z.string())),
  type: z.optional(z.nullable(z.string())),
  addressValues: z.array(z.string()),
});

export const communicationSchema = z.looseObject({
  id: id(ID_PATTERNS.communication),
  participantId: id(ID_PATTERNS.participant),
  content: z.looseObject({ text: z.optional(z.nullable(z.string())) }),
  createdAt: timestamp,
});

export const conversationSchema = z.looseObject({
  id: id(ID_PATTERNS.conversation),
  accountId: z.optional(z.nullable(z.string())),
  name: z.optional(z.nullable(z.string())),
  status: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  intelligenceConfigurationIds: z._default(z.array(z.string()), []),
  conversationConfigurationId: z.optional(z.nullable(z.string())),
  channels: z._default(z.array(z.string()), []),
  channelIds: z._default(z.array(z.string()), []),
  participants: z._default(z.array(participantSchema), []),
  communications: z._default(z.array(communicationSchema), []),
  operatorResultIds: z._default(z.array(id(ID_PATTERNS.operatorResult)), []),
});

export type Participant = z.infer<typeof participantSchema>;
export type Communication = z.infer<typeof communicationSchema>;
export type Conversation = z.infer<typeof conversationSchema>;
