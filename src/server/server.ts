import type { Hono } from 'hono';
import type { ServerStatus } from '../api/status';
import { createApp, jsonLogger, type Logger } from './app';
import { coalescingUpstream } from './coalescing-upstream';
import { accountSidPrefix, type Config } from './config';
import type { Storage } from './db/storage';
import { DEMO_CREDENTIALS, startDemoNetwork } from './demo';
import { spaServer } from './spa';
import { demoDrills, demoLiveCall, demoSampleSummaries } from './demo-samples';
import { twilioUpstream } from './upstream';

export type Server = { app: Hono; status: ServerStatus; close(): void };

export type ServerOptions = {
  spaRoot?: string;
  log?: Logger;
  storage?: Storage;
  /** The demo account's clock; tests fix it. */
  now?: () => number;
};

export function buildServer(config: Config, options: ServerOptions = {}): Server {
  const demo = config.mode === 'demo';
  const network = demo ? startDemoNetwork({ benchConversations: config.demoBenchConversations, now: options.now }) : null;
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
    access: config.accessToken ? 'token' : 'open',
    accountSidPrefix: accountSidPrefix(credentials.accountSid),
    region: demo ? null : (config.region ?? null),
    samples: demo ? demoSampleSummaries : [],
    drills: demo ? demoDrills : [],
    liveCall: demo ? demoLiveCall : null,
  };
  const app = createApp({
    upstream,
    status,
    serveSpa: options.spaRoot ? spaServer(options.spaRoot) : undefined,
    log: options.log ?? jsonLogger,
    accessToken: config.accessToken,
    readiness: options.storage?.readiness,
  });
  return { app, status, close: () => network?.close() };
}
