import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { conversationPageSchema, conversationSchema } from '../api/conversation';
import { conversationListQuery } from '../api/conversation-list-query';
import { apiErrorBodySchema, BFF_ERROR_CODES, errorBody } from '../api/error';
import { checkId, type IdKind } from '../api/ids';
import { summariseIssues } from '../api/issues';
import { controlPlaneListQuery, operatorResultsListQuery } from '../api/list-query';
import { configurationPageSchema, operatorPageSchema, operatorSchema, operatorVersionSchema } from '../api/operator';
import { checkOperatorVersion } from '../api/operator-version';
import { operatorResultPageSchema, operatorResultSchema } from '../api/operator-result';
import { apiPaths } from '../api/paths';
import { clientHolds, entityTagOf } from './entity-tag';
import { listTarget, type Target } from './list-queries';
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
  if (!parsed.success) return { problem: summariseIssues(parsed.error.issues) };
  const text = JSON.stringify(body);
  return { text, etag: entityTagOf(text) };
}

const byId =
  (kind: IdKind, path: (id: string) => string) =>
  (c: Context): Target => {
    const check = checkId(kind, c.req.param('id') ?? '');
    return check.ok ? { ok: true, path: path(check.id) } : check;
  };

/** An operator's ID and one of its version numbers, both checked: the version in its canonical form only. */
function operatorVersion(c: Context): Target {
  const operator = checkId('operator', c.req.param('id') ?? '');
  if (!operator.ok) return operator;
  const version = checkOperatorVersion(c.req.param('version') ?? '');
  if (!version.ok) return version;
  return { ok: true, path: apiPaths.operatorVersion(operator.id, version.version) };
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
      if (!destination.ok) {
        const params = destination.parameter === undefined ? undefined : { parameter: destination.parameter };
        return c.json(errorBody(destination.code ?? BFF_ERROR_CODES.invalidId, 400, destination.problem, true, params), 400);
      }

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
      // A re-read of what the client already holds (a live conversation polled every few seconds)
      // is answered without the body: the tag is of this answer, so it can never outlive a change.
      c.header('ETag', answer.relayed.etag);
      if (clientHolds(c.req.header('if-none-match'), answer.relayed.etag)) return c.body(null, 304);
      // Passed through as Twilio sent it: validation never rewrites the body.
      return c.body(answer.relayed.text, 200, { 'Content-Type': 'application/json' });
    };

  // `{[\s\S]+}` so that IDs with slashes or line breaks (traversal, header injection attempts)
  // reach the validator and get a 400; `.` would not match a decoded newline.
  app.get(
    '/api/v3/Conversations/:id{[\\s\\S]+}',
    relay('conversation', conversationSchema, byId('conversation', apiPaths.conversation)),
  );
  app.get(
    '/api/v3/Conversations',
    relay('conversations', conversationPageSchema, listTarget(conversationListQuery, apiPaths.conversations)),
  );
  app.get(
    '/api/v3/OperatorResults',
    relay('operatorResults', operatorResultPageSchema, listTarget(operatorResultsListQuery, apiPaths.operatorResults)),
  );
  app.get(
    '/api/v3/OperatorResults/:id{[\\s\\S]+}',
    relay('operatorResult', operatorResultSchema, byId('operatorResult', apiPaths.operatorResult)),
  );
  // Before the operator route, whose ID pattern would take the rest of the path. A version never
  // changes, so it is kept as long as an operator's definition is.
  app.get(
    '/api/v3/ControlPlane/Operators/:id{[^/]+}/Versions/:version{[\\s\\S]*}',
    relay('operatorVersion', operatorVersionSchema, operatorVersion, operatorCache),
  );
  app.get(
    '/api/v3/ControlPlane/Operators/:id{[\\s\\S]+}',
    relay('operator', operatorSchema, byId('operator', apiPaths.operator), operatorCache),
  );
  // The filter pickers' lists: definitions change rarely, so they are kept like a lookup.
  app.get(
    '/api/v3/ControlPlane/Operators',
    relay('operators', operatorPageSchema, listTarget(controlPlaneListQuery, apiPaths.operators), operatorCache),
  );
  app.get(
    '/api/v3/ControlPlane/Configurations',
    relay('configurations', configurationPageSchema, listTarget(controlPlaneListQuery, apiPaths.configurations), operatorCache),
  );
}
