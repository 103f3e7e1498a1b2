/**
 * What the browser sends to the review API (`/api/reviews/...`, `/api/me`): the bodies of its
 * writes. IDs the path already names (the conversation, the result, the note) are not repeated in
 * the body; the server takes the operator and the AI's label from Twilio, never from here.
 * Unknown fields are refused, so a misspelt one is never silently dropped.
 */
import * as z from 'zod/mini';
import {
  emailSchema,
  expectedVersionSchema,
  NAME_MAX,
  NOTE_TEXT_MAX,
  noCorrectionWhenAgreeing,
  noteAnchorSchema,
  plainText,
  REVIEW_STATUSES,
  verdictFields,
} from './reviews';

/** The most a write's body may hold: a 4,000-character note in any script, with room to spare. */
export const REVIEW_BODY_MAX_BYTES = 16 * 1024;

/** The most conversations one batch read of review statuses names (an inbox page). */
export const STATUSES_BATCH_MAX = 100;

/** `POST /api/reviews/conversations/:conversationId/notes` */
export const noteCreateBodySchema = z.strictObject({
  anchor: noteAnchorSchema,
  text: plainText(NOTE_TEXT_MAX, 'The note'),
});

/** `PATCH /api/reviews/notes/:noteId`: the new text and the version it was read at. */
export const noteEditBodySchema = z.strictObject({
  text: plainText(NOTE_TEXT_MAX, 'The note'),
  expectedVersion: expectedVersionSchema,
});

/**
 * `PUT /api/reviews/conversations/:conversationId/results/:resultId/verdict`: the reviewer's own
 * verdict on the result. `expectedVersion` 0 makes it; the version last read changes it.
 */
export const verdictBodySchema = z
  .strictObject({
    verdict: verdictFields.verdict,
    correction: z._default(verdictFields.correction, null),
    note: z._default(verdictFields.note, null),
    expectedVersion: expectedVersionSchema,
  })
  .check(noCorrectionWhenAgreeing);

/** `PUT /api/reviews/conversations/:conversationId/status`: 0 when none was set yet. */
export const reviewStatusBodySchema = z.strictObject({
  status: z.enum(REVIEW_STATUSES),
  expectedVersion: expectedVersionSchema,
});

/** `PUT /api/me`, on loopback: the name (and e-mail) reviews are signed with. */
export const meBodySchema = z.strictObject({
  name: plainText(NAME_MAX, 'The name'),
  email: z._default(z.nullable(emailSchema), null),
});

export type NoteCreateBody = z.input<typeof noteCreateBodySchema>;
export type NoteEditBody = z.input<typeof noteEditBodySchema>;
export type VerdictBody = z.input<typeof verdictBodySchema>;
export type ReviewStatusBody = z.input<typeof reviewStatusBodySchema>;
export type MeBody = z.input<typeof meBodySchema>;
