import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emulatedUpstream } from '../../tests/in-process-twilio';
import type { ServerStatus } from '../api/status';
import { seedConversation } from '../mocks/fixtures/conversations';
import { plainDemoStatus } from '../mocks/fixtures/server-status';
import { sameSecret } from './identity/secrets';
import { SESSION_COOKIE, SESSION_HOURS, sessionValue, validSession } from './identity/sessions';
import { safeNext } from './sign-in-routes';
import { createApp } from './app';

const TOKEN = 'correct-horse-battery-staple-0123456789';
const status: ServerStatus = { ...plainDemoStatus, access: 'token' };
const api = `/api/v3/Conversations/${seedConversation.id}`;
/** The server's clock in these tests: 2026-11-24T09:00:00Z, unless a test moves it. */
const SIGNED_IN_AT = Date.UTC(2026, 10, 24, 9) / 1000;
const HOUR = 3600;

function appWith(accessToken: string | null, now: () => number = () => SIGNED_IN_AT * 1000) {
  return createApp({
    upstream: emulatedUpstream,
    status,
    log: () => {},
    accessToken,
    now,
    serveSpa: (app) => app.get('*', (c) => c.html('<div id="root"></div>')),
  });
}

/** A sign-in as a browser posts it: from this site's page (or, with `origin`, from that one). */
const signIn = (app: ReturnType<typeof appWith>, token: string, next = '/conversations/x', origin?: string) =>
  app.request('/sign-in', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Host: 'viewer.test',
      ...(origin ? { Origin: origin } : { 'Sec-Fetch-Site': 'same-origin' }),
    },
    body: new URLSearchParams({ token, next }).toString(),
  });

const withSession = (value: string) => ({ headers: { Cookie: `${SESSION_COOKIE}=${value}` } });

