import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emulatedUpstream } from '../../tests/in-process-twilio';
import { meSchema } from '../api/me';
import { plainDemoStatus } from '../mocks/fixtures/server-status';
import { seedConversation } from '../mocks/fixtures/conversations';
import { createApp, type AppOptions } from './app';
import { LOCAL_NAME_COOKIE, localNameCookie } from './identity/local-identity';
import { parseTrustedProxies } from './identity/trusted-proxies';
import { SESSION_COOKIE, SESSION_HOURS, userSessionValue } from './identity/sessions';
import { personWithToken, rewrite, usersFile } from './identity/testing/users-files';
import { UsersDirectory } from './identity/users-file';

const TEAM_TOKEN = 'a-shared-team-token-of-at-least-32-characters';
const SIGNED_IN_AT = Date.UTC(2026, 10, 30, 9) / 1000;
const api = `/api/v3/Conversations/${seedConversation.id}`;

function appWith(options: Partial<AppOptions>) {
  return createApp({
    upstream: emulatedUpstream,
    status: plainDemoStatus,
    log: () => {},
    now: () => SIGNED_IN_AT * 1000,
    ...options,
  });
}

const me = async (app: ReturnType<typeof appWith>, headers: Record<string, string> = {}) => {
  const response = await app.request('/api/me', { headers });
  expect(response.status).toBe(200);
  return meSchema.parse(await response.json());
};

const signIn = (app: ReturnType<typeof appWith>, token: string) =>
  app.request('/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin' },
    body: new URLSearchParams({ token, next: '/' }).toString(),
  });

const sessionOf = (response: Response) => /viewer_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];

describe('people with tokens of their own (a users file)', async () => {
  const ana = await personWithToken('Ana Lima');
  const vic = await personWithToken('Vic Viewer', 'viewer');
  const path = usersFile({ users: [ana.user, vic.user] });
  let clock = SIGNED_IN_AT * 1000;
  const app = appWith({ users: UsersDirectory.open(path), accessToken: TEAM_TOKEN, now: () => clock });

  it('sign in with their own token: the session names them, lasts 12 hours, and holds nothing of the token', async () => {
    const response = await signIn(app, ana.token);
    expect(response.status).toBe(303);
    const session = sessionOf(response)!;
    expect(session).toBe(userSessionValue(ana.user.id, ana.user.tokenHash!, SIGNED_IN_AT));
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/i);
    expect(session).not.toContain(ana.token.slice(17));
    const cookie = { Cookie: `${SESSION_COOKIE}=${session}` };
    expect(await me(app, cookie)).toEqual({
      identifiedBy: 'token',
      name: 'Ana Lima',
      email: 'ana.lima@example.com',
      role: 'reviewer',
      canWrite: true,
      askName: false,
      nameEditable: false,
      canSignOut: true,
    });
    clock = (SIGNED_IN_AT + SESSION_HOURS * 3600 + 1) * 1000;
    expect((await app.request('/api/me', { headers: cookie })).status).toBe(401);
    clock = SIGNED_IN_AT * 1000;
  });

  it('a viewer reads but may not write; a wrong or forged token gets nowhere', async () => {
    const viewer = await me(app, { Authorization: `Bearer ${vic.token}` });
    expect(viewer).toMatchObject({ identifiedBy: 'token', name: 'Vic Viewer', role: 'viewer', canWrite: false });
    const wrong = `${ana.token.slice(0, -3)}AAA`;
    expect((await signIn(app, wrong)).status).toBe(401);
    expect((await app.request(api, { headers: { Authorization: `Bearer ${wrong}` } })).status).toBe(401);
    const forged = `${SIGNED_IN_AT}.${ana.user.id}.${'A'.repeat(43)}`;
    expect((await app.request(api, { headers: { Cookie: `${SESSION_COOKIE}=${forged}` } })).status).toBe(401);
  });

  it("the team's shared token keeps working, and reads only", async () => {
    expect(await me(app, { Authorization: `Bearer ${TEAM_TOKEN}` })).toMatchObject({
      identifiedBy: 'team_token',
      name: null,
      role: 'viewer',
      canWrite: false,
    });
    const session = sessionOf(await signIn(app, TEAM_TOKEN))!;
    expect(await me(app, { Cookie: `${SESSION_COOKIE}=${session}` })).toMatchObject({ identifiedBy: 'team_token' });
  });

  it('someone removed from the file, or given a new token, loses access at their next request', async () => {
    const bo = await personWithToken('Bo');
    rewrite(path, { users: [ana.user, vic.user, bo.user] });
    const session = { Cookie: `${SESSION_COOKIE}=${sessionOf(await signIn(app, bo.token))}` };
    const bearer = { Authorization: `Bearer ${bo.token}` };
    expect((await app.request(api, { headers: session })).status).toBe(200);
    expect((await app.request(api, { headers: bearer })).status).toBe(200);

    const renewed = await personWithToken('Bo');
    rewrite(path, { users: [ana.user, vic.user, { ...bo.user, tokenHash: renewed.user.tokenHash }] });
    expect((await app.request(api, { headers: session })).status).toBe(401);
    expect((await app.request(api, { headers: bearer })).status).toBe(401);

    rewrite(path, { users: [ana.user, vic.user, bo.user] });
    expect((await app.request(api, { headers: bearer })).status).toBe(200);
    rewrite(path, { users: [ana.user, vic.user] });
    expect((await app.request(api, { headers: session })).status).toBe(401);
    expect((await app.request(api, { headers: bearer })).status).toBe(401);
  });

  it('a users file broken while the server runs lets nobody in through it, and says why', async () => {
    const session = { Cookie: `${SESSION_COOKIE}=${sessionOf(await signIn(app, ana.token))}` };
    rewrite(path, { users: [{ ...ana.user, role: 'owner' }] });
    const refused = await app.request(api, { headers: session });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ code: 91503, message: expect.stringContaining('users[0].role') });
    rewrite(path, { users: [ana.user, vic.user] });
    expect((await app.request(api, { headers: session })).status).toBe(200);
  });
});

