import type { Context } from 'hono';
import { BFF_ERROR_CODES, errorBody } from '../../api/error';
import { checkId, type IdKind } from '../../api/ids';
import { RECORD_ID_PATTERN } from '../../api/reviews';
import type { ConversationReview } from '../db/reviews/conversation-reviews';
import type { NoteRecord } from '../db/reviews/notes';
import type { CurrentState, Db, Refusal } from '../db/reviews/outcome';
import type { VerdictRecord } from '../db/reviews/verdicts';
import type { Storage } from '../db/storage';
import { roleOf } from '../identity/visitor';
import { invalidInput } from './json-body';
import type { ReviewersKnown } from './reviewers-known';

/** The open database, or the answer that says it is not there (503: opening, or failed to open). */
export function database(c: Context, storage: Pick<Storage, 'state'> | undefined): Db | Response {
  const state = storage?.state() ?? { state: 'failed' as const, reason: 'This server runs without a database.' };
  if (state.state === 'ready') return state.database.db;
  if (state.state === 'opening') c.header('Retry-After', '2');
  const reason = state.state === 'opening' ? 'The database is still opening; try again in a moment.' : state.reason;
  return c.json(errorBody(BFF_ERROR_CODES.databaseUnavailable, 503, `Reviews cannot be reached: ${reason}`, false), 503);
}

/** The reviewer ID of the person writing, or why they may not write (a viewer; on loopback, no name yet). */
export async function writerId(c: Context, db: Db, reviewers: ReviewersKnown): Promise<string | Response> {
  const visitor = c.get('visitor');
  if (roleOf(visitor) !== 'reviewer') {
    const message =
      visitor.identifiedBy === 'team_token'
        ? 'The shared team token reads reviews but does not write them: sign in with a token of your own.'
        : 'You are a viewer here: you can read reviews but not write them.';
    return c.json(errorBody(BFF_ERROR_CODES.readOnly, 403, message, true), 403);
  }
  if (!visitor.identity) {
    return c.json(
      errorBody(BFF_ERROR_CODES.nameNeeded, 403, 'Say who you are first: reviews are signed with your name (PUT /api/me).', true),
      403,
    );
  }
  return reviewers.forWriting(db, visitor.identity);
}

/** The reviewer ID of the person reading, so answers can say what is theirs. */
export const readerId = (c: Context, db: Db, reviewers: ReviewersKnown) => reviewers.forReading(db, c.get('visitor').identity);

export const noteAnswer = (note: NoteRecord, me: string | null) => ({ ...note, mine: note.author.id === me });
export const verdictAnswer = (verdict: VerdictRecord, me: string | null) => ({ ...verdict, mine: verdict.reviewer.id === me });
export const statusAnswer = (review: ConversationReview, me: string | null) => ({
  ...review,
  mine: me !== null && review.updatedBy?.id === me,
});

/** A path segment that must be an ID of `kind`, or the 400 that says what is wrong with it. */
export function pathId(c: Context, kind: IdKind, param: string): string | Response {
  const check = checkId(kind, c.req.param(param) ?? '');
  return check.ok ? check.id : c.json(errorBody(BFF_ERROR_CODES.invalidId, 400, check.problem, true), 400);
}

export function recordPathId(c: Context, what: string): string | Response {
  const id = c.req.param('id') ?? '';
  if (RECORD_ID_PATTERN.test(id)) return id;
  return c.json(errorBody(BFF_ERROR_CODES.invalidId, 400, `${what} ID must be a lower-case UUID.`, true), 400);
}

/** `?expectedVersion=`, which a DELETE names as other writes do in their body. */
export function versionInQuery(c: Context): number | Response {
  const value = c.req.query('expectedVersion');
  if (value === undefined) return invalidInput(c, 'Add ?expectedVersion= (the version you read) to delete it.');
  if (!/^\d{1,10}$/.test(value) || Number(value) > 2_147_483_647) {
    return invalidInput(c, 'expectedVersion must be a whole number from 0.');
  }
  return Number(value);
}

/**
 * What the repository refused, as HTTP: 400 (invalid), 403 (someone else's), 404, or 409 with who
 * changed the record last and when, and the record as it is now (`current`), so a page can offer
 * to reload it or to overwrite it.
 */
export async function refusalAnswer(
  c: Context,
  refusal: Refusal,
  what: string,
  current: () => Promise<unknown>,
): Promise<Response> {
  switch (refusal.problem) {
    case 'invalid':
      return invalidInput(c, refusal.message);
    case 'forbidden':
      return c.json(errorBody(BFF_ERROR_CODES.notYours, 403, refusal.message, true), 403);
    case 'not_found':
      return c.json(errorBody(BFF_ERROR_CODES.reviewNotFound, 404, `There is no such ${what}.`, true), 404);
    case 'conflict':
      return conflictAnswer(c, refusal.current, what, await current());
  }
}

export function conflictAnswer(c: Context, state: CurrentState, what: string, current: unknown): Response {
  const who = state.changedBy?.name ?? 'Someone';
  const when = state.changedAt.toISOString();
  const message = state.deleted
    ? `${who} deleted this ${what} at ${when}.`
    : `${who} changed this ${what} at ${when} (now version ${state.version}). Reload it, or save again to overwrite.`;
  return c.json({ ...errorBody(BFF_ERROR_CODES.editConflict, 409, message, true), conflict: { ...state, current } }, 409);
}