describe('with an access token', () => {
  const app = appWith(TOKEN);

  it('refuses the API without credentials, in the v3 error shape', async () => {
    const response = await app.request(api);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toMatchObject({ code: 90401, httpStatusCode: 401 });
  });

  it('sends people to the sign-in page, remembering where they were going', async () => {
    const response = await app.request('/conversations/abc?result=x');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent('/conversations/abc?result=x')}`);
    const page = await app.request('/sign-in?next=%2Fconversations%2Fabc');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<label for="token">Access token</label>');
    expect(html).toContain('value="/conversations/abc"');
    expect(html).not.toContain('<script');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('accepts a bearer token from scripts, and refuses a wrong one', async () => {
    expect((await app.request(api, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await app.request(api, { headers: { Authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await app.request(api, { headers: { Authorization: `Basic ${TOKEN}` } })).status).toBe(401);
  });

  it('signs in with the right token: an HttpOnly, SameSite=Strict cookie that is not the token', async () => {
    const response = await signIn(app, TOKEN);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/conversations/x');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toContain(`${SESSION_COOKIE}=${sessionValue(TOKEN, SIGNED_IN_AT)}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(new RegExp(`Max-Age=${SESSION_HOURS * HOUR}`));
    expect(cookie).not.toContain(TOKEN);
    const withCookie = await app.request(api, withSession(sessionValue(TOKEN, SIGNED_IN_AT)));
    expect(withCookie.status).toBe(200);
    expect((await app.request('/conversations/x', withSession(sessionValue(TOKEN, SIGNED_IN_AT)))).status).toBe(200);
  });

  it('refuses a wrong token with the form and a message, and sets no cookie', async () => {
    const response = await signIn(app, 'guess');
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toContain('That access token is not right.');
    expect((await app.request(api, { headers: { Cookie: `${SESSION_COOKIE}=${TOKEN}` } })).status).toBe(401);
  });

  it('refuses a sign-in posted from another site', async () => {
    expect((await signIn(app, TOKEN, '/', 'https://evil.example')).status).toBe(403);
    expect((await signIn(app, TOKEN, '/', 'http://viewer.test')).status).toBe(303);
  });

  it('judges by Sec-Fetch-Site first: our no-referrer policy makes browsers send Origin: null', async () => {
    const post = (headers: Record<string, string>) =>
      app.request('/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Host: 'viewer.test', ...headers },
        body: new URLSearchParams({ token: TOKEN, next: '/' }).toString(),
      });
    expect((await post({ Origin: 'null', 'Sec-Fetch-Site': 'same-origin' })).status).toBe(303);
    expect((await post({ Origin: 'null', 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await post({ Origin: 'http://viewer.test', 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
  });

  it('never redirects off the site after sign-in', async () => {
    for (const next of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/sign-in']) {
      expect((await signIn(app, TOKEN, next)).headers.get('location')).toBe('/');
    }
  });

  it('signs out by clearing the cookie', async () => {
    const response = await app.request('/sign-out', {
      method: 'POST',
      headers: { Host: 'viewer.test', 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`${SESSION_COOKIE}=;.*Max-Age=0`, 'i'));
  });
});

describe('a session', () => {
  let clock = SIGNED_IN_AT * 1000;
  const app = appWith(TOKEN, () => clock);
  const session = sessionValue(TOKEN, SIGNED_IN_AT);
  const at = (seconds: number) => (clock = seconds * 1000);

  it('works for its 12 hours, and is refused after them: 401 on the API, sign-in for pages', async () => {
    at(SIGNED_IN_AT + SESSION_HOURS * HOUR);
    expect((await app.request(api, withSession(session))).status).toBe(200);
    expect((await app.request('/conversations/x', withSession(session))).status).toBe(200);

    at(SIGNED_IN_AT + SESSION_HOURS * HOUR + 1);
    const refused = await app.request(api, withSession(session));
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 90401 });
    const page = await app.request('/conversations/x', withSession(session));
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent('/conversations/x')}`);
  });

  it('signed in again gets a fresh 12 hours', async () => {
    at(SIGNED_IN_AT + 20 * HOUR);
    const cookie = (await signIn(app, TOKEN)).headers.get('set-cookie')!;
    const fresh = sessionValue(TOKEN, SIGNED_IN_AT + 20 * HOUR);
    expect(cookie).toContain(`${SESSION_COOKIE}=${fresh}`);
    at(SIGNED_IN_AT + 31 * HOUR);
    expect((await app.request(api, withSession(fresh))).status).toBe(200);
  });

  it('is refused when it claims to be issued in the future, beyond a minute of clock skew', async () => {
    at(SIGNED_IN_AT);
    expect((await app.request(api, withSession(sessionValue(TOKEN, SIGNED_IN_AT + 60)))).status).toBe(200);
    expect((await app.request(api, withSession(sessionValue(TOKEN, SIGNED_IN_AT + 61)))).status).toBe(401);
    expect((await app.request(api, withSession(sessionValue(TOKEN, SIGNED_IN_AT + 365 * 24 * HOUR)))).status).toBe(401);
  });

  it('cannot be stretched: a later issue time under the old signature is refused', async () => {
    at(SIGNED_IN_AT + 13 * HOUR);
    const signature = session.split('.')[1];
    expect((await app.request(api, withSession(`${SIGNED_IN_AT + 12 * HOUR}.${signature}`))).status).toBe(401);
  });

  it('ends when the token changes', async () => {
    at(SIGNED_IN_AT + HOUR);
    const rotated = appWith(`${TOKEN}-rotated`, () => clock);
    expect((await rotated.request(api, withSession(session))).status).toBe(401);
  });

  it('refuses the cookie of earlier versions, which held no issue time', async () => {
    at(SIGNED_IN_AT + HOUR);
    const earlier = createHmac('sha256', TOKEN).update('conversation-viewer session v1').digest('base64url');
    expect((await app.request(api, withSession(earlier))).status).toBe(401);
    expect((await app.request('/conversations/x', withSession(earlier))).status).toBe(302);
  });

  it.each([
    '',
    '.',
    `${SIGNED_IN_AT}.`,
    `.${session.split('.')[1]}`,
    `-1.${session.split('.')[1]}`,
    `${session}x`,
    `1e9.${session.split('.')[1]}`,
  ])('refuses a malformed cookie: %j', (value) => {
    expect(validSession(value, TOKEN, SIGNED_IN_AT * 1000)).toBe(false);
  });
});

describe('without an access token (loopback only)', () => {
  it('serves pages and the API directly', async () => {
    const app = appWith(null);
    expect((await app.request(api)).status).toBe(200);
    expect((await app.request('/conversations/x')).status).toBe(200);
    expect((await app.request('/sign-in')).status).toBe(200); // the SPA's own not-found page, not a form
  });
});

describe('helpers', () => {
  it('compares secrets of any length without throwing', () => {
    expect(sameSecret(TOKEN, TOKEN)).toBe(true);
    expect(sameSecret('', TOKEN)).toBe(false);
    expect(sameSecret(`${TOKEN}${TOKEN}`, TOKEN)).toBe(false);
  });
  it('keeps only on-site paths as the place to return to', () => {
    expect(safeNext('/conversations/a?b=c')).toBe('/conversations/a?b=c');
    expect(safeNext(undefined)).toBe('/');
    expect(safeNext('/a b')).toBe('/');
  });
});
