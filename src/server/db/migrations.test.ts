import { sql, type Kysely, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { appliedMigrations, MigrationFailed, MIGRATIONS } from './migrations';
import { openDatabase } from './open-database';
import { newTestLocation, tablesOf, type TestLocation } from './testing/test-database';

/** Creates a table, then fails: the table must not survive. */
const failing: Migration = {
  up: async (db: Kysely<unknown>) => {
    await sql`CREATE TABLE half_done (id integer)`.execute(db);
    await sql`SELECT 1 / 0`.execute(db);
  },
};
const addsTable: Migration = { up: async (db: Kysely<unknown>) => void (await sql`CREATE TABLE added (id integer)`.execute(db)) };

let place: TestLocation;
afterEach(() => place.remove());

describe('a migration that fails', () => {
  it('changes nothing, not even the migrations before it in the same run, and says which one failed and why', async () => {
    place = newTestLocation();
    const opening = openDatabase(place.location, {
      migrations: { ...MIGRATIONS, '0900-adds-table': addsTable, '0901-fails': failing },
    });
    await expect(opening).rejects.toBeInstanceOf(MigrationFailed);
    await expect(opening).rejects.toThrow('Database migration 0901-fails failed: division by zero. Nothing was changed.');

    const inspect = await openDatabase(place.location, { migrations: {} });
    expect(await tablesOf(inspect)).toEqual(['kysely_migration', 'kysely_migration_lock']);
    expect(await appliedMigrations(inspect.db, place.location.schema)).toEqual([]);
    await inspect.close();
  });

  it('leaves the data and the migrations already applied as they were', async () => {
    place = newTestLocation();
    const first = await openDatabase(place.location);
    await first.db
      .insertInto('reviewers')
      .values({ id: crypto.randomUUID(), source: 'local', subject: 'ana', name: 'Ana', email: null, role: 'reviewer' })
      .execute();
    await first.close();

    await expect(
      openDatabase(place.location, { migrations: { ...MIGRATIONS, '0900-adds-table': addsTable, '0901-fails': failing } }),
    ).rejects.toThrow('0901-fails failed');

    const again = await openDatabase(place.location);
    expect(await appliedMigrations(again.db, place.location.schema)).toEqual(Object.keys(MIGRATIONS));
    expect(await tablesOf(again)).not.toContain('added');
    expect(await again.db.selectFrom('reviewers').select('name').execute()).toEqual([{ name: 'Ana' }]);
    await again.close();
  });

  it('refuses a database migrated by a newer version, naming the migration it does not know', async () => {
    place = newTestLocation();
    await (await openDatabase(place.location, { migrations: { ...MIGRATIONS, '0900-adds-table': addsTable } })).close();
    await expect(openDatabase(place.location)).rejects.toThrow(/could not be migrated: .*0900-adds-table/);
  });
});
