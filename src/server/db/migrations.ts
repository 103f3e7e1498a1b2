import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import * as reviews from './migrations/0001-reviews';

/**
 * Every migration, imported statically so that it is bundled into dist-server/ with the server
 * (files read from a folder at run time would be missing there). Names sort in the order they run;
 * a new one goes at the end.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-reviews': reviews,
};

export class MigrationFailed extends Error {
  override name = 'MigrationFailed';
}

/**
 * Applies the pending migrations in one transaction, under the advisory lock that Kysely's
 * Migrator takes on PostgreSQL, so that instances starting together apply each one once. When one
 * fails, the transaction is rolled back: the database is left as it was.
 */
export async function migrateToLatest<T>(
  db: Kysely<T>,
  schema: string,
  migrations: Readonly<Record<string, Migration>> = MIGRATIONS,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    migrationTableSchema: schema,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationFailed(
      failed
        ? `Database migration ${failed} failed: ${reason}. Nothing was changed.`
        : `The database could not be migrated: ${reason}.`,
      { cause: error },
    );
  }
  return results.map((result) => result.migrationName);
}

/** The migrations this database has applied, in order; empty when it has none. */
export async function appliedMigrations<T>(db: Kysely<T>, schema: string): Promise<string[]> {
  const table = await sql<{ exists: boolean }>`SELECT to_regclass(${`${schema}.kysely_migration`}) IS NOT NULL AS exists`.execute(
    db,
  );
  if (!table.rows[0]?.exists) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM ${sql.id(schema, 'kysely_migration')} ORDER BY name`.execute(db);
  return rows.rows.map((row) => row.name);
}

/** What is missing for this database to match the code, or null when it matches. */
export function migrationGap(applied: readonly string[], known: readonly string[] = Object.keys(MIGRATIONS)): string | null {
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0) return `the database has migrations this version does not know (${unknown.join(', ')})`;
  const pending = known.filter((name) => !applied.includes(name));
  if (pending.length > 0) return `migrations not applied: ${pending.join(', ')}`;
  return null;
}
