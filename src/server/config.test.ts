import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accountSidPrefix, isLoopback, ConfigError, loadConfig, readEnv } from './config';
import { personWithToken, usersFile } from './identity/testing/users-files';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'auth-token-9f8e7d6c5b4a';
const API_KEY = 'SKfedcba9876543210fedcba9876543210';
const API_SECRET = 'api-secret-1a2b3c4d';

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig(${JSON.stringify(Object.keys(env))}) did not throw`);
}

describe('loadConfig', () => {
  it('runs in demo mode on 127.0.0.1:3000 with an empty environment', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('demo');
    expect(config.credentials).toBeNull();
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3000);
    expect(config.upstreamTimeoutMs).toBe(10_000);
  });

  it('goes live with an account SID and auth token', () => {
    const config = loadConfig({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN });
    expect(config.mode).toBe('live');
    expect(config.credentials).toEqual({ kind: 'authToken', accountSid: SID, authToken: TOKEN });
  });

  it('goes live with an API key, its secret and the account SID', () => {
    const config = loadConfig({ TWILIO_ACCOUNT_SID: SID, TWILIO_API_KEY: API_KEY, TWILIO_API_SECRET: API_SECRET });
    expect(config.mode).toBe('live');
    expect(config.credentials).toEqual({ kind: 'apiKey', accountSid: SID, apiKey: API_KEY, apiSecret: API_SECRET });
  });

  it('passes the region and edge through', () => {
    const config = loadConfig({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_REGION: 'ie1', TWILIO_EDGE: 'dublin' });
    expect(config.region).toBe('ie1');
    expect(config.edge).toBe('dublin');
  });

  it.each([
    ['only the account SID', { TWILIO_ACCOUNT_SID: SID }, ['TWILIO_AUTH_TOKEN']],
    ['only the auth token', { TWILIO_AUTH_TOKEN: TOKEN }, ['TWILIO_ACCOUNT_SID']],
    [
      'an API key and secret without the account SID',
      { TWILIO_API_KEY: API_KEY, TWILIO_API_SECRET: API_SECRET },
      ['TWILIO_ACCOUNT_SID'],
    ],
    ['an API key without its secret', { TWILIO_ACCOUNT_SID: SID, TWILIO_API_KEY: API_KEY }, ['TWILIO_API_SECRET']],
    ['an API secret without its key', { TWILIO_ACCOUNT_SID: SID, TWILIO_API_SECRET: API_SECRET }, ['TWILIO_API_KEY']],
  ])('refuses %s, naming what is missing', (_label, env, missing) => {
    const error = configError(env);
    for (const name of missing) expect(error.message).toContain(name);
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toContain(API_SECRET);
  });

  it('refuses a malformed account SID, naming TWILIO_ACCOUNT_SID', () => {
    const error = configError({ TWILIO_ACCOUNT_SID: 'AC123', TWILIO_AUTH_TOKEN: TOKEN });
    expect(error.message).toContain('TWILIO_ACCOUNT_SID');
    expect(error.message).not.toContain(TOKEN);
    expect(configError({ TWILIO_ACCOUNT_SID: 'SK0123456789abcdef0123456789abcdef', TWILIO_AUTH_TOKEN: TOKEN }).message).toContain(
      'TWILIO_ACCOUNT_SID',
    );
  });

  it('refuses a malformed API key, naming TWILIO_API_KEY', () => {
    const error = configError({ TWILIO_ACCOUNT_SID: SID, TWILIO_API_KEY: 'key', TWILIO_API_SECRET: API_SECRET });
    expect(error.message).toContain('TWILIO_API_KEY');
  });

  it('parses PORT and UPSTREAM_TIMEOUT_MS from strings', () => {
    const config = loadConfig({ PORT: '8080', UPSTREAM_TIMEOUT_MS: '2500', HOST: '127.0.0.2' });
    expect(config.port).toBe(8080);
    expect(config.upstreamTimeoutMs).toBe(2500);
    expect(config.host).toBe('127.0.0.2');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['UPSTREAM_TIMEOUT_MS', '10'],
    ['UPSTREAM_TIMEOUT_MS', 'soon'],
    ['DEMO_BENCH_CONVERSATIONS', 'yes'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(configError({ [name]: value }).message).toContain(name);
  });

  it('treats empty-string values as unset', () => {
    const config = loadConfig({
      TWILIO_ACCOUNT_SID: '',
      TWILIO_AUTH_TOKEN: '',
      TWILIO_API_KEY: '',
      TWILIO_API_SECRET: '',
      TWILIO_REGION: '',
      TWILIO_EDGE: '',
      HOST: '',
      PORT: '',
      UPSTREAM_TIMEOUT_MS: '',
    });
    expect(config).toMatchObject({ mode: 'demo', credentials: null, host: '127.0.0.1', port: 3000, upstreamTimeoutMs: 10_000 });
  });

  it('treats empty-string values as unset when they come through readEnv', () => {
    const env = readEnv(
      { TWILIO_ACCOUNT_SID: '', TWILIO_AUTH_TOKEN: '', PORT: '', HOST: '', UPSTREAM_TIMEOUT_MS: '' },
      join(tmpdir(), 'no-such-dir-4b1f', '.env'),
    );
    expect(loadConfig(env)).toMatchObject({
      mode: 'demo',
      credentials: null,
      host: '127.0.0.1',
      port: 3000,
      upstreamTimeoutMs: 10_000,
    });
  });
});

describe('readEnv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conversation-viewer-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function envFile(name: string, text: string): string {
    const path = join(dir, name);
    writeFileSync(path, text, 'utf8');
    return path;
  }

  it('reads variables from a .env file', () => {
    const file = envFile('.env.read', `# Twilio\nTWILIO_ACCOUNT_SID=${SID}\nTWILIO_AUTH_TOKEN="${TOKEN}"\nPORT=4000\n`);
    const env = readEnv({}, file);
    expect(env).toEqual({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, PORT: '4000' });
    expect(loadConfig(env)).toMatchObject({
      mode: 'live',
      port: 4000,
      credentials: { kind: 'authToken', accountSid: SID, authToken: TOKEN },
    });
  });

  it('lets real environment variables win over the file', () => {
    const file = envFile('.env.override', `TWILIO_ACCOUNT_SID=${SID}\nTWILIO_AUTH_TOKEN=from-file\nPORT=4000\nHOST=0.0.0.0\n`);
    const env = readEnv({ TWILIO_AUTH_TOKEN: 'from-env', PORT: '5000', VIEWER_ACCESS_TOKEN: 'x'.repeat(32) }, file);
    expect(env.TWILIO_AUTH_TOKEN).toBe('from-env');
    expect(env.PORT).toBe('5000');
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.TWILIO_ACCOUNT_SID).toBe(SID);
    expect(loadConfig(env)).toMatchObject({ port: 5000, credentials: { authToken: 'from-env' } });
  });

  it('drops empty values from the file, so .env.example can be copied as it is', () => {
    const file = envFile(
      '.env.example-copy',
      'TWILIO_ACCOUNT_SID=\nTWILIO_AUTH_TOKEN=\nTWILIO_API_KEY=\nTWILIO_API_SECRET=\nPORT=\n',
    );
    const env = readEnv({}, file);
    expect(env).toEqual({});
    expect(loadConfig(env)).toMatchObject({ mode: 'demo', port: 3000 });
  });

  it('does not let an empty environment variable blank out a value from the file', () => {
    const file = envFile('.env.keep', 'PORT=4000\n');
    expect(readEnv({ PORT: '' }, file).PORT).toBe('4000');
  });

  it('reads only the environment when the file does not exist', () => {
    expect(readEnv({ PORT: '5000' }, join(dir, 'missing.env'))).toEqual({ PORT: '5000' });
  });
});

