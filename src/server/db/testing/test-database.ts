import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Migration } from 'kysely';
import { inject } from 'vitest';
import type { StorageLocation } from '../../config';
import { openDatabase, type Database } from '../open-database';

/** Which database the storage tests run against: set by the vitest project (`storage` or `storage-pg`). */
export const testDatabaseKind: 'embedded' | 'postgres' = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'embedded';

export type TestLocation = { location: StorageLocation; remove(): Promise<void> };

/**
 * A place for a database nobody else uses: on PostgreSQL a new schema, embedded a copy of the
 * empty template folder in a private temporary folder. Not opened, not migrated.
 */
export function newTestLocation(): TestLocation {
  if (testDatabaseKind === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE=postgres needs DATABASE_URL (see scripts/with-postgres.sh).');
    const schema = `test_${randomBytes(6).toString('hex')}`;
    return {
      location: { kind: 'server', url, schema },
      remove: async () => {
        const { default: pg } = await import('pg');
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'viewer-db-test-'));
  chmodSync(dataDir, 0o700);
  const folder = join(dataDir, 'live');
  cpSync(inject('embeddedTemplate'), folder, { recursive: true });
  return {
    location: { kind: 'embedded', dataDir, folder, schema: 'viewer' },
    remove: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export type TestDatabase = Database & { remove(): Promise<void> };

/** A new, migrated database; `remove()` closes and deletes it. */
export async function openTestDatabase(
  options: { migrations?: Readonly<Record<string, Migration>> } = {},
): Promise<TestDatabase> {
  const { location, remove } = newTestLocation();
  const database = await openDatabase(location, options);
  return {
    ...database,
    remove: async () => {
      await database.close();
      await remove();
    },
  };
}

/** Names of the app's tables in the database's schema. */
export async function tablesOf(database: Database): Promise<string[]> {
  const rows = await sql<{
    name: string;
  }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ${database.location.schema} ORDER BY 1`.execute(
    database.db,
  );
  return rows.rows.map((row) => row.name);
}
