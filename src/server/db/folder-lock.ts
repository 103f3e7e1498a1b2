import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { StorageRefused } from './data-folder';

export type FolderLock = { path: string; release(): void };

/** Lock files this process holds, so that it also refuses itself a second open of one folder. */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(path: string): number | null {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes `<folder>.lock`, a file holding this process's ID, created only if it does not exist. PGlite
 * lets a second process open a folder that is in use, and two processes writing to one folder
 * corrupt it; this is what stops them. A lock left by a process that no longer runs (killed, or
 * a machine restart) is taken over. Holds within one machine and one PID namespace.
 */
export function lockFolder(folder: string): FolderLock {
  const path = `${folder}.lock`;
  if (held.has(path)) throw new StorageRefused(`The embedded database in ${folder} is already open in this process.`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      held.add(path);
      const release = () => {
        if (!held.delete(path)) return;
        if (ownerOf(path) === process.pid) rmSync(path, { force: true });
        process.off('exit', release);
      };
      // A normal exit leaves no lock behind; after a crash the next start finds it stale.
      process.on('exit', release);
      return { path, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StorageRefused(`Cannot create the lock file ${path}: ${(error as Error).message}`);
      }
      const owner = ownerOf(path);
      // Our own ID in a lock we do not hold: a previous run that had the same ID (a container's PID 1).
      if (owner !== null && owner !== process.pid && alive(owner)) {
        throw new StorageRefused(
          `The embedded database in ${folder} is in use by another process (PID ${owner}). ` +
            'Only one server can use a data folder: stop the other one, set VIEWER_DATA_DIR to another folder, ' +
            `or use a PostgreSQL server (DATABASE_URL) to run several. If no such process is running, delete ${path}.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new StorageRefused(`Another process took the lock ${path} at the same moment; try again.`);
}
