import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { conversationSchema } from '../api/conversation';
import { apiErrorBodySchema, BFF_ERROR_CODES, errorBody } from '../api/error';
import { checkId, type IdKind } from '../api/ids';
import { summariseIssues } from '../api/issues';
import { operatorSchema } from '../api/operator';
import { operatorResultPageSchema, operatorResultSchema } from '../api/operator-result';
import { apiPaths } from '../api/paths';
import type { Logger } from './log';
import type { TtlCache } from './ttl-cache';
import { UpstreamUnavailable, type Upstream, type UpstreamResponse } from './upstream-contract';

/** Headers from Twilio that a client needs to act on (rate limits) or to report a problem. */
const FORWARDED_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after', 'twilio-request-id'];

type Schema = {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: Parameters<typeof summariseIssues>[0] } };
};

function relayOnce(body: unknown, schema: Schema): NonNullable<UpstreamResponse['relayed']> {
  const parsed = schema.safeParse(body);
  return parsed.success ? { text: JSON.stringify(body) } : { problem: summariseIssues(parsed.error.issues) };
}

/** Where a request goes upstream, or why it cannot. */
type Target = { ok: true; path: string } | { ok: false; problem: string };

const byId =
  (kind: IdKind, path: (id: string) => string) =>
  (c: Context): Target => {
    const check = checkId(kind, c.req.param('id') ?? '');
    return check.ok ? { ok: true, path: path(check.id) } : check;
  };

/**
 * Page tokens are Twilio's opaque cursors: whatever Twilio gave is passed back exactly, URL-encoded
 * into the query. Only the length is bounded, so that a request cannot grow without limit.
 */
export const MAX_PAGE_TOKEN_LENGTH = 2048;

/** `?conversationId=` (required), `pageSize` and an opaque `pageToken`; nothing else is forwarded. */
function operatorResultsList(c: Context): Target {
  const conversationId = c.req.query('conversationId');
  if (conversationId === undefined)
    return { ok: false, problem: 'Add ?conversationId= to list the results of one conversation.' };
  const check = checkId('conversation', conversationId);
  if (!check.ok) return check;
  const query = new URLSearchParams({ conversationId: check.id });
  const pageSize = c.req.query('pageSize');
  if (pageSize !== undefined) {
    if (!/^\d{1,4}$/.test(pageSize) || Number(pageSize) < 1 || Number(pageSize) > 1000) {
      return { ok: false, problem: 'pageSize must be a whole number from 1 to 1000.' };
    }
    query.set('pageSize', String(Number(pageSize)));
  }
  const pageToken = c.req.query('pageToken');
  if (pageToken !== undefined) {
    if (pageToken.length === 0 || pageToken.length > MAX_PAGE_TOKEN_LENGTH) {
      return { ok: false, problem: `pageToken must be from 1 to ${MAX_PAGE_TOKEN_LENGTH} characters, as Twilio gave it.` };
    }
    query.set('pageToken', pageToken);
  }
  return { ok: true, path: apiPaths.operatorResults(query) };
}

export type Asking = {
  upstream: Upstream;
  log: Logger;
  /** Time each request spent awaiting Twilio, for Server-Timing. */
  upstreamWaits: WeakMap<Request, number>;
};

/** Twilio's answer for `path`, or the request's answer when Twilio could not be asked (502, 504). */
export async function askTwilio(
  c: Context,
  path: string,
  { upstream, log, upstreamWaits }: Asking,
  cache?: TtlCache<UpstreamResponse>,
): Promise<UpstreamResponse | Response> {
  const kept = cache?.get(path);
  if (kept) return kept;
  const asked = performance.now();
  try {
    return await upstream.get(path);
  } catch (error) {
    if (error instanceof UpstreamUnavailable) {
      log({ level: 'error', event: 'upstream_unavailable', reason: error.reason, detail: error.detail });
      return error.reason === 'timeout'
        ? c.json(errorBody(BFF_ERROR_CODES.upstreamTimeout, 504, 'Twilio did not answer in time.', false), 504)
        : c.json(errorBody(BFF_ERROR_CODES.upstreamUnreachable, 502, 'Twilio could not be reached.', false), 502);
    }
    throw error;
  } finally {
    upstreamWaits.set(c.req.raw, performance.now() - asked);
  }
}

