import * as z from 'zod/mini';

/** Twilio's "apiStandards v1.0" error body, as the v3 spec declares it. */
export const apiErrorBodySchema = z.looseObject({
  code: z.number(),
  message: z.string(),
  httpStatusCode: z.optional(z.number()),
  userError: z.optional(z.boolean()),
  params: z.optional(z.nullable(z.record(z.string(), z.string()))),
});

export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/**
 * Codes the BFF uses for errors it produces itself, all in this product's own 9xxxx range; Twilio's
 * own codes are passed through as Twilio sent them. The last three digits are the HTTP status,
 * except for `invalidParameter` (a 400, told from `invalidId` by its last digits) and for
 * `unexpectedShape` and `upstreamUnreadable`, two kinds of 502. Other codes that share a status
 * differ in the thousands, so that a page can tell, say, a viewer's refused write from a note that
 * is someone else's.
 */
export const BFF_ERROR_CODES = {
  invalidId: 90400,
  /** A list parameter the BFF does not know, or a value it does not allow (not an ID). */
  invalidParameter: 90402,
  /** A review request's body or query is not what the API takes (src/api/reviews.ts). */
  invalidInput: 91400,
  notSignedIn: 90401,
  crossSiteWrite: 90403,
  /** Signed in as a viewer: reviews can be read, not written. */
  readOnly: 91403,
  /** A note or verdict of someone else's. */
  notYours: 92403,
  /** On loopback: the reviewer has not said their name yet (PUT /api/me). */
  nameNeeded: 93403,
  /** A request carrying the identity header that did not come from a trusted proxy. */
  untrustedIdentityHeader: 94403,
  /** The proxy named someone the users file does not list, and there is no default role. */
  unknownUser: 95403,
  /** The name comes from the users file or the proxy, so it cannot be changed here. */
  nameFixed: 96403,
  notFound: 90404,
  /** A review record (note, verdict) that is not there. */
  reviewNotFound: 91404,
  /** A write based on a version that is no longer the current one. */
  editConflict: 90409,
  bodyTooLarge: 90413,
  notJson: 90415,
  internal: 90500,
  upstreamUnreachable: 90502,
  /** The database is opening, or could not be opened. */
  databaseUnavailable: 90503,
  /** The users file changed and can no longer be read. */
  usersFileUnreadable: 91503,
  upstreamTimeout: 90504,
  unexpectedShape: 90510,
  upstreamUnreadable: 90520,
} as const;

export function errorBody(
  code: number,
  httpStatusCode: number,
  message: string,
  userError: boolean,
  params?: Record<string, string>,
): ApiErrorBody {
  return params ? { code, message, httpStatusCode, userError, params } : { code, message, httpStatusCode, userError };
}
