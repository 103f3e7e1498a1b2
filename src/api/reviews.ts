/**
 * The contract of what reviewers record: verdicts on operator results, notes pinned to messages,
 * a conversation's review status, and who did what. The server validates every write with these
 * schemas before it reaches the database; the browser will use the same ones.
 */
import * as z from 'zod/mini';
import { ID_PATTERNS } from './ids';

export const NOTE_TEXT_MAX = 4000;
export const CORRECTION_MAX = 1000;
export const AI_LABEL_MAX = 1000;
export const NAME_MAX = 200;
export const EMAIL_MAX = 320;
export const SUBJECT_MAX = 320;

export const VERDICTS = ['agree', 'disagree', 'unsure'] as const;
export const REVIEW_STATUSES = ['not_reviewed', 'in_review', 'reviewed', 'needs_follow_up'] as const;
export const REVIEWER_ROLES = ['viewer', 'reviewer'] as const;
/** How a person was identified: on loopback by the name they gave, by a personal token, or by a proxy in front. */
export const IDENTITY_SOURCES = ['local', 'token', 'proxy'] as const;
export const HISTORY_ENTITIES = ['reviewer', 'verdict', 'note', 'conversation_review'] as const;
export const HISTORY_ACTIONS = ['create', 'update', 'delete'] as const;

export type Verdict = (typeof VERDICTS)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];
export type IdentitySource = (typeof IDENTITY_SOURCES)[number];
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number];
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** The IDs of records this product creates (notes, verdicts, reviewers): random UUIDs. */
export const RECORD_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const idOf = (kind: keyof typeof ID_PATTERNS, label: string) =>
  z.string().check(z.regex(ID_PATTERNS[kind], `must be ${label} (for example ${exampleIds[kind]})`));

const exampleIds: Record<keyof typeof ID_PATTERNS, string> = {
  conversation: 'conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2',
  participant: 'conv_participant_01k1etk2y5f1y9fpe2epfdtvv2',
  communication: 'conv_communication_01k1etk2y5f1y9fpe2epfdtvv2',
  operatorResult: 'intelligence_operatorresult_01k1etk2y5f1y9fpe2epfdtvv2',
  operator: 'intelligence_operator_01k1etk2y5f1y9fpe2epfdtvv2',
  intelligenceConfiguration: 'intelligence_configuration_01k1etk2y5f1y9fpe2epfdtvv2',
  conversationConfiguration: 'conv_configuration_01k1etk2y5f1y9fpe2epfdtvv2',
};

export const conversationIdSchema = idOf('conversation', 'a conversation ID');
export const communicationIdSchema = idOf('communication', 'a communication ID');
export const operatorResultIdSchema = idOf('operatorResult', 'an operator result ID');
export const operatorIdSchema = idOf('operator', 'an operator ID');
export const recordIdSchema = z.string().check(z.regex(RECORD_ID_PATTERN, 'must be a record ID (a lower-case UUID)'));
/** What the writer last read; 0 means "there is none yet". */
export const expectedVersionSchema = z.number().check(z.int('must be a whole number'), z.gte(0), z.lte(2_147_483_647));

/** NUL cannot be stored, and a lone surrogate would be silently replaced on the way to the database. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what it looks for
const UNSTORABLE = /[\u0000\p{Cs}]/u;

/** Characters as people count them (code points), as the database's `char_length` does. */
const characters = (value: string) => Array.from(value).length;

/** Plain text of 1 to `max` characters that the database stores exactly as given. */
export function plainText(max: number, what: string) {
  return z.string().check(
    z.refine(
      (value) => !UNSTORABLE.test(value),
      `${what} contains a character that cannot be stored (NUL or a broken surrogate)`,
    ),
    z.refine((value) => value.trim().length > 0, `${what} is empty`),
    // Worded when it is needed: formatting the number for every schema as the module loads slowed the first paint.
    z.refine((value) => characters(value) <= max, {
      error: () => `${what} is longer than ${max.toLocaleString('en')} characters`,
    }),
  );
}

const optionalText = (max: number, what: string) => z.nullable(plainText(max, what));

export const emailSchema = z.string().check(z.maxLength(EMAIL_MAX), z.email('must be an e-mail address'));

