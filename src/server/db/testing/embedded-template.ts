import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createEmbeddedFolder } from '../new-folder';

/**
 * A new PGlite folder costs 5 to 6 s (initdb); opening a copy of one costs about 1 s. The storage
 * tests copy this empty, unmigrated folder, made once per PGlite version and kept under
 * node_modules/.cache.
 */
export async function embeddedTemplate(root = process.cwd()): Promise<string> {
  const version = (
    JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }
  ).version;
  const cache = resolve(root, 'node_modules/.cache');
  const template = join(cache, `viewer-pglite-template-${version}`);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  mkdirSync(cache, { recursive: true });
  const scratch = mkdtempSync(join(cache, 'pglite-template-'));
  try {
    await createEmbeddedFolder(join(scratch, 'data'));
    // Another test run may have made it meanwhile; either copy will do.
    renameSync(join(scratch, 'data'), template);
  } catch (error) {
    if (!existsSync(join(template, 'PG_VERSION'))) throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return template;
}
