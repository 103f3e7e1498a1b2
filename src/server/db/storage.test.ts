import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from './storage';
import { newTestLocation, type TestLocation } from './testing/test-database';

let place: TestLocation;
let storage: Storage;
afterEach(async () => {
  await storage.close();
  await place.remove();
});

describe('the storage a server opens in the background', () => {
  it('is not ready while it waits or opens, then ready once migrated', async () => {
    place = newTestLocation();
    let listening!: () => void;
    storage = openStorage(place.location, { after: new Promise<void>((resolve) => (listening = resolve)) });
    expect(await storage.readiness()).toEqual({ ready: false, reason: 'The database is opening.' });
    expect(storage.state().state).toBe('opening');
    listening();
    await storage.opened;
    expect(storage.state().state).toBe('ready');
    expect(await storage.readiness()).toEqual({ ready: true });
  });

  it('is not ready when a migration is missing, saying which, nor when the database cannot be reached', async () => {
    place = newTestLocation();
    storage = openStorage(place.location);
    const { db } = await storage.opened;
    await sql`DELETE FROM kysely_migration WHERE name = '0001-reviews'`.execute(db);
    expect(await storage.readiness()).toEqual({
      ready: false,
      reason: 'The database is not up to date: migrations not applied: 0001-reviews.',
    });
    await db.destroy();
    const readiness = await storage.readiness();
    expect(readiness.ready).toBe(false);
    expect(!readiness.ready && readiness.reason).toMatch(/^The database cannot be reached \(.+\)\.$/);
  });

  it("is seeded before it is ready, when asked (demo mode's example reviews)", async () => {
    place = newTestLocation();
    const seen: string[] = [];
    storage = openStorage(place.location, {
      seed: async (db) => {
        seen.push(storage.state().state);
        await sql`CREATE TABLE seeded (id integer)`.execute(db);
      },
    });
    const { db } = await storage.opened;
    expect(seen).toEqual(['opening']);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM seeded`.execute(db)).rows).toEqual([{ n: 0 }]);
  });

  it('says why it could not open', async () => {
    place = newTestLocation();
    const refusal = new Error('The data folder x can be read by other users.');
    storage = openStorage(place.location, { open: () => Promise.reject(refusal) });
    await expect(storage.opened).rejects.toBe(refusal);
    expect(await storage.readiness()).toEqual({ ready: false, reason: 'The data folder x can be read by other users.' });
  });
});
