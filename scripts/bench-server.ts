/**
 * `npm run bench:server`: a load benchmark of the BFF in demo mode (see bench/README.md).
 *
 * For each scenario it starts scripts/bench-server-child.ts in a fresh child process, warms it up,
 * takes a memory baseline, puts it under load with autocannon over loopback, then measures memory
 * right after the load and after a settle period. It prints a table, writes
 * bench/server-results.json and exits non-zero when a request failed or the heap did not come back.
 *
 * BENCH_DURATION (seconds, default 30) and BENCH_CONNECTIONS (default 256) shorten it for a quick run.
 */
import { fork, type ChildProcess } from 'node:child_process';
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
import type { ChildMemory, ChildMessage, ChildReady } from './bench-server-child';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./bench-server-child.ts', import.meta.url));
const RESULTS = fileURLToPath(new URL('../bench/server-results.json', import.meta.url));

const DURATION_S = positiveInt('BENCH_DURATION', 30, 600);
const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 256, 4096);
const WARMUP_REQUESTS = 300;
const SETTLE_MS = 5_000;
const MB = 1024 * 1024;
/** The heap has come back when it is within this much of the baseline. */
const heapTolerance = (baseline: number) => Math.max(0.1 * baseline, 5 * MB);

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

type Memory = { heapUsed: number; rss: number; resources: Record<string, number> };

type Child = {
  port: number;
  memory(): Promise<ChildMemory>;
  output(): string;
  stop(): Promise<void>;
};

async function startChild(upstreamCacheMs: number): Promise<Child> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('TWILIO_')) env[key] = value;
  const child: ChildProcess = fork(CHILD, [], {
    cwd: ROOT,
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...env, BENCH_UPSTREAM_CACHE_MS: String(upstreamCacheMs) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => reject(new Error(`The server exited (${signal ?? code}):\n${output}`))),
  );
  exited.catch(() => {}); // only raced against, below

  const next = <T extends ChildMessage['type']>(type: T) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolve(message as Extract<ChildMessage, { type: T }>);
      };
      child.on('message', onMessage);
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });

  try {
    const ready: ChildReady = await withTimeout(Promise.race([next('ready'), exited]), 30_000, 'Starting the server');
    if (ready.mode !== 'demo' || ready.upstreamCacheMs !== upstreamCacheMs) {
      throw new Error(`The server started with mode=${ready.mode}, UPSTREAM_CACHE_MS=${ready.upstreamCacheMs}.`);
    }
    return {
      port: ready.port,
      memory: () => {
        const answer = next('memory');
        child.send({ type: 'memory' });
        return withTimeout(Promise.race([answer, exited]), 30_000, 'Measuring memory');
      },
      output: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

const toMemory = (m: ChildMemory): Memory => ({ heapUsed: m.usage.heapUsed, rss: m.usage.rss, resources: m.resources });

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

const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

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
  for (const scenario of SCENARIOS) results.push(await runScenario(scenario, paths));

  const failures = results.filter((_, i) => SCENARIOS[i]!.gate).flatMap(failuresOf);
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
    },
    scenarios: results,
    ok: failures.length === 0,
    failures,
    diagnostics,
  };
  await writeJsonFile(RESULTS, report);

  process.stdout.write(`\n${table(results)}\n\nWritten to bench/server-results.json\n`);
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
  process.stdout.write('\nOK: in the default configuration, no errors and the heap came back to its baseline.\n');
  return 0;
}

// However things go, stop in bounded time.
runBenchmark(main, (SCENARIOS.length * (DURATION_S + 150) + 60) * 1000);
