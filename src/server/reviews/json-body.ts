import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as z from 'zod/mini';
import { BFF_ERROR_CODES, errorBody } from '../../api/error';
import { summariseIssues } from '../../api/issues';
import { REVIEW_BODY_MAX_BYTES } from '../../api/review-requests';

/**
 * Refuses a body over REVIEW_BODY_MAX_BYTES before any of it is parsed: by its Content-Length when
 * it has one, else while it streams in.
 */
export const reviewBodyLimit: MiddlewareHandler = bodyLimit({
  maxSize: REVIEW_BODY_MAX_BYTES,
  onError: (c) =>
    c.json(
      errorBody(
        BFF_ERROR_CODES.bodyTooLarge,
        413,
        `The request is larger than ${REVIEW_BODY_MAX_BYTES / 1024} KiB, the most a review write may be.`,
        true,
      ),
      413,
    ),
});

export const invalidInput = (c: Context, message: string) =>
  c.json(errorBody(BFF_ERROR_CODES.invalidInput, 400, message, true), 400);

/**
 * The request's JSON body checked against `schema` (unknown fields refused), or the answer that
 * says what is wrong: 415 for a body that is not JSON by its type, 400 for one that does not parse
 * or does not match. The messages never quote the body.
 */
export async function readJson<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.infer<S> | Response> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return c.json(errorBody(BFF_ERROR_CODES.notJson, 415, 'Send the body as JSON (Content-Type: application/json).', true), 415);
  }
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    return invalidInput(c, 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return invalidInput(c, summariseIssues(parsed.error.issues, 5));
  return parsed.data as z.infer<S>;
}
