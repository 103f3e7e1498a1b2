import { chmodSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { ReviewerRole } from '../../../api/reviews';
import { hashToken, newPersonalToken, newUserId } from '../personal-tokens';
import type { User } from '../users-file';

const folder = mkdtempSync(join(tmpdir(), 'viewer-users-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;

/** A users file of the test's own, private to this user, with these contents (JSON when not a string). */
export function usersFile(contents: unknown): string {
  const path = join(folder, `users-${++files}.json`);
  writeFileSync(path, typeof contents === 'string' ? contents : JSON.stringify(contents), { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

/** Replaces the file's contents at once (a new file renamed over it, as editors and users:add do). */
export function rewrite(path: string, contents: unknown): void {
  const next = `${path}.next`;
  writeFileSync(next, JSON.stringify(contents), { mode: 0o600 });
  renameSync(next, path);
}

/** A user with a token of their own: the entry for the file, and the token they were given. */
export async function personWithToken(name: string, role: ReviewerRole = 'reviewer'): Promise<{ user: User; token: string }> {
  const id = newUserId();
  const token = newPersonalToken(id);
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`;
  return { user: { id, name, email, role, tokenHash: await hashToken(token) }, token };
}
