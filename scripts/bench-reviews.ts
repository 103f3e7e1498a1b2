/**
 * The reviewers' part of `npm run bench:server` (see bench/README.md): REVIEWERS people on loopback,
 * each with their own name cookie, writing notes and verdicts and setting review statuses, with the
 * reads a review page makes mixed in, against the server in a child process keeping its reviews in
 * the embedded database or on a PostgreSQL server. Every answer must be 2xx.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { StorageLocation } from '../src/server/config';
import { embeddedTemplate } from '../src/server/db/testing/embedded-template';
import { alignColumns, sleep } from './bench-common';
import { newReviewer, nextRequest, type Reviewer } from './bench-reviewer-mix';
import { distribution, round, type Distribution } from './bench-stats';
import { heapTolerance, startChild, toMemory, type Memory } from './bench-server-process';

export type Pace = { name: string; thinkMs: number };

export type ReviewScenarioResult = {
  database: 'embedded' | 'postgres';
  pace: string;
  /** Mean pause between one reviewer's requests (exponentially distributed); 0: each sends the next at once. */
  thinkMs: number;
  reviewers: number;
  durationS: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: Distribution;
  /** The server's own time per request, from its Server-Timing header: what is not queueing. */
  serverMs: Distribution;
  /** Per kind of request, as the reviewers saw it. */
  byKind: Record<string, Distribution>;
  /** Answers other than 2xx, and requests that got no answer, by status ("error" for none). */
  failures: Record<string, number>;
  /** How late the server's event loop ran a timer during the load: time its one thread was busy. */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  cpuPercent: number;
  memory: { baseline: Memory; afterLoad: Memory; settled: Memory };
  heap: { toleranceBytes: number; settledMinusBaselineBytes: number; returnedToBaseline: boolean };
  serverProblems: Record<string, number>;
};

const SETTLE_MS = 5_000;

