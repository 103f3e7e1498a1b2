import { chmodSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PERSONAL_TOKEN_PATTERN, tokenMatches, userIdOfToken } from './personal-tokens';
import { personWithToken, rewrite, usersFile } from './testing/users-files';
import { readUsersFile, UsersDirectory } from './users-file';

const entry = { id: 'abcdefghij12', name: 'Ana Lima', email: 'ana@example.com', role: 'reviewer', tokenHash: null };

describe('the users file', () => {
  it('lists people by ID and by e-mail, whatever its case', () => {
    const users = readUsersFile(
      usersFile({ users: [entry, { ...entry, id: 'bbbbbbbbbbbb', email: 'Bo@Example.com', name: 'Bo' }] }),
    );
    expect(users.byId.get('abcdefghij12')?.name).toBe('Ana Lima');
    expect(users.byEmail.get('bo@example.com')?.name).toBe('Bo');
  });

  it.each([
    ['not JSON', '{"users": [', /is not valid JSON/],
    ['an entry without an e-mail', { users: [{ ...entry, email: undefined }] }, /users\[0\]\.email: /],
    ['a role that is not one', { users: [{ ...entry, role: 'admin' }] }, /users\[0\]\.role: /],
    ['an unknown field', { users: [{ ...entry, token: 'cvu_plain_text' }] }, /unknown field "token"/],
    [
      'a token instead of its hash',
      { users: [{ ...entry, tokenHash: 'cvu_abcdefghij12_secret' }] },
      /must be a hash that npm run users:add printed/,
    ],
    ['one ID twice', { users: [entry, { ...entry, email: 'other@example.com' }] }, /lists the user ID abcdefghij12 twice/],
    [
      'one e-mail twice',
      { users: [entry, { ...entry, id: 'bbbbbbbbbbbb', email: 'ANA@example.com' }] },
      /lists ANA@example.com twice/,
    ],
  ])('is refused with a clear message when it has %s', (_what, contents, message) => {
    expect(() => readUsersFile(usersFile(contents))).toThrow(message);
  });

  it('is refused when other users can read or change it, or when it is not there', () => {
    const path = usersFile({ users: [entry] });
    chmodSync(path, 0o644);
    expect(() => readUsersFile(path)).toThrow(/can be read or changed by other users \(mode 0644\).*chmod 600/);
    expect(() => readUsersFile(`${path}.missing`)).toThrow(/Cannot read the users file .*ENOENT/);
  });

  it('is read again when it changes; while it is broken nobody gets in through it, and the problem is told once', () => {
    const path = usersFile({ users: [entry] });
    const problems: string[] = [];
    const directory = UsersDirectory.open(path, (problem) => problems.push(problem));
    expect(directory.now()).toMatchObject({ ok: true });
    rewrite(path, { users: [] });
    const now = directory.now();
    expect(now.ok && now.users.list).toEqual([]);
    rewrite(path, { users: 'nobody' });
    expect(directory.now()).toMatchObject({ ok: false, problem: expect.stringMatching(/users: /) });
    expect(directory.now()).toMatchObject({ ok: false });
    expect(problems).toHaveLength(1);
    rewrite(path, { users: [entry] });
    expect(directory.now()).toMatchObject({ ok: true });
  });
});

describe('personal tokens', () => {
  it('name their user, and only their hash is kept: the token matches it, nothing else does', async () => {
    const { user, token } = await personWithToken('Ana Lima');
    expect(token).toMatch(PERSONAL_TOKEN_PATTERN);
    expect(userIdOfToken(token)).toBe(user.id);
    expect(user.tokenHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(user.tokenHash).not.toContain(token.slice(17));
    expect(await tokenMatches(token, user.tokenHash!)).toBe(true);
    // One character changed, always to another one.
    const changed = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await tokenMatches(changed, user.tokenHash!)).toBe(false);
    expect(await tokenMatches(token, 'not a hash')).toBe(false);
  });
});
