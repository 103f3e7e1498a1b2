import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { CamelCasePlugin, Kysely, PostgresDialect, sql, type Migration } from 'kysely';
import { existsSync } from 'node:fs';
import pg from 'pg';
import type { StorageLocation } from '../config';
import { prepareDataFolder, StorageRefused } from './data-folder';
import { lockFolder } from './folder-lock';
import { migrateToLatest } from './migrations';
import { createEmbeddedFolder } from './new-folder';
import type { Tables } from './tables';

export type Database = {
  db: Kysely<Tables>;
  location: StorageLocation;
  /** Closes the pool, and for the embedded database PGlite and its lock. */
  close(): Promise<void>;
};

export type OpenOptions = {
  /** Replaces the bundled migrations (tests). */
  migrations?: Readonly<Record<string, Migration>>;
  /** Connections to a PostgreSQL server (default 10). */
  poolSize?: number;
  /** Told about a pooled connection that failed while idle (the server restarted, the network broke). */
  onPoolError?: (error: Error) => void;
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function kyselyOver(pool: pg.Pool): Kysely<Tables> {
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

async function openEmbedded(location: Extract<StorageLocation, { kind: 'embedded' }>) {
  prepareDataFolder(location.dataDir);
  const lock = lockFolder(location.folder);
  let pglite: PGlite | undefined;
  try {
    if (!existsSync(location.folder)) await createEmbeddedFolder(location.folder);
    pglite = await PGlite.create(location.folder);
    // One session only, so a session setting holds for every query.
    await pglite.exec(`SET search_path TO ${location.schema}`);
  } catch (error) {
    await pglite?.close().catch(() => {});
    lock.release();
    throw new StorageRefused(
      `Cannot open the embedded database in ${location.folder}: ${(error as Error).message}. ` +
        'If another version of this viewer created it, use that version or move the folder away.',
      { cause: error },
    );
  }
  // One PGlite, one connection: a second pool or connection on it hangs (see docs/decisions/0011-storage.md).
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 });
  const db = kyselyOver(pool);
  const close = async () => {
    await db.destroy();
    await pglite.close();
    lock.release();
  };
  return { db, close };
}

function openServer(location: Extract<StorageLocation, { kind: 'server' }>, options: OpenOptions) {
  const pool = new pg.Pool({
    connectionString: location.url,
    options: `-c search_path=${location.schema}`,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
  });
  // Without a listener, an idle connection's error (a server restart) would end the process.
  pool.on('error', (error) => options.onPoolError?.(error));
  const db = kyselyOver(pool);
  return { db, close: () => db.destroy() };
}

/**
 * Opens the database `location` names and brings its schema up to date. The embedded database
 * refuses a folder that another process uses or that other users can read.
 */
export async function openDatabase(location: StorageLocation, options: OpenOptions = {}): Promise<Database> {
  if (!SCHEMA_NAME.test(location.schema)) throw new StorageRefused(`"${location.schema}" is not a schema name this server uses.`);
  const { db, close } = location.kind === 'embedded' ? await openEmbedded(location) : openServer(location, options);
  try {
    if (location.kind === 'server') await reach(db, location.url);
    await migrateToLatest(db, location.schema, options.migrations);
  } catch (error) {
    await close();
    throw error;
  }
  return { db, location, close };
}

/** A server that cannot be reached is said so, naming where it was looked for but never the password. */
async function reach(db: Kysely<Tables>, url: string): Promise<void> {
  try {
    await sql`SELECT 1`.execute(db);
  } catch (error) {
    throw new StorageRefused(
      `Cannot reach the PostgreSQL server at ${describeServer(url)} (DATABASE_URL): ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

/** `host:port/database`, without the user name and password. */
export function describeServer(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}
