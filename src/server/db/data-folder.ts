import { chmodSync, mkdirSync, statSync } from 'node:fs';

export class StorageRefused extends Error {
  override name = 'StorageRefused';
}

/**
 * Makes the embedded database's data folder, readable by its owner only, or checks an existing one.
 * PGlite creates its files world-writable (0666) whatever the umask, so the folder around them is
 * what keeps other users out: one that others can enter is refused, not silently changed.
 */
export function prepareDataFolder(dataDir: string): void {
  let created: boolean;
  try {
    created = mkdirSync(dataDir, { recursive: true, mode: 0o700 }) !== undefined;
  } catch (error) {
    throw new StorageRefused(`Cannot create the data folder ${dataDir} (VIEWER_DATA_DIR): ${(error as Error).message}`);
  }
  // mkdir applies the umask; make sure of the mode of a folder made here.
  if (created) chmodSync(dataDir, 0o700);
  const stat = statSync(dataDir);
  if (!stat.isDirectory()) throw new StorageRefused(`The data folder ${dataDir} (VIEWER_DATA_DIR) is not a folder.`);
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) {
    throw new StorageRefused(
      `The data folder ${dataDir} (VIEWER_DATA_DIR) belongs to another user (uid ${stat.uid}); the server runs as uid ${uid}. Use a folder of this user's.`,
    );
  }
  const mode = stat.mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new StorageRefused(
      `The data folder ${dataDir} (VIEWER_DATA_DIR) can be read by other users (mode ${mode.toString(8).padStart(4, '0')}). ` +
        `It holds reviews and notes: make it private with "chmod 700 ${dataDir}", or choose another folder.`,
    );
  }
}
