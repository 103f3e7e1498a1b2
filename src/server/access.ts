import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { BFF_ERROR_CODES, errorBody } from '../api/error';
import { signInPage, SIGN_IN_CSS } from './sign-in-page';

export const SESSION_COOKIE = 'viewer_session';
export const SESSION_HOURS = 12;
/** How far ahead of the server's clock an issue time may be (clocks of a server's replicas differ a little). */
const CLOCK_SKEW_SECONDS = 60;

const signature = (token: string, issuedAtSeconds: number) =>
  createHmac('sha256', token).update(`conversation-viewer session v2 ${issuedAtSeconds}`).digest('base64url');

/**
 * The session cookie: when it was issued, signed with the token (`<issued at, Unix seconds>.<HMAC>`).
 * It holds nothing of the token itself; a new token makes every signature wrong, so rotating the
 * token ends every session.
 */
export function sessionValue(token: string, issuedAtSeconds: number): string {
  return `${issuedAtSeconds}.${signature(token, issuedAtSeconds)}`;
}

/**
 * Whether a cookie is a session this token signed that has not ended. It ends SESSION_HOURS after
 * it was issued, here on the server: the cookie's Max-Age only asks the browser to drop it, and a
 * copied cookie would not. One issued later than now (beyond a little clock skew) is refused too.
 */
export function validSession(cookie: string, token: string, nowMs: number): boolean {
  const parts = /^(\d{1,12})\.([\w-]{43})$/.exec(cookie);
  if (!parts) return false;
  const issuedAt = Number(parts[1]);
  const age = nowMs / 1000 - issuedAt;
  if (age > SESSION_HOURS * 3600 || age < -CLOCK_SKEW_SECONDS) return false;
  return sameSecret(parts[2]!, signature(token, issuedAt));
}

/** Compares secrets in constant time (hashing first makes the lengths equal). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Only a path on this site: no scheme, no protocol-relative `//host`, no backslash tricks. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) && next !== '/sign-in' ? next : '/';
}

/**
 * Puts every page and API route behind `token`. People sign in once (a cookie that lasts
 * SESSION_HOURS); scripts send `Authorization: Bearer <token>`. Must be installed before the routes
 * it protects, and after `sameOriginWrites` (./same-origin-writes.ts), which keeps other sites from
 * posting to sign-in and sign-out. `now` is the server's clock, in ms.
 */
export function installAccessControl(app: Hono, token: string, now: () => number = Date.now): void {
  app.get('/sign-in.css', (c) => c.body(SIGN_IN_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/sign-in', (c) => c.html(signInPage({ next: safeNext(c.req.query('next')), problem: null })));
  app.post('/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const next = safeNext(form.next);
    const given = typeof form.token === 'string' ? form.token.trim() : '';
    if (!sameSecret(given, token)) {
      return c.html(signInPage({ next, problem: given ? 'That access token is not right.' : 'Enter the access token.' }), 401);
    }
    setCookie(c, SESSION_COOKIE, sessionValue(token, Math.floor(now() / 1000)), {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
      maxAge: SESSION_HOURS * 3600,
    });
    return c.redirect(next, 303);
  });
  app.post('/sign-out', (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/sign-in', 303);
  });

  app.use('*', async (c, next) => {
    const bearer = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const cookie = getCookie(c, SESSION_COOKIE);
    if ((bearer !== undefined && sameSecret(bearer, token)) || (cookie !== undefined && validSession(cookie, token, now())))
      return next();
    if (c.req.path.startsWith('/api/')) {
      c.header('WWW-Authenticate', 'Bearer');
      c.header('Cache-Control', 'no-store');
      return c.json(
        errorBody(
          BFF_ERROR_CODES.notSignedIn,
          401,
          'Sign in to this viewer first, or send Authorization: Bearer <VIEWER_ACCESS_TOKEN>.',
          true,
        ),
        401,
      );
    }
    const url = new URL(c.req.url);
    return c.redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
  });
}
