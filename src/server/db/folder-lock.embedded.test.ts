import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDataFolder, StorageRefused } from './data-folder';
import { openDatabase } from './open-database';
import { runChild } from './testing/child-process';
import { newTestLocation } from './testing/test-database';

const place = newTestLocation();
afterAll(() => place.remove());
const location = place.location as Extract<typeof place.location, { kind: 'embedded' }>;

describe('one process per embedded database', () => {
  it('refuses a second process with a clear message, and takes over the lock once that process is gone', async () => {
    const holder = runChild('./hold-database.ts', location);
    const pid = Number((await holder.waitFor(/^open \d+$/)).split(' ')[1]);
    expect(readFileSync(`${location.folder}.lock`, 'utf8').trim()).toBe(String(pid));

    const refused = openDatabase(location);
    await expect(refused).rejects.toBeInstanceOf(StorageRefused);
    await expect(refused).rejects.toThrow(
      `The embedded database in ${location.folder} is in use by another process (PID ${pid}). Only one server can use a data folder`,
    );

    holder.process.kill('SIGKILL');
    await holder.exited;
    // The lock file is still there, naming a process that no longer runs.
    expect(existsSync(`${location.folder}.lock`)).toBe(true);
    const database = await openDatabase(location);
    expect(readFileSync(`${location.folder}.lock`, 'utf8').trim()).toBe(String(process.pid));
    await expect(openDatabase(location)).rejects.toThrow('is already open in this process');
    await database.close();
    expect(existsSync(`${location.folder}.lock`)).toBe(false);
  });
});

describe('the data folder', () => {
  it('is made on a first start, private, with the database in it, created and migrated', async () => {
    const dataDir = join(location.dataDir, 'first-start');
    const database = await openDatabase({ ...location, dataDir, folder: join(dataDir, 'live') });
    try {
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(existsSync(join(dataDir, 'live', 'PG_VERSION'))).toBe(true);
      expect(await database.db.selectFrom('notes').select('id').execute()).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('is made readable by its owner only', () => {
    const dataDir = join(location.dataDir, 'new', 'data');
    const umask = process.umask(0o000);
    try {
      prepareDataFolder(dataDir);
    } finally {
      process.umask(umask);
    }
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it('is refused when other users can read it, saying how to fix it', async () => {
    const dataDir = join(location.dataDir, 'shared');
    mkdirSync(dataDir, { mode: 0o755 });
    expect(() => prepareDataFolder(dataDir)).toThrow(
      `can be read by other users (mode 0755). It holds reviews and notes: make it private with "chmod 700 ${dataDir}"`,
    );
    await expect(openDatabase({ ...location, dataDir, folder: join(dataDir, 'live') })).rejects.toThrow(
      'can be read by other users',
    );
    expect(existsSync(join(dataDir, 'live'))).toBe(false);
  });

  it('keeps the database in a folder per mode, so demo and live data never mix', async () => {
    const { loadConfig } = await import('../config');
    const demo = loadConfig({ VIEWER_DATA_DIR: location.dataDir }).storage;
    const live = loadConfig({
      VIEWER_DATA_DIR: location.dataDir,
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'token',
    }).storage;
    expect(demo).toEqual({
      kind: 'embedded',
      dataDir: location.dataDir,
      folder: join(location.dataDir, 'demo'),
      schema: 'viewer_demo',
    });
    expect(live).toEqual({
      kind: 'embedded',
      dataDir: location.dataDir,
      folder: join(location.dataDir, 'live'),
      schema: 'viewer',
    });
  });
});
