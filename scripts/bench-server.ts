/**
 * `npm run bench:server`: a load benchmark of the BFF in demo mode (see bench/README.md).
 *
 * For each scenario it starts scripts/bench-server-child.ts in a fresh child process, warms it up,
 * takes a memory baseline, puts it under load with autocannon over loopback, then measures memory
 * right after the load and after a settle period. It prints a table, writes
 * bench/server-results.json and exits non-zero when a request failed or the heap did not come back.
 *
 * Then BENCH_REVIEWERS (64) reviewers write notes and verdicts for BENCH_REVIEW_DURATION (20) s with
 * reads mixed in, on the embedded database and on the PostgreSQL server that DATABASE_URL names
 * (scripts/bench-reviews.ts).
 *
 * BENCH_DURATION (seconds, default 30) and BENCH_CONNECTIONS (default 256) shorten it for a quick
 * run; BENCH_PARTS=reads or BENCH_PARTS=reviewers runs one half.
 */
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import {
  alignColumns,
  describeMachine,
  positiveInt,
  requestMix,
  runBenchmark,
  warmUp,
  withTimeout,
  writeJsonFile,
} from './bench-common';
import {
  PACES,
  REVIEW_P99_TARGET_MS,
  reviewDatabases,
  reviewFailures,
  reviewTable,
  runReviewScenario,
  type ReviewScenarioResult,
} from './bench-reviews';
import { heapTolerance, mb, startChild, toMemory, type Memory } from './bench-server-process';
const RESULTS = fileURLToPath(new URL('../bench/server-results.json', import.meta.url));

const DURATION_S = positiveInt('BENCH_DURATION', 30, 600);
const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 256, 4096);
const REVIEW_DURATION_S = positiveInt('BENCH_REVIEW_DURATION', 20, 600);
const REVIEWERS = positiveInt('BENCH_REVIEWERS', 64, 1024);
/** `reads`, `reviewers`, or both (the default). */
const PARTS = (process.env.BENCH_PARTS ?? 'reads,reviewers').split(',');
const WARMUP_REQUESTS = 300;
const SETTLE_MS = 5_000;

/**
 * The default configuration is what the targets are about (zero errors, heap back to baseline).
 * With the cache off, every request goes through the demo's in-process fake Twilio (MSW), which
 * parses the whole 770 KB conversation per call and keeps a known slow leak (mswjs/interceptors#779)
 * that live mode does not have: reported to show the cost, not held to the targets.
 */
const SCENARIOS = [
  { name: 'coalescing + 3 s cache (default)', upstreamCacheMs: 3_000, gate: true },
  { name: 'coalescing only (cache 0)', upstreamCacheMs: 0, gate: false },
];

type ScenarioResult = {
  name: string;
  upstreamCacheMs: number;
  requestsPerSecond: { mean: number; p50: number; min: number; max: number };
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  totalRequests: number;
  statusCodes: Record<string, number>;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  resets: number;
  /** The server's own view of the load: time in the app per request (before the answer is sent). */
  appTime: { requests: number; meanMs: number; maxMs: number; over1s: number; over5s: number };
  /** CPU used during the load, in % of one core: the server (child) and autocannon (this process). */
  cpuPercent: { server: number; loadGenerator: number };
  memory: { baseline: Memory; afterLoad: Memory; settled: Memory };
  heap: { toleranceBytes: number; settledMinusBaselineBytes: number; returnedToBaseline: boolean };
  /** Log entries other than `info` written by the server during the scenario, by "level status path". */
  serverProblems: Record<string, number>;
  /** Anything the server printed (warnings included); empty when all is well. */
  serverOutput: string;
};

