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
 * except for `unexpectedShape` and `upstreamUnreadable`, two kinds of 502.
 */
export const BFF_ERROR_CODES = {
  invalidId: 90400,
  /** A list parameter the BFF does not know, or a value it does not allow (not an ID). */
  invalidParameter: 90402,
  notSignedIn: 90401,
  crossSiteWrite: 90403,
  notFound: 90404,
  internal: 90500,
  upstreamUnreachable: 90502,
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
