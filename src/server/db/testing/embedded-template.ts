import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * A new PGlite folder costs 5 to 6 s (initdb); opening a copy of one costs about 1 s. The storage
 * tests copy this empty, unmigrated folder, made once per PGlite version and kept under
 * node_modules/.cache. It is made in a child process: a process that ran initdb keeps several
 * hundred MB.
 */
export function embeddedTemplate(root = process.cwd()): string {
  const version = (
    JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }
  ).version;
  const cache = resolve(root, 'node_modules/.cache');
  const template = join(cache, `viewer-pglite-template-${version}`);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  const scratch = mkdtempSync(join(cache, 'pglite-template-'));
  const folder = join(scratch, 'data');
  const made = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { PGlite } from '@electric-sql/pglite'; const db = await PGlite.create(${JSON.stringify(folder)}); await db.close();`,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`Could not make the PGlite template folder:\n${made.stderr}`);
  try {
    // Another test run may have made it meanwhile; either copy will do.
    renameSync(folder, template);
  } catch {
    if (!existsSync(join(template, 'PG_VERSION'))) throw new Error(`Could not move the PGlite template into ${template}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return template;
}
