import { describe, expect, it } from 'vitest';
import { emulatedUpstream } from '../../tests/in-process-twilio';
import type { ServerStatus } from '../api/status';
import { seedConversation } from '../mocks/fixtures/conversations';
import { plainDemoStatus } from '../mocks/fixtures/server-status';
import { safeNext, sameSecret, SESSION_COOKIE, sessionValue } from './access';
import { createApp } from './app';

const TOKEN = 'correct-horse-battery-staple-0123456789';
const status: ServerStatus = { ...plainDemoStatus, access: 'token' };
const api = `/api/v3/Conversations/${seedConversation.id}`;

function appWith(accessToken: string | null) {
  return createApp({
    upstream: emulatedUpstream,
    status,
    log: () => {},
    accessToken,
    serveSpa: (app) => app.get('*', (c) => c.html('<div id="root"></div>')),
  });
}

const signIn = (app: ReturnType<typeof appWith>, token: string, next = '/conversations/x', origin?: string) =>
  app.request('/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Host: 'viewer.test', ...(origin ? { Origin: origin } : {}) },
    body: new URLSearchParams({ token, next }).toString(),
  });

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
    expect(cookie).toContain(`${SESSION_COOKIE}=${sessionValue(TOKEN)}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toContain(TOKEN);
    const withCookie = await app.request(api, { headers: { Cookie: `${SESSION_COOKIE}=${sessionValue(TOKEN)}` } });
    expect(withCookie.status).toBe(200);
    expect(
      (await app.request('/conversations/x', { headers: { Cookie: `${SESSION_COOKIE}=${sessionValue(TOKEN)}` } })).status,
    ).toBe(200);
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
    const response = await app.request('/sign-out', { method: 'POST', headers: { Host: 'viewer.test' } });
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`${SESSION_COOKIE}=;.*Max-Age=0`, 'i'));
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
