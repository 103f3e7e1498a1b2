/**
 * The server under load for `npm run bench:server` (see bench/README.md). Started by
 * scripts/bench-server.ts with `node --expose-gc --import tsx`, it serves the BFF in demo mode
 * on a free loopback port and talks to its parent over IPC:
 *
 * - it sends `{ type: 'ready', port }` once it listens;
 * - on `{ type: 'memory' }` it collects garbage twice and answers `{ type: 'memory', ... }`
 *   with `process.memoryUsage()`, the active handles and the problems the server logged.
 *
 * The request log is replaced by a tally of the entries that are not `info`, so that logging
 * costs nothing under load but a failing route or an upstream error still shows in the results.
 *
 * With BENCH_STORAGE (a storage location, JSON) it keeps reviews there, opened before it says it is
 * ready, and signs reviewers' names with BENCH_SECRET (hex), so the parent can act as 64 of them.
 */
import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { LogEntry } from '../src/server/log';
import { loadConfig, type StorageLocation } from '../src/server/config';
import { openStorage } from '../src/server/db/storage';
import { buildServer } from '../src/server/server';

export type ChildMemory = {
  type: 'memory';
  usage: NodeJS.MemoryUsage;
  /** `process.getActiveResourcesInfo()` counted by kind (TCPSocketWrap, Timeout, ...). */
  resources: Record<string, number>;
  /** Log entries other than `info`, counted by "level status/event path". */
  problems: Record<string, number>;
  /**
   * Time spent in the app on each API request since the previous measurement, as the request log
   * measures it: from the first middleware to the answer, before it is written to the socket.
   */
  appTime: { requests: number; totalMs: number; maxMs: number; over1s: number; over5s: number };
  cpu: NodeJS.CpuUsage;
  /** How late the event loop ran a timer since the previous measurement, in ms: time the thread was busy with one thing. */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
};
export type ChildReady = { type: 'ready'; port: number; mode: string; upstreamCacheMs: number };
export type ChildMessage = ChildReady | ChildMemory;

const send = (message: ChildMessage) => {
  if (!process.send) throw new Error('bench-server-child must be started with an IPC channel (child_process.fork).');
  process.send(message);
};

const gc = globalThis.gc;
if (!gc) throw new Error('bench-server-child must run with node --expose-gc.');

const problems: Record<string, number> = {};
const appTime = { requests: 0, totalMs: 0, maxMs: 0, over1s: 0, over5s: 0 };
const log = (entry: LogEntry) => {
  if (typeof entry.ms === 'number') {
    appTime.requests++;
    appTime.totalMs += entry.ms;
    appTime.maxMs = Math.max(appTime.maxMs, entry.ms);
    if (entry.ms > 1000) appTime.over1s++;
    if (entry.ms > 5000) appTime.over5s++;
  }
  if (entry.level === 'info') return;
  const key = [entry.level, entry.status ?? entry.event, entry.path ?? entry.reason ?? entry.resource].join(' ');
  problems[key] = (problems[key] ?? 0) + 1;
};

// Only these variables: Twilio credentials from the shell or a .env file must never switch the
// benchmark to a live account.
const config = loadConfig({
  HOST: '127.0.0.1',
  PORT: '0',
  UPSTREAM_CACHE_MS: process.env.BENCH_UPSTREAM_CACHE_MS,
});
if (config.mode !== 'demo') throw new Error('The benchmark server must run in demo mode.');

const where = process.env.BENCH_STORAGE ? (JSON.parse(process.env.BENCH_STORAGE) as StorageLocation) : null;
const storage = where ? openStorage(where) : undefined;
await storage?.opened;
const secret = process.env.BENCH_SECRET ? Buffer.from(process.env.BENCH_SECRET, 'hex') : randomBytes(32);
const server = buildServer(where ? { ...config, storage: where } : config, { log, storage, localSecret: secret });
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const http = serve({ fetch: server.app.fetch, hostname: config.host, port: config.port }, (info) =>
  send({ type: 'ready', port: info.port, mode: config.mode, upstreamCacheMs: config.upstreamCacheMs }),
);

function countResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

process.on('message', (message: { type?: string }) => {
  if (message.type !== 'memory') return;
  gc();
  gc();
  send({
    type: 'memory',
    usage: process.memoryUsage(),
    resources: countResources(),
    problems: { ...problems },
    appTime: { ...appTime },
    cpu: process.cpuUsage(),
    eventLoopDelayMs: {
      p50: delay.percentile(50) / 1e6,
      p99: delay.percentile(99) / 1e6,
      max: delay.max / 1e6,
    },
  });
  delay.reset();
  Object.assign(appTime, { requests: 0, totalMs: 0, maxMs: 0, over1s: 0, over5s: 0 });
});

const stop = () => {
  server.close();
  http.close();
  void (storage?.close() ?? Promise.resolve()).finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent went away: do not outlive it.
process.on('disconnect', stop);
