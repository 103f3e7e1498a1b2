import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Waits for GET /api/ready: the server answers pages at once, but its database opens in the
 * background (a new embedded one takes seconds, on the main thread), and what runs against the
 * server should not pay for that.
 */
async function databaseReady(url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  let last = '';
  while (Date.now() < deadline) {
    const response = await fetch(`${url}/api/ready`).catch((error: Error) => error);
    if (!(response instanceof Error) && response.status === 200) return;
    last = response instanceof Error ? response.message : await response.text();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server's database was not ready in 90 s (${last}):\n${output()}`);
}

export type RunningServer = { url: string; process: ChildProcess; output: () => string; stop: () => Promise<void> };

export const SERVER_ENTRY = join(fileURLToPath(new URL('..', import.meta.url)), 'dist-server', 'main.js');

/**
 * Starts the built server (dist-server/main.js) on a free loopback port, configured only by `env`:
 * whatever this process has of TWILIO_* and VIEWER_ACCESS_TOKEN is dropped, and the server runs in
 * an empty temporary directory so that no `.env` file adds to it. With no credentials in `env`, it
 * runs the embedded demo. It has started once its database is ready. `entry` is another build's
 * server (`<folder>/dist-server/main.js`, which serves `<folder>/dist`), for comparing two builds
 * (scripts/bench-ab.ts).
 */
/** Never inherited: the server keeps its reviews in an embedded database in its temporary directory. */
const DROPPED = ['VIEWER_ACCESS_TOKEN', 'DATABASE_URL', 'VIEWER_DATA_DIR'];

export async function startServer(env: Record<string, string> = {}, entry = SERVER_ENTRY): Promise<RunningServer> {
  const inherited: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('TWILIO_') && !DROPPED.includes(key)) inherited[key] = value;
  }
  const cwd = mkdtempSync(join(tmpdir(), 'viewer-server-'));
  const cleanUp = () => rmSync(cwd, { recursive: true, force: true });
  const child = spawn(process.execPath, [entry], {
    cwd,
    env: { ...inherited, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not start in 15 s:\n${output}`)), 15_000);
    child.stdout.on('data', () => {
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      cleanUp();
      reject(new Error(`Server exited with ${code}:\n${output}`));
    });
  });
  await databaseReady(url, () => output);
  return {
    url,
    process: child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          cleanUp();
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
