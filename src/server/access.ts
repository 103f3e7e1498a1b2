import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { BFF_ERROR_CODES, errorBody } from '../api/error';
import { signInPage, SIGN_IN_CSS } from './sign-in-page';

export const SESSION_COOKIE = 'viewer_session';
const SESSION_HOURS = 12;

/** The cookie holds a value derived from the token, never the token itself. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('conversation-viewer session v1').digest('base64url');
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
 * Refuses form posts from other sites. Browsers send `Sec-Fetch-Site` whatever the referrer policy;
 * `Origin` is only a fallback, because our `Referrer-Policy: no-referrer` makes browsers send
 * `Origin: null` on form posts.
 */
function sameOrigin(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return true;
  try {
    return new URL(origin).host === c.req.header('host');
  } catch {
    return false;
  }
}

/**
 * Puts every page and API route behind `token`. People sign in once (a cookie); scripts send
 * `Authorization: Bearer <token>`. Must be installed before the routes it protects.
 */
export function installAccessControl(app: Hono, token: string): void {
  const session = sessionValue(token);

  app.get('/sign-in.css', (c) => c.body(SIGN_IN_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/sign-in', (c) => c.html(signInPage({ next: safeNext(c.req.query('next')), problem: null })));
  app.post('/sign-in', async (c) => {
    if (!sameOrigin(c)) return c.text('Cross-site sign-in refused.', 403);
    const form = await c.req.parseBody();
    const next = safeNext(form.next);
    const given = typeof form.token === 'string' ? form.token.trim() : '';
    if (!sameSecret(given, token)) {
      return c.html(signInPage({ next, problem: given ? 'That access token is not right.' : 'Enter the access token.' }), 401);
    }
    setCookie(c, SESSION_COOKIE, session, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
      maxAge: SESSION_HOURS * 3600,
    });
    return c.redirect(next, 303);
  });
  app.post('/sign-out', (c) => {
    if (!sameOrigin(c)) return c.text('Cross-site sign-out refused.', 403);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/sign-in', 303);
  });

  app.use('*', async (c, next) => {
    const bearer = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const cookie = getCookie(c, SESSION_COOKIE);
    if ((bearer !== undefined && sameSecret(bearer, token)) || (cookie !== undefined && sameSecret(cookie, session)))
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
