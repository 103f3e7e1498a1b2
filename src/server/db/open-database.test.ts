import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedMigrations, MIGRATIONS, migrationGap } from './migrations';
import { openDatabase } from './open-database';
import { newTestLocation, openTestDatabase, tablesOf, type TestDatabase } from './testing/test-database';

describe('opening the database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.remove());

  it('creates every table and records every bundled migration', async () => {
    expect(await tablesOf(database)).toEqual([
      'conversation_reviews',
      'kysely_migration',
      'kysely_migration_lock',
      'notes',
      'review_history',
      'reviewers',
      'verdicts',
    ]);
    const applied = await appliedMigrations(database.db, database.location.schema);
    expect(applied).toEqual(Object.keys(MIGRATIONS));
    expect(migrationGap(applied)).toBeNull();
  });

  it('reads 64-bit integers as strings and timestamps as dates, on both databases', async () => {
    const { rows } = await sql<{ big: unknown; at: unknown }>`SELECT 9007199254740993::int8 AS big, now() AS at`.execute(
      database.db,
    );
    expect(rows[0]!.big).toBe('9007199254740993');
    expect(rows[0]!.at).toBeInstanceOf(Date);
  });
});

describe('opening it again', () => {
  it('applies nothing twice and keeps what was written', async () => {
    const { location, remove } = newTestLocation();
    try {
      const first = await openDatabase(location);
      await first.db
        .insertInto('reviewers')
        .values({ id: crypto.randomUUID(), source: 'local', subject: 'kept', name: 'Kept', email: null, role: 'reviewer' })
        .execute();
      await first.close();
      const second = await openDatabase(location);
      const names = await second.db.selectFrom('reviewers').select('name').execute();
      expect(names).toEqual([{ name: 'Kept' }]);
      expect(await appliedMigrations(second.db, location.schema)).toEqual(Object.keys(MIGRATIONS));
      await second.close();
    } finally {
      await remove();
    }
  });
});

describe('migrationGap', () => {
  it('names migrations that are not applied, and ones this version does not know', () => {
    expect(migrationGap([], ['0001-a', '0002-b'])).toBe('migrations not applied: 0001-a, 0002-b');
    expect(migrationGap(['0001-a'], ['0001-a', '0002-b'])).toBe('migrations not applied: 0002-b');
    expect(migrationGap(['0001-a', '0003-c'], ['0001-a'])).toBe(
      'the database has migrations this version does not know (0003-c)',
    );
  });
});
