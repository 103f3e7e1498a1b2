import { Hono, type Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { conversationPageSchema, conversationSchema } from '../api/conversation';
import { conversationListQuery } from '../api/conversation-list-query';
import { apiErrorBodySchema, BFF_ERROR_CODES, errorBody } from '../api/error';
import { checkId, type IdKind } from '../api/ids';
import { summariseIssues } from '../api/issues';
import { controlPlaneListQuery, operatorResultsListQuery } from '../api/list-query';
import { configurationPageSchema, operatorPageSchema, operatorSchema } from '../api/operator';
import { operatorResultPageSchema, operatorResultSchema } from '../api/operator-result';
import { apiPaths } from '../api/paths';
import type { ServerStatus } from '../api/status';
import { installAccessControl } from './access';
import type { Readiness } from './db/storage';
import { clientHolds, entityTagOf } from './entity-tag';
import { installHealthRoutes } from './health-routes';
import { sameOriginWrites } from './same-origin-writes';
import { WARM_UP_SCRIPT_SOURCE } from './inline-script';
import { listTarget, type Target } from './list-queries';
import { TtlCache } from './ttl-cache';
import { UpstreamUnavailable, type Upstream, type UpstreamResponse } from './upstream-contract';

export type LogEntry = Record<string, string | number | boolean | undefined>;
export type Logger = (entry: LogEntry) => void;

/** Structured, one JSON object a line. Never given message text or credentials. */
export const jsonLogger: Logger = (entry) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);

export type AppOptions = {
  upstream: Upstream;
  status: ServerStatus;
  /** Absolute path of the built SPA; when set, it is served with an index.html fallback. */
  serveSpa?: (app: Hono) => void;
  log?: Logger;
  /** How long operator definitions, and the lists of operators and configurations, are kept; they change rarely. */
  operatorCacheTtlMs?: number;
  /** The server's clock, in ms: for the operator cache and the sessions' lifetime. */
  now?: () => number;
  /** When set, every page and API route requires it (see ./access.ts). */
  accessToken?: string | null;
  /** Whether the database is reachable and migrated, for `GET /api/ready`. */
  readiness?: () => Promise<Readiness>;
};

/** Headers from Twilio that a client needs to act on (rate limits) or to report a problem. */
const FORWARDED_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after', 'twilio-request-id'];

/**
 * `Server-Timing` for one request: `upstream` is the time spent awaiting Twilio (0 when the answer
 * came from a cache or no call was needed), `app` the rest of the handler's time, which is what the
 * BFF adds. Durations only, in ms: no names, IDs or descriptions, so the header tells a client
 * nothing but how long things took. `npm run bench` reads `app` under load.
 */
export function serverTimingHeader(upstreamMs: number, appMs: number): string {
  const ms = (value: number) => Math.max(0, Math.round(value * 100) / 100);
  return `upstream;dur=${ms(upstreamMs)}, app;dur=${ms(appMs)}`;
}

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

export function createApp({
  upstream,
  status,
  serveSpa,
  log = jsonLogger,
  operatorCacheTtlMs = 5 * 60_000,
  now = Date.now,
  accessToken = null,
  readiness,
}: AppOptions): Hono {
  const app = new Hono();
  // Time each request spent awaiting Twilio, keyed by the request itself so concurrent requests
  // cannot mix theirs up; read by the /api/* middleware for Server-Timing.
  const upstreamWaits = new WeakMap<Request, number>();
  const operatorCache = new TtlCache<UpstreamResponse>(operatorCacheTtlMs, 1000, now);

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", WARM_UP_SCRIPT_SOURCE],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
      crossOriginEmbedderPolicy: false,
    }),
  );

  // Before any route, sign-in and sign-out included: no write from another site reaches one.
  app.use('*', sameOriginWrites);
  installHealthRoutes(app, readiness);
  if (accessToken) installAccessControl(app, accessToken, now);

  app.use('/api/*', async (c, next) => {
    const started = performance.now();
    await next();
    c.header('Cache-Control', 'no-store');
    log({
      level: c.res.status >= 500 ? 'error' : c.res.status >= 400 ? 'warn' : 'info',
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
    // Taken after the log line: writing it is part of what the BFF adds before the answer leaves.
    const upstreamMs = upstreamWaits.get(c.req.raw) ?? 0;
    c.header('Server-Timing', serverTimingHeader(upstreamMs, performance.now() - started - upstreamMs));
  });

  /** Validates, calls Twilio, checks the answer against the contract and passes it through as it came. */
  const relay =
    (resource: string, schema: Schema, target: (c: Context) => Target, cache?: TtlCache<UpstreamResponse>) =>
    async (c: Context) => {
      const destination = target(c);
      if (!destination.ok) {
        const params = destination.parameter === undefined ? undefined : { parameter: destination.parameter };
        return c.json(errorBody(destination.code ?? BFF_ERROR_CODES.invalidId, 400, destination.problem, true, params), 400);
      }

      let answer = cache?.get(destination.path);
      if (!answer) {
        const asked = performance.now();
        try {
          answer = await upstream.get(destination.path);
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

      for (const name of FORWARDED_HEADERS) {
        const value = answer.headers[name];
        if (value !== undefined) c.header(name, value);
      }

      if (answer.status === 200) {
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
      }

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
    };

  app.get('/api/status', (c) => c.json(status));
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
  app.all('/api/*', (c) =>
    c.json(errorBody(BFF_ERROR_CODES.notFound, 404, `No API route ${c.req.method} ${c.req.path}.`, true), 404),
  );

  serveSpa?.(app);

  app.onError((error, c) => {
    log({ level: 'error', event: 'unhandled', name: error.name, message: error.message });
    return c.json(errorBody(BFF_ERROR_CODES.internal, 500, 'The server failed to handle this request.', false), 500);
  });

  return app;
}
