import { sql, type Kysely, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { appliedMigrations, MIGRATIONS } from './migrations';
import { openDatabase, type Database } from './open-database';
import { createNote, noteById, updateNote } from './reviews/notes';
import { addReviewer, aNote, written } from './testing/review-fixtures';
import { newTestLocation, tablesOf, type TestLocation } from './testing/test-database';

let place: TestLocation;
const opened: Database[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((database) => database.close()));
  await place.remove();
});

async function instance(migrations?: Readonly<Record<string, Migration>>): Promise<Database> {
  const database = await openDatabase(place.location, { migrations });
  opened.push(database);
  return database;
}

describe('two server instances on one PostgreSQL database', () => {
  it('migrate together without racing: each migration runs once', async () => {
    place = newTestLocation();
    let runs = 0;
    // Slow enough that, without the advisory lock, both would be creating the same tables at once.
    const slow: Migration = {
      up: async (db: Kysely<unknown>) => {
        runs++;
        await sql`CREATE TABLE slow_one (id integer)`.execute(db);
        await sql`SELECT pg_sleep(0.5)`.execute(db);
      },
    };
    const migrations = { ...MIGRATIONS, '0900-slow': slow };
    const [a, b] = await Promise.all([instance(migrations), instance(migrations)]);
    expect(runs).toBe(1);
    expect(await appliedMigrations(a.db, place.location.schema)).toEqual(Object.keys(migrations));
    expect(await tablesOf(b)).toContain('slow_one');
  });

  it('read what the other wrote, and of two concurrent edits of one note one succeeds and one conflicts', async () => {
    place = newTestLocation();
    const a = await instance();
    const b = await instance();
    const ana = await addReviewer(a.db, { name: 'Ana' });
    const note = written(await createNote(a.db, ana.id, aNote({ text: 'Written through A.' })));
    expect((await noteById(b.db, note.id))?.text).toBe('Written through A.');

    const outcomes = await Promise.all([
      updateNote(a.db, ana.id, note.id, 1, { text: 'Edited through A.' }),
      updateNote(b.db, ana.id, note.id, 1, { text: 'Edited through B.' }),
    ]);
    const succeeded = outcomes.filter((o) => o.ok);
    expect(succeeded).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toMatchObject({
      ok: false,
      problem: 'conflict',
      current: { version: 2, changedBy: { id: ana.id } },
    });
    const kept = (await noteById(a.db, note.id))!;
    expect(kept.version).toBe(2);
    expect(kept.text).toBe(succeeded[0]!.ok && succeeded[0]!.record.text);
    expect(await noteById(b.db, note.id)).toEqual(kept);
  });

  it('cannot reach a server: says where it looked, never the password', async () => {
    place = newTestLocation();
    const location = { kind: 'server' as const, url: 'postgres://someone:s3cret-pw@127.0.0.1:1/nowhere', schema: 'viewer' };
    const error = await openDatabase(location).then(
      () => new Error('opened'),
      (reason: Error) => reason,
    );
    expect(error.message).toMatch(
      /^Cannot reach the PostgreSQL server at 127\.0\.0\.1:1\/nowhere \(DATABASE_URL\): .*ECONNREFUSED/,
    );
    expect(error.message).not.toContain('s3cret-pw');
  });
});
