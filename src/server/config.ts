import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import * as z from 'zod/mini';
import { summariseIssues } from '../api/issues';
import { REVIEWER_ROLES } from '../api/reviews';
import { headerNameSchema, type ProxyIdentity } from './identity/proxy-identity';
import { parseTrustedProxies, TrustedProxiesError } from './identity/trusted-proxies';
import { readUsersFile, UsersFileError } from './identity/users-file';

const optionalText = z.optional(z.string().check(z.trim(), z.minLength(1)));

const envSchema = z.object({
  TWILIO_ACCOUNT_SID: z.optional(z.string().check(z.regex(/^AC[0-9a-fA-F]{32}$/, 'must be "AC" followed by 32 hex characters'))),
  TWILIO_AUTH_TOKEN: optionalText,
  TWILIO_API_KEY: z.optional(z.string().check(z.regex(/^SK[0-9a-fA-F]{32}$/, 'must be "SK" followed by 32 hex characters'))),
  TWILIO_API_SECRET: optionalText,
  TWILIO_REGION: optionalText,
  TWILIO_EDGE: optionalText,
  HOST: z._default(z.string(), '127.0.0.1'),
  PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 3000),
  UPSTREAM_TIMEOUT_MS: z._default(z.coerce.number().check(z.int(), z.gte(100), z.lte(120_000)), 10_000),
  UPSTREAM_CACHE_MS: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(60_000)), 3_000),
  VIEWER_ACCESS_TOKEN: z.optional(z.string().check(z.minLength(32, 'must be at least 32 characters long'))),
  VIEWER_USERS_FILE: optionalText,
  VIEWER_IDENTITY_HEADER: z.optional(headerNameSchema),
  VIEWER_IDENTITY_NAME_HEADER: z.optional(headerNameSchema),
  VIEWER_TRUSTED_PROXIES: optionalText,
  VIEWER_PROXY_DEFAULT_ROLE: z.optional(z.enum(REVIEWER_ROLES)),
  DEMO_BENCH_CONVERSATIONS: z._default(z.enum(['0', '1']), '0'),
  DEMO_ACCOUNT_SIZE: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(5_000)), 320),
  VIEWER_DATA_DIR: z._default(z.string().check(z.trim(), z.minLength(1)), '.data'),
  // The message never repeats the value: it holds a password.
  DATABASE_URL: z.optional(
    z
      .string()
      .check(z.refine(isPostgresUrl, 'must be a postgres:// or postgresql:// URL (postgres://user:password@host:5432/database)')),
  ),
});

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Where reviews are kept. Demo and live data never share a database: the embedded one uses a
 * folder per mode, a PostgreSQL server a schema per mode (see docs/decisions/0011-storage.md).
 */
export type StorageLocation =
  { kind: 'embedded'; dataDir: string; folder: string; schema: string } | { kind: 'server'; url: string; schema: string };

/** The schema that holds the app's tables, in either kind of database. */
export const STORAGE_SCHEMAS = { live: 'viewer', demo: 'viewer_demo' } as const;

function storageLocation(mode: 'live' | 'demo', dataDir: string, databaseUrl: string | undefined): StorageLocation {
  const schema = STORAGE_SCHEMAS[mode];
  if (databaseUrl) return { kind: 'server', url: databaseUrl, schema };
  const absolute = resolve(dataDir);
  return { kind: 'embedded', dataDir: absolute, folder: join(absolute, mode), schema };
}

export type Credentials =
  | { kind: 'authToken'; accountSid: string; authToken: string }
  | { kind: 'apiKey'; accountSid: string; apiKey: string; apiSecret: string };

export type Config = {
  mode: 'live' | 'demo';
  credentials: Credentials | null;
  region?: string;
  edge?: string;
  host: string;
  port: number;
  upstreamTimeoutMs: number;
  upstreamCacheMs: number;
  /** The team's shared token: every page and API route asks for a token, and this one reads only. */
  accessToken: string | null;
  /** The users file (absolute path): people with a role and a token of their own. */
  usersFile: string | null;
  /** An authenticating proxy in front, and whose requests may name the person. */
  proxy: ProxyIdentity | null;
  /** The data folder: the embedded database, and the secret that signs the name remembered on loopback. */
  dataDir: string;
  /** Demo mode also serves the benchmark's long chats (src/mocks/bench-handlers.ts). */
  demoBenchConversations: boolean;
  /** How many conversations demo mode generates beside its samples (the inbox's paging and benchmark want thousands). */
  demoAccountSize: number;
  storage: StorageLocation;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** An empty value means "not set", so `.env.example` can be copied as it is. */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ''),
  );
}

/** Reads `.env` without overriding variables that are already set in the environment. */
export function readEnv(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): Record<string, string | undefined> {
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  return { ...withoutEmpty(fromFile), ...withoutEmpty(env) };
}

