/** The server under load for `npm run bench:server`, in a child process of its own (scripts/bench-server-child.ts). */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { withTimeout } from './bench-common';
import type { ChildMemory, ChildMessage, ChildReady } from './bench-server-child';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./bench-server-child.ts', import.meta.url));

export type Memory = { heapUsed: number; rss: number; resources: Record<string, number> };

export type ServerChild = {
  port: number;
  memory(): Promise<ChildMemory>;
  output(): string;
  stop(): Promise<void>;
};

/**
 * Starts the server in demo mode with this upstream cache, and `env` for the child (the database
 * it keeps reviews in, the secret it signs names with); ready once it listens and its database is open.
 */
export async function startChild(upstreamCacheMs: number, extraEnv: Record<string, string> = {}): Promise<ServerChild> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('TWILIO_')) env[key] = value;
  const child: ChildProcess = fork(CHILD, [], {
    cwd: ROOT,
    // BENCH_CPU_PROFILE=<folder>: a CPU profile of each server, written there when it stops.
    execArgv: [
      '--expose-gc',
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : []),
    ],
    env: { ...env, ...extraEnv, BENCH_UPSTREAM_CACHE_MS: String(upstreamCacheMs) },
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
    const ready: ChildReady = await withTimeout(Promise.race([next('ready'), exited]), 120_000, 'Starting the server');
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

export const toMemory = (m: ChildMemory): Memory => ({ heapUsed: m.usage.heapUsed, rss: m.usage.rss, resources: m.resources });

const MB = 1024 * 1024;
/** The heap has come back when it is within this much of the baseline. */
export const heapTolerance = (baseline: number) => Math.max(0.1 * baseline, 5 * MB);
export const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
