import type { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { tokenMatches, userIdOfToken } from './identity/personal-tokens';
import { sameSecret } from './identity/secrets';
import { SESSION_COOKIE, SESSION_HOURS, sessionValue, userSessionValue } from './identity/sessions';
import type { UsersDirectory } from './identity/users-file';
import { signInPage, SIGN_IN_CSS } from './sign-in-page';

/** Only a path on this site: no scheme, no protocol-relative `//host`, no backslash tricks. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) && next !== '/sign-in' ? next : '/';
}

/**
 * The sign-in form, which takes a person's own token (from the users file) or the team's shared
 * one, and sign-out. The session cookie is HttpOnly, SameSite=Strict, and ends after SESSION_HOURS
 * on the server (./identity/sessions.ts).
 */
export function installSignIn(
  app: Hono,
  { teamToken, users, now }: { teamToken: string | null; users: UsersDirectory | null; now: () => number },
): void {
  /** The session a token opens, or null for a token that is not right. */
  const sessionFor = async (token: string): Promise<string | null> => {
    const issuedAt = Math.floor(now() / 1000);
    const userId = userIdOfToken(token);
    const listed = users?.now();
    const user = userId && listed?.ok ? listed.users.byId.get(userId) : undefined;
    if (user?.tokenHash && (await tokenMatches(token, user.tokenHash)))
      return userSessionValue(user.id, user.tokenHash, issuedAt);
    if (teamToken && sameSecret(token, teamToken)) return sessionValue(teamToken, issuedAt);
    return null;
  };

  app.get('/sign-in.css', (c) => c.body(SIGN_IN_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/sign-in', (c) => c.html(signInPage({ next: safeNext(c.req.query('next')), problem: null })));
  app.post('/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const next = safeNext(form.next);
    const given = typeof form.token === 'string' ? form.token.trim() : '';
    const session = given ? await sessionFor(given) : null;
    if (!session) {
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
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/sign-in', 303);
  });
}
