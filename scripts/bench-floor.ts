/**
 * The floor under the paint figures of `npm run bench`: the reference page in ./bench-floor
 * (React alone, the same 100-message conversation, the same probe) built with Vite's defaults
 * into a temporary directory and served from loopback by a plain static server. Uncompressed,
 * like the code of the viewer on loopback: on loopback, compression would only cost time.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { longConversation } from '../src/mocks/fixtures/long-conversation';

const ROOT = fileURLToPath(new URL('./bench-floor', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };

export type FloorServer = { url: string; jsGzipBytes: number; stop: () => Promise<void> };

export async function startFloorServer(): Promise<FloorServer> {
  const outDir = await mkdtemp(join(tmpdir(), 'bench-floor-'));
  const output = await build({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, modulePreload: false },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => ('output' in result ? result.output : []));
  const jsGzipBytes = chunks.reduce((sum, chunk) => sum + (chunk.type === 'chunk' ? gzipSync(chunk.code).length : 0), 0);
  await writeFile(join(outDir, 'conversation.json'), JSON.stringify(longConversation(100)));

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://floor').pathname;
    const file = normalize(join(outDir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(outDir)) return void response.writeHead(404).end();
    readFile(file).then(
      (body) => response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    jsGzipBytes,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
