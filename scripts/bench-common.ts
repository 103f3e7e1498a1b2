/** What `npm run bench` and `npm run bench:server` share: settings, the request mix, the warm-up, the machine, the results file. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { demoConversations, longChat, aiHandoff } from '../src/mocks/fixtures/conversations';
import { missingOperatorResultId, operatorResults } from '../src/mocks/fixtures/operator-results';
import { operators, operatorWithFailingLookup } from '../src/mocks/fixtures/operators';
import { DEMO_ACCOUNT_SEED } from '../src/mocks/fixtures/demo-account';
import { generatedConversationId, LONG_GENERATED_INDEX } from '../src/mocks/fixtures/generated-plans';
import type { RunningServer } from './start-server';

/** A whole number from the environment, or the fallback; anything else stops the command with a message. */
export function positiveInt(name: string, fallback: number, max: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    process.stderr.write(`${name} must be a whole number from ${min} to ${max} (got "${raw}").\n`);
    process.exit(1);
  }
  return value;
}

/** One of two builds compared in one run (bench/README.md, "Comparing two builds"), and its server once started. */
export type Build = { name: 'A' | 'B'; folder: string; server?: RunningServer };

/** The two folders named on the command line, each with a build (dist/ and dist-server/), as A and B. */
export function buildsFromArguments(): Build[] {
  const [a, b] = process.argv.slice(2);
  if (!a || !b) throw new Error('Name two folders, each with a build (dist/ and dist-server/).');
  return [
    { name: 'A', folder: resolve(a) },
    { name: 'B', folder: resolve(b) },
  ];
}

/** The builds in a round's order: which goes first alternates, so that drift on the machine touches both alike. */
export const inTurn = <T>(builds: readonly T[], round: number): readonly T[] => (round % 2 ? builds : [...builds].reverse());

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What the app asks for when people read conversations: every route here must answer 200. */
export function requestMix(): string[] {
  const results = operatorResults.filter((r) => r.id !== missingOperatorResultId);
  const pickedResults = [
    results[0]!,
    results.find((r) => r.conversationId === aiHandoff.id)!,
    results.find((r) => r.conversationId === longChat.id)!,
    results.at(-1)!,
  ];
  const operator = operators.find((o) => o.id !== operatorWithFailingLookup)!;
  return [
    '/api/status',
    ...demoConversations.map((c) => `/api/v3/Conversations/${c.id}`),
    ...[...new Set(pickedResults.map((r) => r.id))].map((id) => `/api/v3/OperatorResults/${id}`),
    `/api/v3/OperatorResults?conversationId=${aiHandoff.id}`,
    `/api/v3/ControlPlane/Operators/${operator.id}`,
    // The inbox: the first page, a filtered page, a generated conversation (a long one) and a picker's list.
    '/api/v3/Conversations',
    '/api/v3/Conversations?status=CLOSED&channels=VOICE&channels=CHAT&pageSize=25',
    `/api/v3/Conversations/${generatedConversationId(DEMO_ACCOUNT_SEED, LONG_GENERATED_INDEX)}`,
    '/api/v3/ControlPlane/Operators',
  ];
}

/** `count` requests over `paths`, `concurrency` at a time: JIT, caches and pools warm, and every route answers 200. */
export async function warmUp(base: string, paths: string[], count = 300, concurrency = 8): Promise<void> {
  const failures = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const path = paths[next++ % paths.length]!;
      try {
        const response = await fetch(base + path, { signal: AbortSignal.timeout(15_000) });
        await response.arrayBuffer();
        if (response.status !== 200) failures.set(path, `HTTP ${response.status}`);
      } catch (error) {
        failures.set(path, error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (failures.size > 0) {
    const list = [...failures].map(([path, why]) => `  ${path}: ${why}`).join('\n');
    throw new Error(`Every route in the mix must answer 200 before the load; these did not:\n${list}`);
  }
}

/** The operating system's own name ("Debian GNU/Linux 12 (bookworm)"), when it says. */
function osName(): string | null {
  try {
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Figures only compare on the same machine, equally quiet: this is what the results say about it. */
export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    os: osName(),
    /** Other work on the machine skews every figure: compare with the CPU count. */
    loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

/** Writes `data` as JSON formatted by the repository's Prettier settings. */
export async function writeJsonFile(path: string, data: unknown): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const json = await format(JSON.stringify(data), { ...(await resolveConfig(path)), filepath: path });
  writeFileSync(path, json);
}

/** Rows of cells as aligned columns. */
export function alignColumns(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * Runs a benchmark's `main` as the process: its result is the exit code, an error says why it could
 * not run (exit 1), and a watchdog stops a run that hangs (exit 2) after `limitMs`.
 */
export function runBenchmark(main: () => Promise<number>, limitMs: number): void {
  const watchdog = setTimeout(() => {
    process.stderr.write('The benchmark did not finish in time; stopping.\n');
    process.exit(2);
  }, limitMs);
  watchdog.unref();
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`\nThe benchmark could not run: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
