/**
 * `npm run db:backup -- <file>` and `npm run db:restore -- <file>`: the reviews of the database the
 * server is configured for (.env and the environment, as `npm start` reads them) to a JSON file, and
 * back into an empty database. The embedded database admits one process: stop the server first.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, readEnv } from '../src/server/config';
import { backup, countRows, parseBackup, restore, type RowCounts } from '../src/server/db/backup';
import { openDatabase } from '../src/server/db/open-database';
import { describeLocation } from '../src/server/db/storage';

const describeCounts = (counts: RowCounts) =>
  `${counts.reviewers} reviewers, ${counts.verdicts} verdicts, ${counts.notes} notes, ${counts.conversation_reviews} review statuses and ${counts.review_history} history entries`;

async function main(): Promise<number> {
  const [command, file] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || !file) {
    process.stderr.write('Usage: npm run db:backup -- <file>   or   npm run db:restore -- <file>\n');
    return 2;
  }
  const config = loadConfig(readEnv());
  const where = describeLocation(config.storage);
  const path = resolve(file);
  // Read before opening, so that a wrong file is said before anything is touched.
  const toRestore = command === 'restore' ? parseBackup(readFileSync(path, 'utf8')) : null;
  const database = await openDatabase(config.storage);
  try {
    if (toRestore) {
      const counts = await restore(database.db, toRestore);
      process.stdout.write(`Restored ${describeCounts(counts)} from ${path} into the ${where}.\n`);
    } else {
      const made = await backup(database.db, config.storage.schema);
      // Notes are in it: readable by this user only, and never a half-written file.
      writeFileSync(`${path}.partial`, `${JSON.stringify(made)}\n`, { mode: 0o600 });
      renameSync(`${path}.partial`, path);
      process.stdout.write(`Backed up ${describeCounts(countRows(made.tables))} from the ${where} to ${path}.\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const known = error instanceof ConfigError || (error instanceof Error && /Refused|MigrationFailed/.test(error.name));
    process.stderr.write(`${known ? '' : 'Failed: '}${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
