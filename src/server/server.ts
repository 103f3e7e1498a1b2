import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { ServerStatus } from '../api/status';
import { createApp, jsonLogger, type Logger } from './app';
import { coalescingUpstream } from './coalescing-upstream';
import { accountSidPrefix, type Config } from './config';
import { DEMO_CREDENTIALS, startDemoNetwork } from './demo';
import { demoDrills, demoSampleSummaries } from './demo-samples';
import { twilioUpstream } from './upstream';

/** Serves the built SPA; any other GET (a deep link) gets index.html so the router can take over. */
export function spaServer(root: string): (app: Hono) => void {
  return (app) => {
    const indexFile = join(root, 'index.html');
    app.use('/*', serveStatic({ root }));
    app.get('*', (c) => {
      // A missing asset is a 404, not the SPA: a stale tab must not parse HTML as JavaScript.
      if (c.req.path.startsWith('/assets/') || !existsSync(indexFile)) return c.notFound();
      return c.html(readFileSync(indexFile, 'utf8'));
    });
  };
}

export type Server = { app: Hono; status: ServerStatus; close(): void };

export function buildServer(config: Config, options: { spaRoot?: string; log?: Logger } = {}): Server {
  const demo = config.mode === 'demo';
  const network = demo ? startDemoNetwork() : null;
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
  };
  const app = createApp({
    upstream,
    status,
    serveSpa: options.spaRoot ? spaServer(options.spaRoot) : undefined,
    log: options.log ?? jsonLogger,
    accessToken: config.accessToken,
  });
  return { app, status, close: () => network?.close() };
}
