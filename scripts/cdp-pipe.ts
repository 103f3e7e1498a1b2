import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';

type Pending = { resolve: (result: Record<string, unknown>) => void; reject: (error: Error) => void; method: string };

/**
 * Headless Chromium driven over its DevTools pipe, with nothing attached but what the caller
 * enables. A Playwright page always has DevTools' network events on (Playwright needs them), and
 * those cost the page's main thread on every request: a figure about one request's cost has to be
 * taken without them.
 */
export class BareChromium {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private buffer = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly userDataDir: string,
  ) {
    const output = child.stdio[4] as Readable;
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (let end = this.buffer.indexOf('\0'); end !== -1; end = this.buffer.indexOf('\0')) {
        const message = JSON.parse(this.buffer.slice(0, end)) as {
          id?: number;
          result?: Record<string, unknown>;
          error?: { message: string };
        };
        this.buffer = this.buffer.slice(end + 1);
        const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
        if (!waiting) continue;
        this.pending.delete(message.id!);
        if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
        else waiting.resolve(message.result ?? {});
      }
    });
  }

  static launch(): BareChromium {
    const userDataDir = mkdtempSync(join(tmpdir(), 'bare-chromium-'));
    const child = spawn(
      CHROMIUM_PATH,
      [...CHROMIUM_FLAGS, '--headless', '--remote-debugging-pipe', `--user-data-dir=${userDataDir}`, 'about:blank'],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    return new BareChromium(child, userDataDir);
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const message = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      (this.child.stdio[3] as Writable).write(message + '\0');
    });
  }

  /** The first page target, attached (flat sessions): its session ID. */
  async attachToPage(): Promise<string> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const { targetInfos } = (await this.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string }[] };
      const page = targetInfos.find((t) => t.type === 'page');
      if (page) {
        const { sessionId } = (await this.send('Target.attachToTarget', { targetId: page.targetId, flatten: true })) as {
          sessionId: string;
        };
        return sessionId;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('Chromium opened no page');
  }

  async close(): Promise<void> {
    await this.send('Browser.close').catch(() => undefined);
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const timer = setTimeout(() => (this.child.kill('SIGKILL'), resolve()), 5_000);
      this.child.once('exit', () => (clearTimeout(timer), resolve()));
    });
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}