async function runScenario(scenario: (typeof SCENARIOS)[number], paths: string[]): Promise<ScenarioResult> {
  const child = await startChild(scenario.upstreamCacheMs);
  try {
    const base = `http://127.0.0.1:${child.port}`;
    await warmUp(base, paths, WARMUP_REQUESTS);
    const baseline = await child.memory();

    process.stdout.write(`  ${scenario.name}: ${CONNECTIONS} connections for ${DURATION_S} s ...\n`);
    const parentCpu = process.cpuUsage();
    const started = performance.now();
    const load: Result = await withTimeout(
      autocannon({
        url: base,
        connections: CONNECTIONS,
        duration: DURATION_S,
        requests: paths.map((path) => ({ method: 'GET', path })),
      }),
      (DURATION_S + 60) * 1000,
      'The load',
    );
    const parentCpuUsed = process.cpuUsage(parentCpu);
    const elapsedMs = performance.now() - started;
    const afterLoad = await child.memory();
    const percentOfCore = (cpu: NodeJS.CpuUsage) => Math.round(((cpu.user + cpu.system) / 1000 / elapsedMs) * 100);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const settled = await child.memory();

    const toleranceBytes = heapTolerance(baseline.usage.heapUsed);
    const settledMinusBaselineBytes = settled.usage.heapUsed - baseline.usage.heapUsed;
    return {
      name: scenario.name,
      upstreamCacheMs: scenario.upstreamCacheMs,
      requestsPerSecond: {
        mean: load.requests.mean,
        p50: load.requests.p50,
        min: load.requests.min,
        max: load.requests.max,
      },
      latencyMs: {
        mean: load.latency.mean,
        p50: load.latency.p50,
        p90: load.latency.p90,
        p99: load.latency.p99,
        max: load.latency.max,
      },
      totalRequests: load.latency.totalCount ?? load['2xx'] + load.non2xx,
      statusCodes: Object.fromEntries(Object.entries(load.statusCodeStats).map(([code, { count }]) => [code, count])),
      non2xx: load.non2xx,
      socketErrors: load.errors - load.timeouts,
      timeouts: load.timeouts,
      resets: load.resets,
      appTime: {
        requests: afterLoad.appTime.requests,
        meanMs: Math.round((afterLoad.appTime.totalMs / Math.max(1, afterLoad.appTime.requests)) * 10) / 10,
        maxMs: afterLoad.appTime.maxMs,
        over1s: afterLoad.appTime.over1s,
        over5s: afterLoad.appTime.over5s,
      },
      cpuPercent: {
        server: percentOfCore({
          user: afterLoad.cpu.user - baseline.cpu.user,
          system: afterLoad.cpu.system - baseline.cpu.system,
        }),
        loadGenerator: percentOfCore(parentCpuUsed),
      },
      memory: { baseline: toMemory(baseline), afterLoad: toMemory(afterLoad), settled: toMemory(settled) },
      heap: {
        toleranceBytes,
        settledMinusBaselineBytes,
        returnedToBaseline: settledMinusBaselineBytes <= toleranceBytes,
      },
      serverProblems: settled.problems,
      serverOutput: child.output(),
    };
  } finally {
    await child.stop();
  }
}

function table(results: ScenarioResult[]): string {
  const rows: string[][] = [
    ['', ...results.map((r) => r.name)],
    ['requests/s (mean)', ...results.map((r) => r.requestsPerSecond.mean.toFixed(0))],
    ['latency p50', ...results.map((r) => `${r.latencyMs.p50} ms`)],
    ['latency p99', ...results.map((r) => `${r.latencyMs.p99} ms`)],
    ['latency max', ...results.map((r) => `${r.latencyMs.max} ms`)],
    ['total requests', ...results.map((r) => String(r.totalRequests))],
    ['non-2xx', ...results.map((r) => String(r.non2xx))],
    ['socket errors / timeouts', ...results.map((r) => `${r.socketErrors} / ${r.timeouts}`)],
    ['app time mean / max', ...results.map((r) => `${r.appTime.meanMs} ms / ${r.appTime.maxMs} ms`)],
    ['CPU server / autocannon', ...results.map((r) => `${r.cpuPercent.server}% / ${r.cpuPercent.loadGenerator}%`)],
    ['heap baseline', ...results.map((r) => mb(r.memory.baseline.heapUsed))],
    ['heap after load', ...results.map((r) => mb(r.memory.afterLoad.heapUsed))],
    ['heap settled', ...results.map((r) => mb(r.memory.settled.heapUsed))],
    ['RSS baseline', ...results.map((r) => mb(r.memory.baseline.rss))],
    ['RSS after load', ...results.map((r) => mb(r.memory.afterLoad.rss))],
    ['RSS settled', ...results.map((r) => mb(r.memory.settled.rss))],
    [
      'heap back to baseline',
      ...results.map(
        (r) =>
          `${r.heap.returnedToBaseline ? 'yes' : 'NO'} (${r.heap.settledMinusBaselineBytes >= 0 ? '+' : ''}${mb(r.heap.settledMinusBaselineBytes)}, allowed ${mb(r.heap.toleranceBytes)})`,
      ),
    ],
  ];
  return alignColumns(rows);
}

