/**
 * What the review API answers, so that the browser parses it with the same schemas the server
 * is tested against. Times are ISO-8601 strings in UTC; `version` counts a record's writes and is
 * what the next write of it names as `expectedVersion`; `mine` says whether the person asking
 * wrote it (their notes and verdicts are the ones they may change).
 */
import * as z from 'zod/mini';
import { apiErrorBodySchema } from './error';
import { timestamp } from './conversation';
import { HISTORY_ACTIONS, HISTORY_ENTITIES, REVIEW_STATUSES, VERDICTS } from './reviews';

export const personSchema = z.object({ id: z.string(), name: z.string() });

export const noteSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  author: personSchema,
  anchor: z.object({
    firstCommunicationId: z.string(),
    lastCommunicationId: z.string(),
    passage: z.nullable(z.object({ start: z.number(), end: z.number(), quote: z.string() })),
  }),
  /** Null once deleted: a tombstone, so that a link to the note can say so (the text stays in the history). */
  text: z.nullable(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: personSchema,
  deletedAt: z.nullable(timestamp),
  version: z.number(),
  mine: z.boolean(),
});

export const verdictSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  resultId: z.string(),
  /** The operator and version that produced the result, as Twilio gave them. */
  operatorId: z.string(),
  operatorVersion: z.nullable(z.number()),
  outputFormat: z.string(),
  /** For a CLASSIFICATION, the label the AI gave, as Twilio gave it. */
  aiLabel: z.nullable(z.string()),
  reviewer: personSchema,
  verdict: z.enum(VERDICTS),
  correction: z.nullable(z.string()),
  note: z.nullable(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
  version: z.number(),
  mine: z.boolean(),
});

export const reviewStatusSchema = z.object({
  conversationId: z.string(),
  status: z.enum(REVIEW_STATUSES),
  /** Who set it and when; null while nobody has. */
  updatedBy: z.nullable(personSchema),
  updatedAt: z.nullable(timestamp),
  /** 0 while nobody has set it. */
  version: z.number(),
  /** The person asking set the current status. */
  mine: z.boolean(),
});

/** `GET /api/reviews/conversations/:conversationId`: everything about one conversation's review, in one read. */
export const conversationReviewSchema = z.object({
  conversationId: z.string(),
  status: reviewStatusSchema,
  /** Every reviewer's verdict on every result of the conversation, oldest first. */
  verdicts: z.array(verdictSchema),
  /** Every note, oldest first, deleted ones as tombstones (`text` and `deletedAt`). */
  notes: z.array(noteSchema),
});

/** One conversation in `GET /api/reviews/statuses`: its status and how many verdicts and (live) notes it has. */
export const reviewStatusSummarySchema = z.extend(reviewStatusSchema, { verdicts: z.number(), notes: z.number() });

/** `GET /api/reviews/statuses?conversationIds=…`: in the order asked, one per distinct ID. */
export const reviewStatusesSchema = z.object({ statuses: z.array(reviewStatusSummarySchema) });

/** `GET /api/reviews/results/:resultId/verdicts` */
export const resultVerdictsSchema = z.object({ resultId: z.string(), verdicts: z.array(verdictSchema) });

/** `DELETE …/verdict`: the verdict is gone (its history keeps what it said). */
export const verdictWithdrawnSchema = z.object({ verdict: z.null() });

export const historyEntrySchema = z.object({
  /** Increases with every change; pass the last one as `?after=` for the next page. */
  id: z.string(),
  at: timestamp,
  actor: z.nullable(personSchema),
  entity: z.enum(HISTORY_ENTITIES),
  entityId: z.string(),
  conversationId: z.nullable(z.string()),
  action: z.enum(HISTORY_ACTIONS),
  version: z.number(),
  /** The record as it was before and after the change (null before a creation). */
  before: z.unknown(),
  after: z.unknown(),
});

/** `GET /api/reviews/conversations/:conversationId/history`: oldest first; `next` is the `?after=` of the next page. */
export const historyPageSchema = z.object({ entries: z.array(historyEntrySchema), next: z.nullable(z.string()) });

export const operatorAgreementSchema = z.object({
  operatorId: z.string(),
  operatorVersion: z.nullable(z.number()),
  /** Results with at least one verdict. */
  results: z.number(),
  verdicts: z.number(),
  agree: z.number(),
  disagree: z.number(),
  unsure: z.number(),
  /** Shares of the verdicts, from 0 to 1. */
  shares: z.object({ agree: z.number(), disagree: z.number(), unsure: z.number() }),
});

export const labelPairSchema = z.object({
  operatorId: z.string(),
  operatorVersion: z.nullable(z.number()),
  aiLabel: z.nullable(z.string()),
  /** The correction, or the AI's label where the reviewer agreed; null when unsure without a correction. */
  reviewerLabel: z.nullable(z.string()),
  count: z.number(),
});

/** `GET /api/reviews/agreement[?operatorId=]`: per operator and version, and the CLASSIFICATION label table. */
export const agreementSchema = z.object({
  operators: z.array(operatorAgreementSchema),
  classifications: z.array(labelPairSchema),
});

/**
 * A 409: the write named a version that is no longer current. `conflict` says who changed the
 * record last and when, and holds the record as it is now (null when it was deleted), so a page
 * can offer to reload, or to overwrite by writing again with `expectedVersion: conflict.version`.
 */
export const conflictBodySchema = <R extends z.ZodMiniType>(record: R) =>
  z.extend(apiErrorBodySchema, {
    conflict: z.object({
      version: z.number(),
      changedBy: z.nullable(personSchema),
      changedAt: timestamp,
      deleted: z.boolean(),
      current: z.nullable(record),
    }),
  });

export type ReviewPerson = z.infer<typeof personSchema>;
export type NoteAnswer = z.infer<typeof noteSchema>;
export type VerdictAnswer = z.infer<typeof verdictSchema>;
export type ReviewStatusAnswer = z.infer<typeof reviewStatusSchema>;
export type ConversationReviewAnswer = z.infer<typeof conversationReviewSchema>;
export type ReviewStatusSummary = z.infer<typeof reviewStatusSummarySchema>;
export type HistoryPage = z.infer<typeof historyPageSchema>;
export type Agreement = z.infer<typeof agreementSchema>;