export function loadConfig(env: Record<string, string | undefined> = readEnv()): Config {
  const parsed = envSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) throw new ConfigError(`Invalid configuration: ${summariseIssues(parsed.error.issues, 10)}`);
  const e = parsed.data;
  const usersFile = e.VIEWER_USERS_FILE ? resolve(e.VIEWER_USERS_FILE) : null;
  const proxy = proxyOf(e);
  const tokens = usersFile ? usersWithTokens(usersFile) : 0;
  if (usersFile && tokens === 0 && !proxy) {
    throw new ConfigError(
      `The users file ${usersFile} gives nobody a token, and no proxy is configured (VIEWER_IDENTITY_HEADER): nobody could sign in. Add a user with "npm run users:add".`,
    );
  }
  if (!isLoopback(e.HOST) && !e.VIEWER_ACCESS_TOKEN && !usersFile && !proxy) {
    throw new ConfigError(
      `HOST=${e.HOST} would let other machines read customer conversations. Require sign-in: VIEWER_USERS_FILE (a token for each person), VIEWER_IDENTITY_HEADER with VIEWER_TRUSTED_PROXIES (a sign-in proxy in front), or VIEWER_ACCESS_TOKEN (one shared token that reads only, at least 32 random characters). Or keep HOST=127.0.0.1.`,
    );
  }
  const base = {
    host: e.HOST,
    port: e.PORT,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    upstreamCacheMs: e.UPSTREAM_CACHE_MS,
    accessToken: e.VIEWER_ACCESS_TOKEN ?? null,
    usersFile,
    proxy,
    dataDir: resolve(e.VIEWER_DATA_DIR),
    demoBenchConversations: e.DEMO_BENCH_CONVERSATIONS === '1',
    demoAccountSize: e.DEMO_ACCOUNT_SIZE,
    region: e.TWILIO_REGION,
    edge: e.TWILIO_EDGE,
  };

  const storage = (mode: 'live' | 'demo') => storageLocation(mode, e.VIEWER_DATA_DIR, e.DATABASE_URL);

  if (e.TWILIO_API_KEY || e.TWILIO_API_SECRET) {
    if (!e.TWILIO_API_KEY || !e.TWILIO_API_SECRET || !e.TWILIO_ACCOUNT_SID) {
      throw new ConfigError('API key credentials need all three of TWILIO_API_KEY, TWILIO_API_SECRET and TWILIO_ACCOUNT_SID.');
    }
    return {
      ...base,
      mode: 'live',
      storage: storage('live'),
      credentials: { kind: 'apiKey', accountSid: e.TWILIO_ACCOUNT_SID, apiKey: e.TWILIO_API_KEY, apiSecret: e.TWILIO_API_SECRET },
    };
  }
  if (e.TWILIO_ACCOUNT_SID || e.TWILIO_AUTH_TOKEN) {
    if (!e.TWILIO_ACCOUNT_SID || !e.TWILIO_AUTH_TOKEN) {
      throw new ConfigError(
        'Account credentials need both TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or use TWILIO_API_KEY and TWILIO_API_SECRET).',
      );
    }
    return {
      ...base,
      mode: 'live',
      storage: storage('live'),
      credentials: { kind: 'authToken', accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN },
    };
  }
  return { ...base, mode: 'demo', storage: storage('demo'), credentials: null };
}

type Env = z.infer<typeof envSchema>;

/** The users file's people who have a token; a file that cannot be used stops the server here. */
function usersWithTokens(path: string): number {
  try {
    return readUsersFile(path).list.filter((user) => user.tokenHash !== null).length;
  } catch (error) {
    if (error instanceof UsersFileError) throw new ConfigError(error.message);
    throw error;
  }
}

/** Headers the server reads for other purposes, which a proxy's identity header must not be. */
const RESERVED_HEADERS = new Set([
  'authorization',
  'cookie',
  'host',
  'origin',
  'sec-fetch-site',
  'content-type',
  'content-length',
]);

function proxyOf(e: Env): ProxyIdentity | null {
  if (!e.VIEWER_IDENTITY_HEADER) {
    const stray = (['VIEWER_TRUSTED_PROXIES', 'VIEWER_IDENTITY_NAME_HEADER', 'VIEWER_PROXY_DEFAULT_ROLE'] as const).filter(
      (key) => e[key],
    );
    if (stray.length > 0) {
      throw new ConfigError(
        `${stray.join(' and ')} ${stray.length === 1 ? 'means' : 'mean'} nothing without VIEWER_IDENTITY_HEADER, the header in which the proxy names the person.`,
      );
    }
    return null;
  }
  if (RESERVED_HEADERS.has(e.VIEWER_IDENTITY_HEADER.toLowerCase())) {
    throw new ConfigError(
      `VIEWER_IDENTITY_HEADER cannot be ${e.VIEWER_IDENTITY_HEADER}: the server reads that header for another purpose.`,
    );
  }
  if (!e.VIEWER_TRUSTED_PROXIES) {
    throw new ConfigError(
      `VIEWER_IDENTITY_HEADER=${e.VIEWER_IDENTITY_HEADER} needs VIEWER_TRUSTED_PROXIES: the addresses of the proxies allowed to send it. From anywhere else, anyone could claim to be anyone.`,
    );
  }
  if (!e.VIEWER_USERS_FILE && !e.VIEWER_PROXY_DEFAULT_ROLE) {
    throw new ConfigError(
      "With a proxy in front, set VIEWER_USERS_FILE (each person's role, by e-mail) or VIEWER_PROXY_DEFAULT_ROLE (viewer or reviewer, for everyone the proxy lets in), or both.",
    );
  }
  try {
    return {
      header: e.VIEWER_IDENTITY_HEADER,
      nameHeader: e.VIEWER_IDENTITY_NAME_HEADER ?? null,
      trusted: parseTrustedProxies(e.VIEWER_TRUSTED_PROXIES),
      defaultRole: e.VIEWER_PROXY_DEFAULT_ROLE ?? null,
    };
  } catch (error) {
    if (error instanceof TrustedProxiesError) throw new ConfigError(error.message);
    throw error;
  }
}

/** Only this machine can reach a server bound to one of these. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The part of the account SID that is safe to show: enough to tell accounts apart. */
export function accountSidPrefix(accountSid: string): string {
  return `${accountSid.slice(0, 6)}\u2026`;
}
