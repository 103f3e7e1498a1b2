import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { BFF_ERROR_CODES, errorBody } from '../api/error';
import type { ReviewerIdentity } from '../api/reviews';
import { LOCAL_NAME_COOKIE, localIdentity, readLocalNameCookie, type LocalIdentity } from './identity/local-identity';
import { userIdOfToken, tokenMatches } from './identity/personal-tokens';
import { proxyIdentity, type ProxyIdentity } from './identity/proxy-identity';
import { sameSecret } from './identity/secrets';
import { SESSION_COOKIE, userSessionClaim, validSession, validUserSession } from './identity/sessions';
import type { User, UsersDirectory } from './identity/users-file';
import type { Visitor } from './identity/visitor';
import { installSignIn } from './sign-in-routes';
import { TtlCache } from './ttl-cache';

export type AccessOptions = {
  /** The team's shared token (VIEWER_ACCESS_TOKEN): it reads, never writes. */
  teamToken: string | null;
  /** People with a role each, and a token of their own (VIEWER_USERS_FILE). */
  users: UsersDirectory | null;
  /** An authenticating proxy in front that names the person in a header. */
  proxy: ProxyIdentity | null;
  /** On loopback with none of the above: the remembered name. */
  local: LocalIdentity;
  /** The address of the machine that opened the connection (the socket's, never X-Forwarded-For). */
  peerAddress: (c: Context) => string | undefined;
  /** The server's clock, in ms. */
  now: () => number;
};

/** Who is asking, or why they may not. */
type Identification =
  Visitor | { refused: 'not_signed_in' | 'untrusted_header' | 'unknown_user' | 'users_file'; detail?: string };

const userIdentity = (user: User): ReviewerIdentity => ({
  source: 'token',
  subject: user.email.toLowerCase(),
  name: user.name,
  email: user.email,
  role: user.role,
});

const tokenKey = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Puts every page and API route (but those installed before it: health, readiness) behind the
 * configured ways of knowing who is asking, and records the answer as the request's `visitor`.
 * With none configured (loopback), everyone is the one local person. Must be installed after
 * `sameOriginWrites` (./same-origin-writes.ts), which keeps other sites from posting to sign-in,
 * sign-out and every write route.
 */
export function installAccessControl(app: Hono, options: AccessOptions): void {
  const { teamToken, users, proxy, local, peerAddress, now } = options;
  const open = !teamToken && !users && !proxy;
  // A slow hash per request would make every script's call cost 50 ms: a token that matched is
  // remembered (by its SHA-256) with the hash it matched, which must still be the user's.
  const verified = new TtlCache<string>(10 * 60_000, 1000, now);

  if (teamToken || users) installSignIn(app, { teamToken, users, now });

  const personalToken = async (token: string): Promise<Identification> => {
    const userId = userIdOfToken(token);
    const listed = users?.now();
    if (!userId || !listed) return { refused: 'not_signed_in' };
    if (!listed.ok) return { refused: 'users_file', detail: listed.problem };
    const user = listed.users.byId.get(userId);
    if (!user?.tokenHash) return { refused: 'not_signed_in' };
    const key = tokenKey(token);
    if (verified.get(key) !== user.tokenHash) {
      if (!(await tokenMatches(token, user.tokenHash))) return { refused: 'not_signed_in' };
      verified.set(key, user.tokenHash);
    }
    return { identifiedBy: 'token', identity: userIdentity(user) };
  };

  const identify = async (c: Context): Promise<Identification> => {
    if (proxy) {
      const named = c.req.header(proxy.header);
      if (named !== undefined) {
        if (!proxy.trusted.trusts(peerAddress(c))) return { refused: 'untrusted_header' };
        const listed = users?.now();
        if (listed && !listed.ok) return { refused: 'users_file', detail: listed.problem };
        const outcome = proxyIdentity(
          proxy,
          named,
          proxy.nameHeader ? c.req.header(proxy.nameHeader) : undefined,
          listed?.users ?? null,
        );
        return outcome.ok
          ? { identifiedBy: 'proxy', identity: outcome.identity }
          : { refused: outcome.problem === 'unknown' ? 'unknown_user' : 'not_signed_in' };
      }
    }
    const bearer = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer !== undefined) {
      if (teamToken && sameSecret(bearer, teamToken)) return { identifiedBy: 'team_token', identity: null };
      return personalToken(bearer);
    }
    const session = getCookie(c, SESSION_COOKIE);
    if (session !== undefined) {
      if (teamToken && validSession(session, teamToken, now())) return { identifiedBy: 'team_token', identity: null };
      const claim = userSessionClaim(session);
      const listed = claim ? users?.now() : undefined;
      if (listed && !listed.ok) return { refused: 'users_file', detail: listed.problem };
      const user = claim && listed?.ok ? listed.users.byId.get(claim.userId) : undefined;
      if (user?.tokenHash && validUserSession(session, user.tokenHash, now())) {
        return { identifiedBy: 'token', identity: userIdentity(user) };
      }
    }
    if (open) {
      const cookie = getCookie(c, LOCAL_NAME_COOKIE);
      const who = cookie === undefined ? null : readLocalNameCookie(local.secret, cookie);
      if (who) return { identifiedBy: 'local', identity: localIdentity(who), named: true };
      return { identifiedBy: 'local', identity: local.standIn ? localIdentity(local.standIn) : null, named: false };
    }
    return { refused: 'not_signed_in' };
  };

  app.use('*', async (c, next) => {
    const found = await identify(c);
    if (!('refused' in found)) {
      c.set('visitor', found);
      return next();
    }
    return refuse(c, found, { signInPage: Boolean(teamToken || users?.hasTokens()), headerName: proxy?.header ?? '' });
  });
}

function refuse(
  c: Context,
  { refused, detail }: Extract<Identification, { refused: string }>,
  { signInPage, headerName }: { signInPage: boolean; headerName: string },
) {
  const api = c.req.path.startsWith('/api/');
  if (api) c.header('Cache-Control', 'no-store');
  switch (refused) {
    case 'untrusted_header': {
      const message = `Refused: ${headerName} names the person only when a trusted proxy sends it (VIEWER_TRUSTED_PROXIES).`;
      return api ? c.json(errorBody(BFF_ERROR_CODES.untrustedIdentityHeader, 403, message, true), 403) : c.text(message, 403);
    }
    case 'unknown_user': {
      const message = 'You are signed in, but not a user of this viewer: ask its operator to add your e-mail to the users file.';
      return api ? c.json(errorBody(BFF_ERROR_CODES.unknownUser, 403, message, true), 403) : c.text(message, 403);
    }
    case 'users_file': {
      const message = `The viewer's users file cannot be read, so nobody can sign in with it until its operator fixes it. ${detail ?? ''}`;
      return api ? c.json(errorBody(BFF_ERROR_CODES.usersFileUnreadable, 503, message, false), 503) : c.text(message, 503);
    }
    case 'not_signed_in':
      break;
  }
  if (api) {
    c.header('WWW-Authenticate', 'Bearer');
    const how = signInPage
      ? 'Sign in to this viewer first, or send Authorization: Bearer <your access token>.'
      : 'Open this viewer through the sign-in proxy in front of it.';
    return c.json(errorBody(BFF_ERROR_CODES.notSignedIn, 401, how, true), 401);
  }
  if (!signInPage) return c.text('Open this viewer through the sign-in proxy in front of it.', 401);
  const url = new URL(c.req.url);
  return c.redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
}
