/**
 * `npm run bench:db`: what the database costs the server (see bench/README.md). The embedded
 * database's start (a new folder, an existing one), memory, whether a slow query stalls other
 * requests, and 1,000 repository writes, on the embedded database and on the PostgreSQL server that
 * scripts/with-postgres.sh starts (fsync on). Prints a table and writes bench/db-results.json.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorageLocation } from '../src/server/config';
import { alignColumns, describeMachine, runBenchmark, sleep, withTimeout, writeJsonFile } from './bench-common';
import type { ChildResult, DbScenario, OpenResult, WritesResult } from './bench-db-child';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./bench-db-child.ts', import.meta.url));
const RESULTS = fileURLToPath(new URL('../bench/db-results.json', import.meta.url));
const SLOW_QUERY_MS = 500;

function runChild(scenario: DbScenario) {
  const child = fork(CHILD, [], {
    cwd: ROOT,
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, BENCH_DB: JSON.stringify(scenario) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`The ${scenario.kind} child exited (${code}) early`))),
  );
  exited.catch(() => {});
  const next = () =>
    withTimeout(
      Promise.race([new Promise<ChildResult>((resolve) => child.once('message', resolve)), exited]),
      180_000,
      scenario.kind,
    );
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, next, done };
}

async function measureOpen(location: StorageLocation): Promise<OpenResult> {
  const { next, done } = runChild({ kind: 'open', location });
  const result = (await next()) as OpenResult;
  await done;
  return result;
}

async function measureWrites(location: StorageLocation): Promise<WritesResult> {
  const { next, done } = runChild({ kind: 'writes', location });
  const result = (await next()) as WritesResult;
  await done;
  return result;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

function summarise(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1)!) };
}

/** /api/status timed from this process every 10 ms for `ms`: while nothing else runs, then during a slow query. */
async function measureStall(location: StorageLocation) {
  const { child, next, done } = runChild({ kind: 'serve', location });
  const { port } = (await next()) as { port: number };
  const url = `http://127.0.0.1:${port}/api/status`;
  const sample = async (ms: number) => {
    const latencies: number[] = [];
    const until = performance.now() + ms;
    while (performance.now() < until) {
      const started = performance.now();
      await (await fetch(url)).arrayBuffer();
      latencies.push(performance.now() - started);
      await sleep(10);
    }
    return summarise(latencies);
  };
  for (let i = 0; i < 50; i++) await (await fetch(url)).arrayBuffer();
  const quiet = await sample(1_000);
  child.send({ type: 'slow-query', ms: SLOW_QUERY_MS });
  const duringSlowQuery = await sample(SLOW_QUERY_MS + 300);
  child.send({ type: 'stop' });
  await done;
  return { quiet, duringSlowQuery };
}

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('No DATABASE_URL: run this through npm run bench:db (scripts/with-postgres.sh starts a server).');
  const machine = describeMachine();
  process.stdout.write(
    `Database benchmark on ${machine.cpuCount} x ${machine.cpuModel}, Node ${machine.node}, load ${machine.loadAverageAtStart[0]}\n`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'viewer-bench-db-'));
  try {
    const embedded: StorageLocation = { kind: 'embedded', dataDir, folder: join(dataDir, 'live'), schema: 'viewer' };
    const server: StorageLocation = { kind: 'server', url, schema: 'viewer' };
    process.stdout.write('  embedded: start with a new folder, then with it existing ...\n');
    const newFolder = await measureOpen(embedded);
    const existingFolder = await measureOpen(embedded);
    process.stdout.write('  1,000 writes, embedded and PostgreSQL ...\n');
    const embeddedWrites = await measureWrites(embedded);
    const serverWrites = await measureWrites(server);
    process.stdout.write(`  /api/status while a ${SLOW_QUERY_MS} ms query runs, embedded and PostgreSQL ...\n`);
    const embeddedStall = await measureStall(embedded);
    const serverStall = await measureStall(server);

    const writes = (w: WritesResult) => ({ totalMs: Math.round(w.totalMs), ...summarise(w.latenciesMs), rssMiB: w.rssMiB });
    const report = {
      date: new Date().toISOString(),
      machine,
      embedded: { newFolder, existingFolder },
      writes: { embedded: writes(embeddedWrites), postgres: writes(serverWrites) },
      slowQueryMs: SLOW_QUERY_MS,
      statusLatency: { embedded: embeddedStall, postgres: serverStall },
    };
    await writeJsonFile(RESULTS, report);
    const ms = (value: number) => `${Math.round(value)} ms`;
    const rows = [
      ['', 'embedded (PGlite)', 'PostgreSQL server (fsync on)'],
      [
        'start, new folder (initdb + migrate)',
        `${ms(newFolder.openMs)} (event loop blocked up to ${ms(newFolder.longestStallMs)})`,
        '',
      ],
      [
        'start, existing folder',
        `${ms(existingFolder.openMs)} (event loop blocked up to ${ms(existingFolder.longestStallMs)})`,
        '',
      ],
      ['resident memory after start', `${newFolder.rssMiB} MiB new / ${existingFolder.rssMiB} MiB existing`, ''],
      ['1,000 writes (one note each, own transaction)', ms(embeddedWrites.totalMs), ms(serverWrites.totalMs)],
      ['  per write p50 / p99 / max', lat(report.writes.embedded), lat(report.writes.postgres)],
      ['  resident memory after', `${embeddedWrites.rssMiB} MiB`, `${serverWrites.rssMiB} MiB`],
      ['/api/status p50 / p99 / max, quiet', lat(embeddedStall.quiet), lat(serverStall.quiet)],
      [`  while a ${SLOW_QUERY_MS} ms query runs`, lat(embeddedStall.duringSlowQuery), lat(serverStall.duringSlowQuery)],
    ];
    process.stdout.write(`\n${alignColumns(rows)}\n\nWritten to bench/db-results.json\n`);
    return 0;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function lat(s: { p50: number; p99: number; max: number }) {
  return `${s.p50} / ${s.p99} / ${s.max} ms`;
}

runBenchmark(main, 15 * 60_000);
