import { apiErrorBodySchema, type ApiErrorBody } from '../api/error';
import { summariseIssues } from '../api/issues';
import { pause } from './pause';
import { conditionalGet, UNCHANGED, type Watch } from './reread';

type Schema<T> = {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: Parameters<typeof summariseIssues>[0] } };
};

/** An HTTP error from the viewer's server, carrying the v3 error body and when to retry. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly receivedAt = Date.now();
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
    /** How long the server asked us to wait (rate limits), in ms, if it said. */
    readonly retryAfterMs: number | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }
}

/** The answer was successful but does not match the contract. */
export class UnexpectedShapeError extends Error {
  override name = 'UnexpectedShapeError';
}

/** The viewer's own server could not be reached (offline, server stopped). */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/**
 * When to retry after a 429. `Retry-After` is seconds or an HTTP date; Twilio's
 * `X-RateLimit-Reset` is read as seconds from now, or as a Unix time when it is that large.
 */
export function retryDelayFromHeaders(headers: Headers, now = Date.now()): number | null {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = Number(headers.get('x-ratelimit-reset') ?? Number.NaN);
  if (Number.isFinite(reset)) return Math.max(0, reset > 1e9 ? reset * 1000 - now : reset * 1000);
  return null;
}

/**
 * The entity tag (ETag) each parsed answer came with, keyed by the parsed value itself: a re-read
 * of that value sends it as `If-None-Match`, and a 304 hands the same object back.
 */
const entityTags = new WeakMap<object, string>();

/** Carries the entity tag of `from` over to `to`, a copy or merge of the same answer. */
export function keepEntityTag<T>(from: unknown, to: T): T {
  const tag = typeof from === 'object' && from !== null ? entityTags.get(from) : undefined;
  if (tag !== undefined && typeof to === 'object' && to !== null) entityTags.set(to, tag);
  return to;
}

/**
 * GETs and checks a JSON answer. Given `held`, what an earlier call returned, it asks only for a
 * change (`If-None-Match`); when nothing changed (304) it returns `held` itself, unparsed, so the
 * caller's cache sees the same object and nothing that reads it renders again. Given a `watch`
 * too, it waits and keeps re-reading while nothing changes (see `Watch`), and returns `held` only
 * when the watch ends quietly.
 */
export async function getJson<T>(path: string, schema: Schema<T>, signal?: AbortSignal, held?: T, watch?: Watch): Promise<T> {
  const tag = typeof held === 'object' && held !== null ? entityTags.get(held) : undefined;
  let response: Response | typeof UNCHANGED;
  // Nothing to name: wait here, then read it whole.
  if (watch && tag === undefined) await pause(watch.every, signal);
  try {
    // No extra headers on a first read: a deep link's data is preloaded by the page
    // (src/server/spa.ts), and the browser only hands that answer to a request exactly like the
    // preload. A re-read names what it holds, off the main thread where it can be (./reread.ts).
    response = tag === undefined ? await fetch(path, { signal }) : await conditionalGet(path, tag, signal, watch);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new NetworkError('The viewer\u2019s server could not be reached.');
  }
  if (response === UNCHANGED) return held as T;
  if (response.status === 304) throw new UnexpectedShapeError('The server answered \u201cnot modified\u201d to a first read.');
  return readAnswer(response, schema);
}

/** Checks an answer: its error, or its body parsed by `schema` (and its entity tag kept). */
async function readAnswer<T>(response: Response, schema: Schema<T>): Promise<T> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    if (response.ok) throw new UnexpectedShapeError('The server answered with something that is not JSON.');
  }
  if (!response.ok) {
    const body = apiErrorBodySchema.safeParse(payload);
    throw new ApiError(response.status, body.success ? body.data : null, retryDelayFromHeaders(response.headers));
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new UnexpectedShapeError(summariseIssues(parsed.error.issues));
  const etag = response.headers.get('etag');
  if (etag !== null && typeof parsed.data === 'object' && parsed.data !== null) entityTags.set(parsed.data, etag);
  return parsed.data;
}

/**
 * A write to the viewer's own API (the review routes): JSON in, the answer parsed by `schema`.
 * Errors are thrown as by `getJson`; a 409's body keeps its `conflict` (the error body is loose).
 */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  schema: Schema<T>,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new NetworkError('The viewer\u2019s server could not be reached.');
  }
  return readAnswer(response, schema);
}
