import { sql, type Kysely } from 'kysely';
import * as z from 'zod/mini';
import { summariseIssues } from '../../api/issues';
import { appliedMigrations, MIGRATIONS } from './migrations';
import { TABLE_NAMES, type Tables } from './tables';

/**
 * A logical backup: every row of the app's tables as JSON, read in one snapshot. PostgreSQL's own
 * JSON conversion writes and reads the rows (`json_agg`, `json_populate_recordset`), so every value
 * comes back exactly (microseconds included) and the same file restores into the embedded
 * database or a server.
 */
export const BACKUP_FORMAT = 'conversation-viewer-reviews';

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  migrations: z.array(z.string()),
  tables: z.object(
    Object.fromEntries(TABLE_NAMES.map((table) => [table, z.array(z.record(z.string(), z.unknown()))])) as Record<
      (typeof TABLE_NAMES)[number],
      z.ZodMiniArray<z.ZodMiniRecord<z.ZodMiniString, z.ZodMiniUnknown>>
    >,
  ),
});

export type Backup = z.infer<typeof backupSchema>;
export type RowCounts = Record<(typeof TABLE_NAMES)[number], number>;

/** Rows in a stable order, so that two backups of the same data are the same file. */
const ORDER: Record<(typeof TABLE_NAMES)[number], string> = {
  reviewers: 'id',
  verdicts: 'id',
  notes: 'id',
  conversation_reviews: 'conversation_id',
  review_history: 'id',
};

export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

/** Reads the tables as stored (snake_case), not through the camelCase the app uses. */
const raw = (db: Kysely<Tables>) => db.withoutPlugins() as unknown as Kysely<unknown>;

export async function backup(db: Kysely<Tables>, schema: string): Promise<Backup> {
  return raw(db)
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const tables = {} as Backup['tables'];
      for (const table of TABLE_NAMES) {
        const { rows } = await sql<{ rows: Record<string, unknown>[] }>`
          SELECT coalesce(json_agg(t ORDER BY ${sql.ref(`t.${ORDER[table]}`)}), '[]'::json) AS rows FROM ${sql.table(table)} t`.execute(
          trx,
        );
        tables[table] = rows[0]!.rows;
      }
      return {
        format: BACKUP_FORMAT,
        formatVersion: 1,
        createdAt: new Date().toISOString(),
        migrations: await appliedMigrations(trx, schema),
        tables,
      };
    });
}

export function countRows(tables: Backup['tables']): RowCounts {
  return Object.fromEntries(TABLE_NAMES.map((table) => [table, tables[table].length])) as RowCounts;
}

/** Parses a backup file's content, saying what is wrong with one that is not a backup of this app. */
export function parseBackup(text: string): Backup {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RestoreRefused(`The file is not JSON: ${(error as Error).message}`);
  }
  const parsed = backupSchema.safeParse(value);
  if (!parsed.success)
    throw new RestoreRefused(`The file is not a backup of this viewer's reviews: ${summariseIssues(parsed.error.issues)}`);
  return parsed.data;
}

const CHUNK = 1000;

/**
 * Restores a backup into a migrated database that holds no reviews, in one transaction: either
 * every row is back, or nothing changed.
 */
export async function restore(db: Kysely<Tables>, backupToRestore: Backup): Promise<RowCounts> {
  const known = Object.keys(MIGRATIONS);
  const newer = backupToRestore.migrations.filter((name) => !known.includes(name));
  if (newer.length > 0) {
    throw new RestoreRefused(
      `The backup was made by a newer version of the viewer (migrations ${newer.join(', ')}); restore it with that version.`,
    );
  }
  await raw(db)
    .transaction()
    .execute(async (trx) => {
      for (const table of TABLE_NAMES) {
        const { rows } = await sql<{ present: boolean }>`SELECT EXISTS (SELECT 1 FROM ${sql.table(table)}) AS present`.execute(
          trx,
        );
        if (rows[0]!.present) {
          throw new RestoreRefused(
            `The database already holds reviews (table ${table} is not empty). Restore into an empty database: a new data folder (VIEWER_DATA_DIR) or a new database on the server.`,
          );
        }
      }
      for (const table of TABLE_NAMES) {
        const rows = backupToRestore.tables[table];
        // Only the columns the backup has: a column added since then gets its default.
        const columns = sql.join(Object.keys(rows[0] ?? {}).map((column) => sql.id(column)));
        for (let start = 0; start < rows.length; start += CHUNK) {
          const chunk = JSON.stringify(rows.slice(start, start + CHUNK));
          await sql`INSERT INTO ${sql.table(table)} (${columns})
            SELECT ${columns} FROM json_populate_recordset(NULL::${sql.table(table)}, ${chunk}::json)`.execute(trx);
        }
      }
      // History IDs were restored as they were; new ones continue after them.
      await sql`SELECT setval(pg_get_serial_sequence('review_history', 'id'), coalesce(max(id), 0) + 1, false) FROM review_history`.execute(
        trx,
      );
    });
  return countRows(backupToRestore.tables);
}
