import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { TSX_LOADER } from './testing/child-process';
import { newTestLocation } from './testing/test-database';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const place = newTestLocation();
const location = place.location as Extract<typeof place.location, { kind: 'embedded' }>;
afterAll(() => place.remove());

/** The real server (src/server/main.ts through tsx), in demo mode, on a free port, with its data in `dataDir`. */
function startServer(dataDir: string) {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, MAIN], {
    cwd: location.dataDir,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', VIEWER_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const until = async (done: () => boolean | Promise<boolean>, what: string) => {
    const deadline = Date.now() + 45_000;
    // A request may meet a connection the server is closing (its event loop was busy): ask again.
    while (
      !(await Promise.resolve()
        .then(done)
        .catch(() => false))
    ) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${what} did not happen:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return {
    child,
    exited,
    output: () => output,
    url: async () => {
      await until(() => /"url":"(http:[^"]+)"/.test(output), 'Listening');
      return /"url":"(http:[^"]+)"/.exec(output)![1]!;
    },
    until,
  };
}

describe('the server and its database', () => {
  it('serves at once, says when the database is ready, and refuses a second server on the same folder', async () => {
    // The demo database: a copy of the empty template, as a first start would make it.
    const dataDir = location.dataDir;
    rmSync(location.folder, { recursive: true });
    cpSync(inject('embeddedTemplate'), join(dataDir, 'demo'), { recursive: true });

    const server = startServer(dataDir);
    try {
      const url = await server.url();
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
      expect((await fetch(`${url}/api/status`)).status).toBe(200);
      await server.until(async () => (await fetch(`${url}/api/ready`)).status === 200, '/api/ready answering 200');
      expect(server.output()).toContain(`"message":"Reviews are kept in the embedded database in ${join(dataDir, 'demo')}"`);

      const second = startServer(dataDir);
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain(
        `The database could not be opened: The embedded database in ${join(dataDir, 'demo')} is in use by another process (PID ${server.child.pid}).`,
      );
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });

  it('exits with the reason when a migration fails, and changes nothing', async () => {
    const dataDir = join(location.dataDir, 'broken');
    mkdirSync(dataDir, { mode: 0o700 });
    cpSync(inject('embeddedTemplate'), join(dataDir, 'demo'), { recursive: true });
    // A table in the way of the first migration.
    const pglite = await PGlite.create(join(dataDir, 'demo'));
    await pglite.exec('CREATE SCHEMA viewer_demo; CREATE TABLE viewer_demo.notes (id integer);');
    await pglite.close();

    const server = startServer(dataDir);
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain(
      'The database could not be opened: Database migration 0001-reviews failed: relation "notes" already exists. Nothing was changed.',
    );
    const after = await PGlite.create(join(dataDir, 'demo'));
    const tables = await after.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'viewer_demo' ORDER BY 1`,
    );
    await after.close();
    expect(tables.rows.map((row) => row.name)).toEqual(['kysely_migration', 'kysely_migration_lock', 'notes']);
  });
});