describe('accountSidPrefix', () => {
  it('shows the first 6 characters followed by an ellipsis', () => {
    expect(accountSidPrefix(SID)).toBe('AC0123\u2026');
  });

  it('never shows the full SID', () => {
    for (const sid of [SID, 'AC00000000000000000000000000000000', 'ACffffffffffffffffffffffffffffffff']) {
      const shown = accountSidPrefix(sid);
      expect(shown).not.toContain(sid);
      expect(shown).toBe(`${sid.slice(0, 6)}\u2026`);
      expect(shown.replace('\u2026', '')).toHaveLength(6);
    }
    expect(accountSidPrefix(SID)).not.toContain(SID.slice(6));
  });
});

describe('who may connect', () => {
  const token = 'a-long-random-access-token-0123456789';

  it.each(['0.0.0.0', '192.168.1.20', '::', 'viewer.example.com'])(
    'refuses to listen on %s without an access token, and says why',
    (host) => {
      expect(() => loadConfig({ HOST: host })).toThrow(/VIEWER_ACCESS_TOKEN/);
    },
  );

  it('listens anywhere once an access token is set', () => {
    expect(loadConfig({ HOST: '0.0.0.0', VIEWER_ACCESS_TOKEN: token })).toMatchObject({ host: '0.0.0.0', accessToken: token });
  });

  it('refuses a short access token', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0', VIEWER_ACCESS_TOKEN: 'short' })).toThrow(
      /VIEWER_ACCESS_TOKEN: must be at least 32 characters/,
    );
  });

  it('refuses to listen beyond loopback with no way of signing in, naming each way', () => {
    const message = configError({ HOST: '0.0.0.0' }).message;
    for (const variable of ['VIEWER_USERS_FILE', 'VIEWER_IDENTITY_HEADER', 'VIEWER_TRUSTED_PROXIES', 'VIEWER_ACCESS_TOKEN']) {
      expect(message).toContain(variable);
    }
  });

  it('listens anywhere with a users file that gives someone a token', async () => {
    const { user } = await personWithToken('Ana Lima');
    const file = usersFile({ users: [user] });
    expect(loadConfig({ HOST: '0.0.0.0', VIEWER_USERS_FILE: file })).toMatchObject({
      usersFile: file,
      accessToken: null,
      proxy: null,
    });
  });

  it('listens anywhere behind a proxy whose addresses it knows', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      VIEWER_IDENTITY_HEADER: 'X-Forwarded-Email',
      VIEWER_TRUSTED_PROXIES: '10.0.0.5,10.1.0.0/16',
      VIEWER_PROXY_DEFAULT_ROLE: 'reviewer',
    });
    expect(config.proxy).toMatchObject({ header: 'X-Forwarded-Email', nameHeader: null, defaultRole: 'reviewer' });
    expect(config.proxy?.trusted.list).toEqual(['10.0.0.5', '10.1.0.0/16']);
  });

  it.each([
    [
      'an identity header without trusted proxies',
      { VIEWER_IDENTITY_HEADER: 'X-Forwarded-Email', VIEWER_PROXY_DEFAULT_ROLE: 'viewer' },
      /VIEWER_IDENTITY_HEADER=X-Forwarded-Email needs VIEWER_TRUSTED_PROXIES/,
    ],
    [
      'trusted proxies without an identity header',
      { VIEWER_TRUSTED_PROXIES: '10.0.0.5' },
      /VIEWER_TRUSTED_PROXIES means nothing without VIEWER_IDENTITY_HEADER/,
    ],
    [
      'a proxy with neither a users file nor a default role',
      { VIEWER_IDENTITY_HEADER: 'X-Forwarded-Email', VIEWER_TRUSTED_PROXIES: '10.0.0.5' },
      /VIEWER_USERS_FILE .* or VIEWER_PROXY_DEFAULT_ROLE/,
    ],
    [
      'a trusted proxy that is not an address',
      {
        VIEWER_IDENTITY_HEADER: 'X-Forwarded-Email',
        VIEWER_TRUSTED_PROXIES: 'proxy.internal',
        VIEWER_PROXY_DEFAULT_ROLE: 'viewer',
      },
      /"proxy\.internal" is not an IP address/,
    ],
    [
      'an identity header the server reads for itself',
      { VIEWER_IDENTITY_HEADER: 'Authorization', VIEWER_TRUSTED_PROXIES: '10.0.0.5', VIEWER_PROXY_DEFAULT_ROLE: 'viewer' },
      /cannot be Authorization/,
    ],
    [
      'a header name that is not one',
      { VIEWER_IDENTITY_HEADER: 'X Email', VIEWER_TRUSTED_PROXIES: '10.0.0.5', VIEWER_PROXY_DEFAULT_ROLE: 'viewer' },
      /VIEWER_IDENTITY_HEADER: must be an HTTP header name/,
    ],
    ['a default role that is not one', { VIEWER_PROXY_DEFAULT_ROLE: 'admin' }, /VIEWER_PROXY_DEFAULT_ROLE/],
  ])('refuses %s, and says why', (_what, env, message) => {
    expect(configError(env).message).toMatch(message);
  });

  it('refuses a users file it cannot use, and one that gives nobody a token when there is no proxy', () => {
    expect(configError({ VIEWER_USERS_FILE: usersFile('{"users": [') }).message).toMatch(/is not valid JSON/);
    const tokenless = usersFile({ users: [{ id: 'abcdefghij12', name: 'Ana', email: 'ana@example.com', role: 'reviewer' }] });
    expect(configError({ VIEWER_USERS_FILE: tokenless }).message).toMatch(/gives nobody a token.*npm run users:add/);
    expect(
      loadConfig({
        VIEWER_USERS_FILE: tokenless,
        VIEWER_IDENTITY_HEADER: 'X-Forwarded-Email',
        VIEWER_TRUSTED_PROXIES: '127.0.0.1',
      }).usersFile,
    ).toBe(tokenless);
  });

  it.each(['127.0.0.1', '127.8.9.10', 'localhost', '::1'])('needs no token on the loopback address %s', (host) => {
    expect(isLoopback(host)).toBe(true);
    expect(loadConfig({ HOST: host }).accessToken).toBeNull();
  });

  it.each(['0.0.0.0', '128.0.0.1', '127.0.0.1.example.com', '::'])('does not take %s for loopback', (host) => {
    expect(isLoopback(host)).toBe(false);
  });

  it('reads UPSTREAM_CACHE_MS, 3 s by default', () => {
    expect(loadConfig({}).upstreamCacheMs).toBe(3000);
    expect(loadConfig({ UPSTREAM_CACHE_MS: '0' }).upstreamCacheMs).toBe(0);
    expect(() => loadConfig({ UPSTREAM_CACHE_MS: '600000' })).toThrow(/UPSTREAM_CACHE_MS/);
  });

  it('serves the benchmark\u2019s long chats in demo mode only when DEMO_BENCH_CONVERSATIONS=1', () => {
    expect(loadConfig({}).demoBenchConversations).toBe(false);
    expect(loadConfig({ DEMO_BENCH_CONVERSATIONS: '0' }).demoBenchConversations).toBe(false);
    expect(loadConfig({ DEMO_BENCH_CONVERSATIONS: '1' }).demoBenchConversations).toBe(true);
  });

  it('reads DEMO_ACCOUNT_SIZE, 320 generated conversations by default and at most 5,000', () => {
    expect(loadConfig({}).demoAccountSize).toBe(320);
    expect(loadConfig({ DEMO_ACCOUNT_SIZE: '2400' }).demoAccountSize).toBe(2400);
    expect(() => loadConfig({ DEMO_ACCOUNT_SIZE: '50000' })).toThrow(/DEMO_ACCOUNT_SIZE/);
    expect(() => loadConfig({ DEMO_ACCOUNT_SIZE: 'many' })).toThrow(/DEMO_ACCOUNT_SIZE/);
  });
});

