import type { StorageLocation } from '../config';
import { appliedMigrations, migrationGap } from './migrations';
import { describeServer, openDatabase, type Database } from './open-database';

export type StorageState = { state: 'opening' } | { state: 'ready'; database: Database } | { state: 'failed'; reason: string };

export type Readiness = { ready: true } | { ready: false; reason: string };

/**
 * The server's database, opened in the background: the read-only pages do not need it, so the
 * server listens at once and `GET /api/ready` says when reviews can be written.
 */
export type Storage = {
  state(): StorageState;
  /** Resolves once open and migrated; rejects with the reason it could not be. */
  opened: Promise<Database>;
  readiness(): Promise<Readiness>;
  close(): Promise<void>;
};

/** Where the database is, for a log line: never a password. */
export function describeLocation(location: StorageLocation): string {
  return location.kind === 'embedded'
    ? `embedded database in ${location.folder}`
    : `PostgreSQL at ${describeServer(location.url)}, schema ${location.schema}`;
}

const READY_CHECK_MS = 3_000;

export type StorageOptions = {
  /** Opening starts once this settles (the server listening), so that pages are served first. */
  after?: Promise<unknown>;
  open?: (location: StorageLocation) => Promise<Database>;
  /** Run once the database is open and migrated, before it is ready (demo mode's example reviews). */
  seed?: (db: Database['db']) => Promise<void>;
};

export function openStorage(
  location: StorageLocation,
  { after = Promise.resolve(), open = (where) => openDatabase(where), seed }: StorageOptions = {},
): Storage {
  let current: StorageState = { state: 'opening' };
  const openAndSeed = async () => {
    const database = await open(location);
    try {
      await seed?.(database.db);
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  };
  const opened = after.then(openAndSeed).then(
    (database) => {
      current = { state: 'ready', database };
      return database;
    },
    (error: unknown) => {
      current = { state: 'failed', reason: error instanceof Error ? error.message : String(error) };
      throw error;
    },
  );
  // Whoever awaits `opened` hears of a failure; this only keeps it from being "unhandled".
  opened.catch(() => {});

  return {
    state: () => current,
    opened,
    readiness: async () => {
      if (current.state === 'opening') return { ready: false, reason: 'The database is opening.' };
      if (current.state === 'failed') return { ready: false, reason: current.reason };
      const { db } = current.database;
      let timer: NodeJS.Timeout | undefined;
      try {
        const applied = await Promise.race([
          appliedMigrations(db, location.schema),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer in ${READY_CHECK_MS / 1000} s`)), READY_CHECK_MS);
          }),
        ]);
        const gap = migrationGap(applied);
        return gap === null ? { ready: true } : { ready: false, reason: `The database is not up to date: ${gap}.` };
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        return {
          ready: false,
          reason: `The database cannot be reached (${typeof code === 'string' ? code : (error as Error).message}).`,
        };
      } finally {
        clearTimeout(timer);
      }
    },
    close: async () => {
      const database = await opened.catch(() => null);
      await database?.close();
    },
  };
}
