import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { addUser } from './add-user';
import { tokenMatches } from './personal-tokens';
import { usersFile } from './testing/users-files';
import { readUsersFile } from './users-file';

const run = promisify(execFile);
const ana = { name: 'Ana Lima', email: 'ana@example.com', role: 'reviewer' };

// The command-line case starts Node with a TypeScript loader: seconds on a busy machine.
describe('adding a user', { timeout: 30_000 }, () => {
  it('makes the file, private, and keeps only the hash of the token it returns', async () => {
    const path = `${usersFile({ users: [] })}.new.json`;
    const { user, token } = await addUser(path, { ...ana, token: 'new' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).not.toContain(token!.slice(17));
    const listed = readUsersFile(path).byEmail.get('ana@example.com')!;
    expect(listed).toEqual(user);
    expect(await tokenMatches(token!, listed.tokenHash!)).toBe(true);
  });

  it('gives someone listed a new token only when asked, and adds people for the proxy without one', async () => {
    const path = usersFile({ users: [] });
    const first = await addUser(path, { ...ana, token: 'new' });
    await expect(addUser(path, { ...ana, email: 'ANA@example.com', token: 'new' })).rejects.toThrow(/already in .*--new-token/);
    const renewed = await addUser(path, { ...ana, role: 'viewer', token: 'renew' });
    expect(renewed.user.id).toBe(first.user.id);
    expect(await tokenMatches(first.token!, renewed.user.tokenHash!)).toBe(false);
    await addUser(path, { name: 'Bo', email: 'bo@example.com', role: 'viewer', token: 'none' });
    expect(readUsersFile(path).list.map((u) => [u.email, u.role, u.tokenHash === null])).toEqual([
      ['ana@example.com', 'viewer', false],
      ['bo@example.com', 'viewer', true],
    ]);
    await expect(addUser(path, { ...ana, email: 'cy@example', token: 'new' })).rejects.toThrow(
      /email: must be an e-mail address/,
    );
  });

  it('npm run users:add prints the token once and says how to use it', async () => {
    const path = `${usersFile({ users: [] })}.cli.json`;
    const script = join(import.meta.dirname, '../../../scripts/users-add.ts');
    const { stdout } = await run(process.execPath, [
      '--import',
      'tsx',
      script,
      '--name',
      'Ana Lima',
      '--email',
      'ana@example.com',
      '--role',
      'reviewer',
      '--file',
      path,
    ]);
    const token = /^ {2}(cvu_\S+)$/m.exec(stdout)![1]!;
    expect(stdout).toContain(`Added Ana Lima <ana@example.com> (reviewer) to ${path}.`);
    expect(await tokenMatches(token, readUsersFile(path).list[0]!.tokenHash!)).toBe(true);
    const refused = await run(process.execPath, ['--import', 'tsx', script, '--name', 'Ana', '--file', path]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: npm run users:add') });
  });
});
