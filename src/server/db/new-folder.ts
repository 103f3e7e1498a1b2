import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Makes a new PGlite data folder in a child process. Creating one (initdb) takes 5 to 6 s of
 * WebAssembly on the thread that runs it, and leaves that process several hundred MB larger; done
 * here, the server keeps answering meanwhile and stays small. The folder is made under a temporary
 * name and renamed when complete, so a crash never leaves a half-made one.
 */
export async function createEmbeddedFolder(folder: string): Promise<void> {
  const partial = `${folder}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const script = `require(${JSON.stringify(pglite)}).PGlite.create(${JSON.stringify(partial)}).then((db) => db.close())`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0 || !existsSync(`${partial}/PG_VERSION`)) {
    rmSync(partial, { recursive: true, force: true });
    throw new Error(`could not create the database folder (${errors.trim().split('\n').at(-1) ?? `exit ${code}`})`);
  }
  renameSync(partial, folder);
}