describe('storage', () => {
  it('keeps reviews in .data under the working directory by default, a folder per mode', () => {
    const demo = loadConfig({}).storage;
    expect(demo).toEqual({
      kind: 'embedded',
      dataDir: join(process.cwd(), '.data'),
      folder: join(process.cwd(), '.data', 'demo'),
      schema: 'viewer_demo',
    });
    const live = loadConfig({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, VIEWER_DATA_DIR: '/srv/viewer' }).storage;
    expect(live).toEqual({ kind: 'embedded', dataDir: '/srv/viewer', folder: '/srv/viewer/live', schema: 'viewer' });
  });

  it('uses a PostgreSQL server with DATABASE_URL, a schema per mode', () => {
    const url = 'postgres://viewer:pw@db.internal:5432/reviews';
    expect(loadConfig({ DATABASE_URL: url }).storage).toEqual({ kind: 'server', url, schema: 'viewer_demo' });
    expect(loadConfig({ DATABASE_URL: url, TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN }).storage).toEqual({
      kind: 'server',
      url,
      schema: 'viewer',
    });
  });

  it.each(['mysql://u:hunter2@host/db', 'hunter2', 'postgres://'])('refuses DATABASE_URL=%s without repeating it', (url) => {
    const error = configError({ DATABASE_URL: url });
    expect(error.message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    expect(error.message).not.toContain('hunter2');
  });
});