function failuresOf(result: ScenarioResult): string[] {
  const failures: string[] = [];
  const where = `${result.name}:`;
  if (result.non2xx > 0) {
    failures.push(`${where} ${result.non2xx} non-2xx answers (${JSON.stringify(result.statusCodes)})`);
  }
  if (result.socketErrors > 0) failures.push(`${where} ${result.socketErrors} socket errors`);
  if (result.timeouts > 0) failures.push(`${where} ${result.timeouts} requests timed out`);
  if (Object.keys(result.serverProblems).length > 0) {
    failures.push(`${where} the server logged problems: ${JSON.stringify(result.serverProblems)}`);
  }
  if (!result.heap.returnedToBaseline) {
    failures.push(
      `${where} the heap did not return to baseline: ${mb(result.memory.settled.heapUsed)} settled vs ${mb(result.memory.baseline.heapUsed)} baseline (allowed +${mb(result.heap.toleranceBytes)})`,
    );
  }
  return failures;
}

async function main(): Promise<number> {
  const paths = requestMix();
  const machine = describeMachine();
  process.stdout.write(
    `Server benchmark: ${paths.length} paths, ${CONNECTIONS} connections, ${DURATION_S} s per scenario, ` +
      `on ${machine.cpuCount} x ${machine.cpuModel}, ${mb(machine.totalMemoryBytes)}, Node ${machine.node}\n`,
  );
  if (machine.loadAverageAtStart[0]! > 0.5) {
    process.stdout.write(
      `  Note: the load average is ${machine.loadAverageAtStart[0]} on ${machine.cpuCount} CPUs; other work skews the figures.\n`,
    );
  }

  const results: ScenarioResult[] = [];
  if (PARTS.includes('reads')) for (const scenario of SCENARIOS) results.push(await runScenario(scenario, paths));
  const reviews: ReviewScenarioResult[] = [];
  if (PARTS.includes('reviewers')) {
    if (!process.env.DATABASE_URL) {
      process.stdout.write(
        '  Note: no DATABASE_URL, so the reviewers run on the embedded database only (npm run bench:server starts a PostgreSQL).\n',
      );
    }
    for (const database of reviewDatabases()) {
      for (const pace of PACES)
        reviews.push(await runReviewScenario(database, pace, { reviewers: REVIEWERS, durationS: REVIEW_DURATION_S }));
    }
  }

  const failures = [...results.filter((_, i) => SCENARIOS[i]!.gate).flatMap(failuresOf), ...reviews.flatMap(reviewFailures)];
  const diagnostics = results.filter((_, i) => !SCENARIOS[i]!.gate).flatMap(failuresOf);
  const report = {
    date: new Date().toISOString(),
    machine,
    settings: {
      durationSeconds: DURATION_S,
      connections: CONNECTIONS,
      warmUpRequests: WARMUP_REQUESTS,
      settleMs: SETTLE_MS,
      heapTolerance: 'max(10% of baseline heapUsed, 5 MB)',
      paths,
      reviewers: REVIEWERS,
      reviewDurationSeconds: REVIEW_DURATION_S,
      reviewP99TargetMs: REVIEW_P99_TARGET_MS,
    },
    scenarios: results,
    reviewScenarios: reviews,
    ok: failures.length === 0,
    failures,
    diagnostics,
  };
  await writeJsonFile(RESULTS, report);

  if (results.length > 0) process.stdout.write(`\n${table(results)}\n`);
  if (reviews.length > 0) process.stdout.write(`\n${reviewTable(reviews)}\n`);
  process.stdout.write('\nWritten to bench/server-results.json\n');
  for (const result of results) {
    if (result.serverOutput.trim()) process.stdout.write(`\nThe server printed (${result.name}):\n${result.serverOutput}\n`);
  }
  if (diagnostics.length > 0) {
    process.stdout.write(`\nNot targets (cache off, demo upstream), noted:\n${diagnostics.map((f) => `  - ${f}`).join('\n')}\n`);
  }
  if (failures.length > 0) {
    process.stderr.write(`\nFAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
    return 1;
  }
  process.stdout.write('\nOK: no errors (default configuration and reviewers), and the heap came back to its baseline.\n');
  return 0;
}

// However things go, stop in bounded time.
runBenchmark(main, (SCENARIOS.length * (DURATION_S + 150) + 2 * PACES.length * (REVIEW_DURATION_S + 240) + 60) * 1000);
