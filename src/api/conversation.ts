import * as z from 'zod/mini';
import { pageOf } from './page';
import { isTimestamp } from './timestamp';

/** Values the API documents today. Unknown values are kept and shown as they are. */
export const KNOWN_STATUSES = ['ACTIVE', 'INACTIVE', 'CLOSED'] as const;
export const KNOWN_CHANNELS = ['VOICE', 'SMS', 'RCS', 'EMAIL', 'WHATSAPP', 'CHAT', 'API', 'SYSTEM'] as const;
export const KNOWN_PARTICIPANT_TYPES = ['CUSTOMER', 'HUMAN_AGENT', 'AI_AGENT', 'AGENT', 'UNKNOWN'] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];
export type KnownChannel = (typeof KNOWN_CHANNELS)[number];
export type KnownParticipantType = (typeof KNOWN_PARTICIPANT_TYPES)[number];

/**
 * An identifier in an answer. Strict on what we send, lenient on what we receive: an ID is checked
 * against its pattern before it goes into a request (src/api/ids.ts), but an answer that names
 * something in an unfamiliar shape is still read, and the page shows that value as text instead of
 * refusing the whole conversation (docs/decisions/0010-strict-out-lenient-in.md).
 */
export const reference = z.string();
/** An ISO-8601 timestamp; kept as the API's string so nothing is re-serialised. */
export const timestamp = z.string().check(z.refine(isTimestamp, { message: 'Expected an ISO-8601 date-time' }));

export const participantSchema = z.looseObject({
  id: reference,
  name: z.optional(z.nullable(z.string())),
  type: z.optional(z.nullable(z.string())),
  addressValues: z.array(z.string()),
});

export const communicationSchema = z.looseObject({
  id: reference,
  participantId: reference,
  content: z.looseObject({ text: z.optional(z.nullable(z.string())) }),
  createdAt: timestamp,
});

/** The fields a conversation and a conversation list item share (a list item has no transcript). */
const conversationFields = {
  // The one field the page cannot live without: it names the conversation.
  id: z.string().check(z.minLength(1, 'A conversation needs an id')),
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
  operatorResultIds: z._default(z.array(reference), []),
};

export const conversationSchema = z.looseObject({
  ...conversationFields,
  communications: z._default(z.array(communicationSchema), []),
});

/** An item of `GET /v3/Conversations`: a conversation without its communications. */
export const conversationListItemSchema = z.looseObject(conversationFields);

/** A page of `GET /v3/Conversations`. */
export const conversationPageSchema = pageOf(conversationListItemSchema);

export type Participant = z.infer<typeof participantSchema>;
export type Communication = z.infer<typeof communicationSchema>;
export type Conversation = z.infer<typeof conversationSchema>;
export type ConversationListItem = z.infer<typeof conversationListItemSchema>;
export type ConversationPage = z.infer<typeof conversationPageSchema>;