describe('an authenticating proxy in front', async () => {
  const ana = await personWithToken('Ana Lima');
  const users = UsersDirectory.open(usersFile({ users: [{ ...ana.user, tokenHash: null }] }));
  const proxy = {
    header: 'X-Forwarded-Email',
    nameHeader: 'X-Forwarded-User',
    trusted: parseTrustedProxies('10.0.0.5, fd00::/8'),
    defaultRole: 'viewer' as const,
  };
  const app = appWith({ users, proxy });
  /** A request as it reaches the server from `peer`: @hono/node-server's connection info, not a header. */
  const from = (peer: string, headers: Record<string, string>, path = '/api/me') =>
    app.request(path, { headers }, { incoming: { socket: { remoteAddress: peer } } });

  it('is believed from its own address: the role and name come from the users file', async () => {
    const response = await from('::ffff:10.0.0.5', { 'X-Forwarded-Email': 'ANA.LIMA@example.com' });
    expect(meSchema.parse(await response.json())).toMatchObject({
      identifiedBy: 'proxy',
      name: 'Ana Lima',
      email: 'ana.lima@example.com',
      role: 'reviewer',
      canWrite: true,
      canSignOut: false,
    });
  });

  it('gives someone the file does not list the default role, named by the name header', async () => {
    const response = await from('fd00::7', { 'X-Forwarded-Email': 'cy@example.com', 'X-Forwarded-User': 'Cy Doe' });
    expect(meSchema.parse(await response.json())).toMatchObject({ name: 'Cy Doe', email: 'cy@example.com', role: 'viewer' });
  });

  it('is refused from anywhere else, whatever X-Forwarded-For says', async () => {
    const response = await from('10.0.0.6', { 'X-Forwarded-Email': 'ana.lima@example.com', 'X-Forwarded-For': '10.0.0.5' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 94403 });
    expect((await app.request('/api/me', { headers: { 'X-Forwarded-Email': 'ana.lima@example.com' } })).status).toBe(403);
    const page = await from('10.0.0.6', { 'X-Forwarded-Email': 'ana.lima@example.com' }, '/conversations/x');
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('trusted proxy');
  });

  it('without the header, nobody gets in: pages and the API say to come through the proxy', async () => {
    const response = await from('10.0.0.5', {});
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'Open this viewer through the sign-in proxy in front of it.' });
    const page = await from('10.0.0.5', {}, '/conversations/x');
    expect(page.status).toBe(401);
    expect(await page.text()).toBe('Open this viewer through the sign-in proxy in front of it.');
  });

  it('lets in only the people the file lists when there is no default role', async () => {
    const strict = appWith({ users, proxy: { ...proxy, defaultRole: null } });
    const headers = { 'X-Forwarded-Email': 'cy@example.com' };
    const response = await strict.request('/api/me', { headers }, { incoming: { socket: { remoteAddress: '10.0.0.5' } } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 95403 });
  });
});

