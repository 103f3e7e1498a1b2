import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { StorageLocation } from '../../config';

export type Child = {
  process: ChildProcess;
  /** Lines the child printed so far. */
  lines: string[];
  /** Resolves with the first line that matches, or rejects when the child exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
};

/** tsx's loader by absolute URL, so that a child can run TypeScript from any working directory. */
export const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Runs one of the scripts beside this file (TypeScript, through tsx) as a separate process. */
export function runChild(script: string, location: StorageLocation, env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, fileURLToPath(new URL(script, import.meta.url))], {
    env: { ...process.env, ...env, TEST_LOCATION: JSON.stringify(location) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let pending = '';
  let errors = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const complete = pending.split('\n');
    pending = complete.pop()!;
    lines.push(...complete);
    for (const listener of listeners) listener();
  });
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const output = () => `${lines.join('\n')}\n${errors}`;
  return {
    process: child,
    lines,
    exited,
    output,
    waitFor: (pattern, timeoutMs = 45_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`No line matching ${pattern} in ${timeoutMs} ms:\n${output()}`)),
          timeoutMs,
        );
        const check = () => {
          const line = lines.find((l) => pattern.test(l));
          if (line !== undefined) finish(null, line);
        };
        const finish = (error: Error | null, line?: string) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve(line!);
        };
        listeners.add(check);
        void exited.then(({ code, signal }) =>
          finish(new Error(`The child exited (${signal ?? code}) before printing ${pattern}:\n${output()}`)),
        );
        check();
      }),
  };
}

/** The location a child was given. */
export function locationFromEnv(): StorageLocation {
  const raw = process.env.TEST_LOCATION;
  if (!raw) throw new Error('TEST_LOCATION is not set');
  return JSON.parse(raw) as StorageLocation;
}