/** Twilio's answer other than 200, passed on with its status and its error body (or one of ours when it has none). */
export function upstreamRefusal(c: Context, answer: UpstreamResponse): Response {
  forwardHeaders(c, answer);
  const upstreamStatus = (answer.status >= 400 && answer.status <= 599 ? answer.status : 502) as ContentfulStatusCode;
  const errorShape = apiErrorBodySchema.safeParse(answer.body);
  if (errorShape.success) return c.json(answer.body as object, upstreamStatus);
  return c.json(
    errorBody(
      BFF_ERROR_CODES.upstreamUnreadable,
      upstreamStatus,
      `Twilio answered HTTP ${answer.status} without an error description.`,
      upstreamStatus < 500,
    ),
    upstreamStatus,
  );
}

function forwardHeaders(c: Context, answer: UpstreamResponse): void {
  for (const name of FORWARDED_HEADERS) {
    const value = answer.headers[name];
    if (value !== undefined) c.header(name, value);
  }
}

/**
 * The v3 mirror: each route validates, calls Twilio, checks the answer against the contract and
 * passes it through as it came.
 */
export function installRelayRoutes(app: Hono, asking: Asking & { operatorCache: TtlCache<UpstreamResponse> }): void {
  const { log, operatorCache } = asking;
  const relay =
    (resource: string, schema: Schema, target: (c: Context) => Target, cache?: TtlCache<UpstreamResponse>) =>
    async (c: Context) => {
      const destination = target(c);
      if (!destination.ok) return c.json(errorBody(BFF_ERROR_CODES.invalidId, 400, destination.problem, true), 400);

      const answer = await askTwilio(c, destination.path, asking, cache);
      if (answer instanceof Response) return answer;
      if (answer.status !== 200) return upstreamRefusal(c, answer);

      forwardHeaders(c, answer);
      // Checked and serialised once per answer: cached and coalesced answers are shared, and a
      // long conversation is hundreds of kilobytes of JSON.
      answer.relayed ??= relayOnce(answer.body, schema);
      if ('problem' in answer.relayed) {
        log({ level: 'error', event: 'upstream_shape', resource, issues: answer.relayed.problem });
        return c.json(
          errorBody(
            BFF_ERROR_CODES.unexpectedShape,
            502,
            `Twilio answered with data in an unexpected shape (${answer.relayed.problem}).`,
            false,
          ),
          502,
        );
      }
      cache?.set(destination.path, answer);
      // Passed through as Twilio sent it: validation never rewrites the body.
      return c.body(answer.relayed.text, 200, { 'Content-Type': 'application/json' });
    };

  // `{[\s\S]+}` so that IDs with slashes or line breaks (traversal, header injection attempts)
  // reach the validator and get a 400; `.` would not match a decoded newline.
  app.get(
    '/api/v3/Conversations/:id{[\\s\\S]+}',
    relay('conversation', conversationSchema, byId('conversation', apiPaths.conversation)),
  );
  app.get('/api/v3/OperatorResults', relay('operatorResults', operatorResultPageSchema, operatorResultsList));
  app.get(
    '/api/v3/OperatorResults/:id{[\\s\\S]+}',
    relay('operatorResult', operatorResultSchema, byId('operatorResult', apiPaths.operatorResult)),
  );
  app.get(
    '/api/v3/ControlPlane/Operators/:id{[\\s\\S]+}',
    relay('operator', operatorSchema, byId('operator', apiPaths.operator), operatorCache),
  );
}
