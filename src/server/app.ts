import { getConnInfo } from '@hono/node-server/conninfo';
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { BFF_ERROR_CODES, errorBody } from '../api/error';
import type { ServerStatus } from '../api/status';
import { installAccessControl } from './access';
import type { Readiness, Storage } from './db/storage';
import { installHealthRoutes } from './health-routes';
import type { LocalIdentity } from './identity/local-identity';
import type { ProxyIdentity } from './identity/proxy-identity';
import type { UsersDirectory } from './identity/users-file';
import { HEAD_SCRIPT_SOURCE } from './inline-script';
import { jsonLogger, type Logger } from './log';
import { installMeRoutes } from './me-routes';
import { installRelayRoutes } from './relay-routes';
import { installReviewRoutes } from './reviews/review-routes';
import { sameOriginWrites } from './same-origin-writes';
import { TtlCache } from './ttl-cache';
import type { Upstream, UpstreamResponse } from './upstream-contract';

export type AppOptions = {
  upstream: Upstream;
  status: ServerStatus;
  /** Absolute path of the built SPA; when set, it is served with an index.html fallback. */
  serveSpa?: (app: Hono, log: Logger) => void;
  log?: Logger;
  /** How long operator definitions and versions, and the lists of operators and configurations, are kept: they change rarely, a version never. */
  operatorCacheTtlMs?: number;
  /** The server's clock, in ms: for the operator cache and the sessions' lifetime. */
  now?: () => number;
  /** The team's shared token: when set, every page and API route asks for a token (see ./access.ts). */
  accessToken?: string | null;
  /** People with a role and a token of their own (VIEWER_USERS_FILE). */
  users?: UsersDirectory | null;
  /** An authenticating proxy in front that names the person in a header. */
  proxy?: ProxyIdentity | null;
  /** On loopback: signs the remembered name (a fresh secret when not given), and demo mode's stand-in. */
  localIdentity?: LocalIdentity;
  /** The address of the machine at the other end of the connection. */
  peerAddress?: (c: Context) => string | undefined;
  /** Whether the database is reachable and migrated, for `GET /api/ready`. */
  readiness?: () => Promise<Readiness>;
  /** The database the review API reads and writes; without it, those routes answer 503. */
  storage?: Pick<Storage, 'state'>;
};

/** The socket's peer, as @hono/node-server gives it; none for a request made in-process (tests). */
function socketPeer(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/** A database error's SQLSTATE: logged instead of its message, which can quote the values written. */
const sqlState = (error: Error): string | undefined => {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
};

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

export function createApp({
  upstream,
  status,
  serveSpa,
  log = jsonLogger,
  operatorCacheTtlMs = 5 * 60_000,
  now = Date.now,
  accessToken = null,
  users = null,
  proxy = null,
  localIdentity = { secret: randomBytes(32), standIn: null },
  peerAddress = socketPeer,
  readiness,
  storage,
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
        scriptSrc: ["'self'", HEAD_SCRIPT_SOURCE],
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
  installAccessControl(app, { teamToken: accessToken, users, proxy, local: localIdentity, peerAddress, now });

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

  app.get('/api/status', (c) => c.json(status));
  installRelayRoutes(app, { upstream, log, operatorCache, upstreamWaits });
  installMeRoutes(app, localIdentity);
  installReviewRoutes(app, { storage, asking: { upstream, log, upstreamWaits }, log });
  app.all('/api/*', (c) =>
    c.json(errorBody(BFF_ERROR_CODES.notFound, 404, `No API route ${c.req.method} ${c.req.path}.`, true), 404),
  );

  serveSpa?.(app, log);

  app.onError((error, c) => {
    const code = sqlState(error);
    log({ level: 'error', event: 'unhandled', name: error.name, ...(code ? { sqlState: code } : { message: error.message }) });
    return c.json(errorBody(BFF_ERROR_CODES.internal, 500, 'The server failed to handle this request.', false), 500);
  });

  return app;
}