/** A place for the reviews nobody else uses: a copy of the empty embedded folder, or a new schema. */
async function benchLocation(database: 'embedded' | 'postgres'): Promise<{ location: StorageLocation; remove(): Promise<void> }> {
  if (database === 'postgres') {
    const url = process.env.DATABASE_URL!;
    const schema = `bench_${randomBytes(6).toString('hex')}`;
    return {
      location: { kind: 'server', url, schema },
      remove: async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'viewer-bench-'));
  chmodSync(dataDir, 0o700);
  const folder = join(dataDir, 'demo');
  cpSync(await embeddedTemplate(), folder, { recursive: true });
  return {
    location: { kind: 'embedded', dataDir, folder, schema: 'viewer_demo' },
    remove: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** An exponentially distributed pause with this mean: reviewers acting independently of each other. */
const think = (meanMs: number) => (meanMs === 0 ? Promise.resolve() : sleep(-Math.log(1 - Math.random()) * meanMs));

export async function runReviewScenario(
  database: 'embedded' | 'postgres',
  pace: Pace,
  { reviewers: count, durationS }: { reviewers: number; durationS: number },
): Promise<ReviewScenarioResult> {
  const place = await benchLocation(database);
  const secret = randomBytes(32);
  const child = await startChild(3_000, { BENCH_STORAGE: JSON.stringify(place.location), BENCH_SECRET: secret.toString('hex') });
  try {
    const base = `http://127.0.0.1:${child.port}`;
    const reviewers = Array.from({ length: count }, (_, i) => newReviewer(secret, i + 1));

    const samples: { kind: string; ms: number; serverMs: number }[] = [];
    const failures: Record<string, number> = {};
    let measuring = true;
    const send = async (r: Reviewer, record: boolean) => {
      const request = nextRequest(r);
      const started = performance.now();
      try {
        const response = await fetch(base + request.path, {
          method: request.method,
          headers: {
            Cookie: r.cookie,
            'Sec-Fetch-Site': 'same-origin',
            ...(request.body ? { 'Content-Type': 'application/json' } : {}),
          },
          body: request.body ? JSON.stringify(request.body) : undefined,
          signal: AbortSignal.timeout(30_000),
        });
        const answer = (await response.json()) as { id: string; version: number };
        // The server's own time for the request (Server-Timing `app`): the rest is queueing.
        const serverMs = Number(/app;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? Number.NaN);
        if (record) samples.push({ kind: request.kind, ms: performance.now() - started, serverMs });
        if (response.ok) request.remember(answer);
        else failures[`${response.status} ${request.kind}`] = (failures[`${response.status} ${request.kind}`] ?? 0) + 1;
      } catch {
        failures[`error ${request.kind}`] = (failures[`error ${request.kind}`] ?? 0) + 1;
      }
    };

    // Warm-up: each reviewer's first writes (their reviewer record, the first verdicts, which ask
    // Twilio for the result) and every route once, before the baseline.
    for (let round = 0; round < 20; round++) await Promise.all(reviewers.map((r) => send(r, false)));
    const baseline = await child.memory();

    process.stdout.write(`  reviewers, ${database}, ${pace.name}: ${count} reviewers for ${durationS} s ...\n`);
    const started = performance.now();
    const deadline = started + durationS * 1000;
    await Promise.all(
      reviewers.map(async (r) => {
        await think(pace.thinkMs);
        while (measuring && performance.now() < deadline) {
          await send(r, true);
          await think(pace.thinkMs);
        }
      }),
    );
    measuring = false;
    const elapsedS = (performance.now() - started) / 1000;
    const afterLoad = await child.memory();
    await sleep(SETTLE_MS);
    const settled = await child.memory();

    const kinds = [...new Set(samples.map((s) => s.kind))].sort();
    const toleranceBytes = heapTolerance(baseline.usage.heapUsed);
    const settledMinusBaselineBytes = settled.usage.heapUsed - baseline.usage.heapUsed;
    return {
      database,
      pace: pace.name,
      thinkMs: pace.thinkMs,
      reviewers: count,
      durationS,
      requests: samples.length,
      requestsPerSecond: round(samples.length / elapsedS),
      latencyMs: distribution(
        samples.map((s) => s.ms),
        1,
      ),
      serverMs: distribution(
        samples.map((s) => s.serverMs),
        1,
      ),
      byKind: Object.fromEntries(
        kinds.map((kind) => [
          kind,
          distribution(
            samples.filter((s) => s.kind === kind).map((s) => s.ms),
            1,
          ),
        ]),
      ),
      failures,
      eventLoopDelayMs: {
        p50: round(afterLoad.eventLoopDelayMs.p50),
        p99: round(afterLoad.eventLoopDelayMs.p99),
        max: round(afterLoad.eventLoopDelayMs.max),
      },
      cpuPercent: Math.round(
        ((afterLoad.cpu.user - baseline.cpu.user + afterLoad.cpu.system - baseline.cpu.system) / 1000 / (elapsedS * 1000)) * 100,
      ),
      memory: { baseline: toMemory(baseline), afterLoad: toMemory(afterLoad), settled: toMemory(settled) },
      heap: { toleranceBytes, settledMinusBaselineBytes, returnedToBaseline: settledMinusBaselineBytes <= toleranceBytes },
      serverProblems: settled.problems,
    };
  } finally {
    await child.stop();
    await place.remove();
  }
}

/** The target for the embedded database: p99 at or under this, as the reviewers see it. */
export const REVIEW_P99_TARGET_MS = 50;

/**
 * Two paces: flat out (each reviewer sends the next request as soon as the last is answered: the
 * most the server does, and what queueing then costs), and as people work (a pause of a second on
 * average between one reviewer's actions, which is still faster than anyone reviews).
 */
export const PACES: Pace[] = [
  { name: 'flat out', thinkMs: 0 },
  { name: 'one action a second each', thinkMs: 1_000 },
];

export function reviewDatabases(): ('embedded' | 'postgres')[] {
  return process.env.DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];
}

const ms = (value: number) => `${value} ms`;

export function reviewTable(results: ReviewScenarioResult[]): string {
  const mbOf = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const rows: string[][] = [
    ['', ...results.map((r) => `${r.database}, ${r.pace}`)],
    ['requests/s', ...results.map((r) => String(r.requestsPerSecond))],
    ['requests', ...results.map((r) => String(r.requests))],
    ['latency p50', ...results.map((r) => ms(r.latencyMs.p50))],
    ['latency p99', ...results.map((r) => ms(r.latencyMs.p99))],
    [
      `p99 ≤ ${REVIEW_P99_TARGET_MS} ms (embedded)`,
      ...results.map((r) => (r.database !== 'embedded' ? '' : r.latencyMs.p99 <= REVIEW_P99_TARGET_MS ? 'yes' : 'NO')),
    ],
    ['latency max', ...results.map((r) => ms(r.latencyMs.max))],
    ['non-2xx / no answer', ...results.map((r) => String(Object.values(r.failures).reduce((a, b) => a + b, 0)))],
    [
      'server time p50 / p99 / max',
      ...results.map((r) => `${ms(r.serverMs.p50)} / ${ms(r.serverMs.p99)} / ${ms(r.serverMs.max)}`),
    ],
    ['event loop delay p99 / max', ...results.map((r) => `${ms(r.eventLoopDelayMs.p99)} / ${ms(r.eventLoopDelayMs.max)}`)],
    ['server CPU', ...results.map((r) => `${r.cpuPercent}%`)],
    [
      'heap baseline → load → settled',
      ...results.map(
        (r) => `${mbOf(r.memory.baseline.heapUsed)} → ${mbOf(r.memory.afterLoad.heapUsed)} → ${mbOf(r.memory.settled.heapUsed)}`,
      ),
    ],
    ['RSS baseline → settled', ...results.map((r) => `${mbOf(r.memory.baseline.rss)} → ${mbOf(r.memory.settled.rss)}`)],
  ];
  return alignColumns(rows);
}

export function reviewFailures(result: ReviewScenarioResult): string[] {
  const where = `reviewers, ${result.database}, ${result.pace}:`;
  const failures: string[] = [];
  if (Object.keys(result.failures).length > 0) failures.push(`${where} requests failed: ${JSON.stringify(result.failures)}`);
  if (Object.keys(result.serverProblems).length > 0)
    failures.push(`${where} the server logged problems: ${JSON.stringify(result.serverProblems)}`);
  if (!result.heap.returnedToBaseline) {
    failures.push(
      `${where} the heap did not return to baseline (+${(result.heap.settledMinusBaselineBytes / 1024 / 1024).toFixed(1)} MB)`,
    );
  }
  return failures;
}
