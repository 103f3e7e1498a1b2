/**
 * One measurement for `npm run bench:db` (see bench/README.md), in a process of its own so that
 * memory and start time are those of a fresh server. Started by scripts/bench-db.ts with
 * `node --expose-gc --import tsx`; the scenario and the database come in BENCH_DB (JSON); the
 * result goes back over IPC.
 */
import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig, type StorageLocation } from '../src/server/config';
import { openDatabase } from '../src/server/db/open-database';
import { createNote } from '../src/server/db/reviews/notes';
import { ensureReviewer } from '../src/server/db/reviews/reviewers';
import { openStorage } from '../src/server/db/storage';
import { buildServer } from '../src/server/server';
import { aNote, written } from '../src/server/db/testing/review-fixtures';

export type DbScenario = { kind: 'open' | 'writes' | 'serve'; location: StorageLocation };
export type OpenResult = { type: 'open'; openMs: number; longestStallMs: number; rssMiB: number };
export type WritesResult = { type: 'writes'; latenciesMs: number[]; totalMs: number; rssMiB: number };
export type ServeReady = { type: 'serving'; port: number };
export type ChildResult = OpenResult | WritesResult | ServeReady;

const send = (message: ChildResult) => process.send!(message);
const rssMiB = () => {
  globalThis.gc?.();
  return Math.round(process.memoryUsage().rss / 2 ** 20);
};

/** The longest time the event loop could not run a 5 ms timer while `work` ran. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    const value = await work();
    longest = Math.max(longest, performance.now() - last);
    return { value, stallMs: longest };
  } finally {
    clearInterval(timer);
  }
}

const scenario = JSON.parse(process.env.BENCH_DB!) as DbScenario;

if (scenario.kind === 'open') {
  const started = performance.now();
  const { value: database, stallMs } = await longestStall(() => openDatabase(scenario.location));
  const openMs = performance.now() - started;
  send({ type: 'open', openMs, longestStallMs: stallMs, rssMiB: rssMiB() });
  await database.close();
} else if (scenario.kind === 'writes') {
  const database = await openDatabase(scenario.location);
  const author = written(
    await ensureReviewer(database.db, {
      source: 'local',
      subject: `bench-${process.pid}`,
      name: 'Bench',
      email: null,
      role: 'reviewer',
    }),
  );
  const conversationId = aNote().conversationId;
  const latenciesMs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < 1000; i++) {
    const before = performance.now();
    written(await createNote(database.db, author.id, aNote({ conversationId, text: `Benchmark note ${i}` })));
    latenciesMs.push(performance.now() - before);
  }
  send({ type: 'writes', latenciesMs, totalMs: performance.now() - started, rssMiB: rssMiB() });
  await database.close();
} else {
  // The real server with its database; the parent asks for a slow query over IPC and times requests meanwhile.
  const storage = openStorage(scenario.location);
  const database = await storage.opened;
  const server = buildServer(loadConfig({ HOST: '127.0.0.1', PORT: '0' }), {
    storage,
    log: () => {},
    localSecret: randomBytes(32),
  });
  const http = serve({ fetch: server.app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
    send({ type: 'serving', port: info.port }),
  );
  process.on('message', (message: { type: string; ms: number }) => {
    if (message.type === 'slow-query') {
      void sql`SELECT pg_sleep(${message.ms / 1000})`.execute(database.db);
    }
    if (message.type === 'stop') {
      http.close();
      server.close();
      void storage.close().then(() => process.exit(0));
    }
  });
}