describe('on loopback (one person, no sign-in)', () => {
  const secret = randomBytes(32);
  const app = appWith({ localIdentity: { secret, standIn: null } });
  const putMe = (body: unknown, headers: Record<string, string> = {}) =>
    app.request('/api/me', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin', ...headers },
      body: JSON.stringify(body),
    });

  it('asks for a name once, then remembers it in a signed cookie', async () => {
    expect(await me(app)).toMatchObject({
      identifiedBy: 'local',
      name: null,
      askName: true,
      canWrite: false,
      nameEditable: true,
    });
    const response = await putMe({ name: 'Ana Lima', email: 'ana@example.com' });
    expect(response.status).toBe(200);
    expect(meSchema.parse(await response.json())).toMatchObject({ name: 'Ana Lima', askName: false, canWrite: true });
    const cookie = /viewer_reviewer=([^;]+)/.exec(response.headers.get('set-cookie')!)![1]!;
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(response.headers.get('set-cookie')).toMatch(/Max-Age=34560000/);
    expect(await me(app, { Cookie: `${LOCAL_NAME_COOKIE}=${cookie}` })).toMatchObject({
      name: 'Ana Lima',
      email: 'ana@example.com',
    });

    const renamed = await putMe({ name: 'Ana L.' }, { Cookie: `${LOCAL_NAME_COOKIE}=${cookie}` });
    const next = /viewer_reviewer=([^;]+)/.exec(renamed.headers.get('set-cookie')!)![1]!;
    const subject = (value: string) => JSON.parse(Buffer.from(value.split('.')[0]!, 'base64url').toString()).s as string;
    expect(subject(next)).toBe(subject(cookie));
  });

  it('ignores a name cookie it did not sign, and refuses a bad name or a name from another site', async () => {
    const forged = localNameCookie(randomBytes(32), { subject: 's', name: 'Mallory', email: null });
    expect(await me(app, { Cookie: `${LOCAL_NAME_COOKIE}=${forged}` })).toMatchObject({ name: null, askName: true });
    const empty = await putMe({ name: ' ' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ message: 'name: The name is empty' });
    expect((await putMe({ name: 'Ana', role: 'admin' })).status).toBe(400);
    expect((await putMe({ name: 'Ana', email: 'not-an-address' })).status).toBe(400);
    expect((await putMe({ name: 'Ana' }, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  });

  it('in demo mode, reviews as the demo visitor until a name is given', async () => {
    const demo = appWith({ localIdentity: { secret, standIn: { subject: 'demo-visitor', name: 'Demo visitor', email: null } } });
    const response = await demo.request('/api/me');
    expect(meSchema.parse(await response.json())).toMatchObject({ name: 'Demo visitor', askName: false, canWrite: true });
  });

  it('elsewhere, the name cannot be set here', async () => {
    const team = appWith({ accessToken: TEAM_TOKEN });
    const response = await team.request('/api/me', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin', Authorization: `Bearer ${TEAM_TOKEN}` },
      body: JSON.stringify({ name: 'Ana' }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 96403 });
  });
});