export const reviewerIdentitySchema = z.strictObject({
  source: z.enum(IDENTITY_SOURCES),
  /**
   * The stable key within its source: on loopback a random key made when the name is first given
   * (so the name can change), the e-mail of a token's user, the proxy's header value.
   */
  subject: plainText(SUBJECT_MAX, 'The subject'),
  name: plainText(NAME_MAX, 'The name'),
  email: z.nullable(emailSchema),
  role: z.enum(REVIEWER_ROLES),
});

/** A passage inside one message: UTF-16 offsets into its text (as the browser's selection gives them) and the text. */
export const passageSchema = z
  .strictObject({
    start: z.number().check(z.int(), z.gte(0)),
    end: z.number().check(z.int(), z.gte(1)),
    quote: plainText(NOTE_TEXT_MAX, 'The quoted passage'),
  })
  .check(
    z.refine((p) => p.end > p.start, { message: 'the passage must end after it starts', path: ['end'] }),
    z.refine((p) => p.quote.length === p.end - p.start, {
      message: 'the quoted passage must be exactly the text between start and end',
      path: ['quote'],
    }),
  );

/** One message (first = last), a range of messages, or a passage of one message. */
export const noteAnchorSchema = z
  .strictObject({
    firstCommunicationId: communicationIdSchema,
    lastCommunicationId: communicationIdSchema,
    passage: z.nullable(passageSchema),
  })
  .check(
    z.refine((a) => a.passage === null || a.firstCommunicationId === a.lastCommunicationId, {
      message: 'a passage lies inside one message: the first and last communication must be the same',
      path: ['passage'],
    }),
  );

export const newNoteSchema = z.strictObject({
  conversationId: conversationIdSchema,
  anchor: noteAnchorSchema,
  text: plainText(NOTE_TEXT_MAX, 'The note'),
});

export const noteEditSchema = z.strictObject({ text: plainText(NOTE_TEXT_MAX, 'The note') });

export const verdictFields = {
  verdict: z.enum(VERDICTS),
  /** For a CLASSIFICATION, the right label; otherwise free text. */
  correction: optionalText(CORRECTION_MAX, 'The correction'),
  note: optionalText(NOTE_TEXT_MAX, 'The note'),
};

export const noCorrectionWhenAgreeing = z.refine<{ verdict: Verdict; correction: string | null }>(
  (v) => !(v.verdict === 'agree' && v.correction !== null),
  { message: 'a correction goes with "disagree" or "unsure", not with "agree"', path: ['correction'] },
);

export const newVerdictSchema = z
  .strictObject({
    conversationId: conversationIdSchema,
    resultId: operatorResultIdSchema,
    operatorId: operatorIdSchema,
    operatorVersion: z.nullable(z.number().check(z.int(), z.gte(0))),
    /** The result's declared format (TEXT, CLASSIFICATION, ...), kept so agreement can be read per kind. */
    outputFormat: z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,39}$/, 'must be an output format such as CLASSIFICATION')),
    /** The label the operator produced, for a CLASSIFICATION result. */
    aiLabel: optionalText(AI_LABEL_MAX, 'The label'),
    ...verdictFields,
  })
  .check(
    noCorrectionWhenAgreeing,
    z.refine((v) => v.aiLabel === null || v.outputFormat === 'CLASSIFICATION', {
      message: 'only a CLASSIFICATION result has a label',
      path: ['aiLabel'],
    }),
  );

export const verdictEditSchema = z.strictObject(verdictFields).check(noCorrectionWhenAgreeing);

export const reviewStatusChangeSchema = z.strictObject({
  conversationId: conversationIdSchema,
  status: z.enum(REVIEW_STATUSES),
});

export type ReviewerIdentity = z.infer<typeof reviewerIdentitySchema>;
export type NoteAnchor = z.infer<typeof noteAnchorSchema>;
export type NewNote = z.infer<typeof newNoteSchema>;
export type NoteEdit = z.infer<typeof noteEditSchema>;
export type NewVerdict = z.infer<typeof newVerdictSchema>;
export type VerdictEdit = z.infer<typeof verdictEditSchema>;
export type ReviewStatusChange = z.infer<typeof reviewStatusChangeSchema>;
