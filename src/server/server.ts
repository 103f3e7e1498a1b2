import type { Hono } from 'hono';
import type { ServerStatus } from '../api/status';
import { createApp } from './app';
import { jsonLogger, type Logger } from './log';
import { coalescingUpstream } from './coalescing-upstream';
import { accountSidPrefix, type Config } from './config';
import type { Storage } from './db/storage';
import { DEMO_CREDENTIALS, startDemoNetwork } from './demo';
import { DEMO_STAND_IN, localSecret } from './identity/local-identity';
import { UsersDirectory } from './identity/users-file';
import { spaServer, type SpaOptions } from './spa';
import { demoDrills, demoLiveCall, demoSampleSummaries } from './demo-samples';
import { twilioUpstream } from './upstream';

export type Server = { app: Hono; status: ServerStatus; close(): void };

export type BuildOptions = {
  spaRoot?: string;
  /** The inbox's renderer for the SPA's inbox links (src/server/spa.ts, `SpaOptions`). */
  renderer?: SpaOptions['renderer'];
  log?: Logger;
  storage?: Storage;
  /** The secret that signs the name remembered on loopback; read from (or made in) the data folder when not given. */
  localSecret?: Buffer;
  /** The demo account's clock; tests fix it. */
  now?: () => number;
};

export function buildServer(config: Config, options: BuildOptions = {}): Server {
  const log = options.log ?? jsonLogger;
  const demo = config.mode === 'demo';
  const network = demo
    ? startDemoNetwork({
        benchConversations: config.demoBenchConversations,
        accountSize: config.demoAccountSize,
        now: options.now,
      })
    : null;
  const credentials = config.credentials ?? DEMO_CREDENTIALS;
  const upstream = coalescingUpstream(
    twilioUpstream({
      credentials,
      // The faked network answers on the default host only.
      region: demo ? undefined : config.region,
      edge: demo ? undefined : config.edge,
      timeoutMs: config.upstreamTimeoutMs,
      // MSW's interceptor keeps every kept-alive mock socket, and with it each whole response,
      // for the life of the process (mswjs/interceptors#779); live mode talks to Twilio normally.
      keepAlive: !demo,
    }),
    { ttlMs: config.upstreamCacheMs },
  );
  const status: ServerStatus = {
    mode: config.mode,
    access: config.accessToken || config.usersFile ? 'token' : config.proxy ? 'proxy' : 'open',
    accountSidPrefix: accountSidPrefix(credentials.accountSid),
    region: demo ? null : (config.region ?? null),
    samples: demo ? demoSampleSummaries : [],
    drills: demo ? demoDrills : [],
    liveCall: demo ? demoLiveCall : null,
  };
  const app = createApp({
    upstream,
    status,
    serveSpa: options.spaRoot ? spaServer(options.spaRoot, { renderer: options.renderer }) : undefined,
    log,
    accessToken: config.accessToken,
    users: config.usersFile
      ? UsersDirectory.open(config.usersFile, (problem) =>
          log({ level: 'error', event: 'users_file_unreadable', message: problem }),
        )
      : null,
    proxy: config.proxy,
    localIdentity: {
      secret: options.localSecret ?? localSecret(config.dataDir),
      standIn: demo ? DEMO_STAND_IN : null,
    },
    readiness: options.storage?.readiness,
    storage: options.storage,
  });
  return { app, status, close: () => network?.close() };
}
