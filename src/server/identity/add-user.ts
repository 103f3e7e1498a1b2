import { existsSync, renameSync, writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { summariseIssues } from '../../api/issues';
import { emailSchema, NAME_MAX, plainText, REVIEWER_ROLES } from '../../api/reviews';
import { hashToken, newPersonalToken, newUserId } from './personal-tokens';
import { parseUsers, readUsersFile, UsersFileError, type User } from './users-file';

export const newUserSchema = z.strictObject({
  name: plainText(NAME_MAX, 'The name'),
  email: emailSchema,
  role: z.enum(REVIEWER_ROLES),
});

export type UserChange = z.infer<typeof newUserSchema> & {
  /** `new`: a new person with a token; `renew`: a new token for someone listed; `none`: a new person who comes through a proxy. */
  token: 'new' | 'renew' | 'none';
};

/**
 * Adds a person to the users file (made, private, when it does not exist), or gives someone
 * already in it a new token (which ends their sessions). Returns the token, which is kept nowhere but in the answer: only its
 * hash goes in the file. The file is replaced at once, never left half-written.
 */
export async function addUser(path: string, input: unknown): Promise<{ user: User; token: string | null }> {
  const { token: wantsToken, ...fields } = input as UserChange;
  const parsed = newUserSchema.safeParse(fields);
  if (!parsed.success) throw new UsersFileError(summariseIssues(parsed.error.issues, 5));
  if (!['new', 'renew', 'none'].includes(wantsToken)) throw new UsersFileError('Say whether the user gets a token.');
  const users = existsSync(path) ? readUsersFile(path).list : [];
  const email = parsed.data.email.toLowerCase();
  const listed = users.find((user) => user.email.toLowerCase() === email);
  if (listed && wantsToken !== 'renew') {
    throw new UsersFileError(
      `${listed.email} is already in ${path}: --new-token gives them a new token; edit the file to change anything else.`,
    );
  }
  if (!listed && wantsToken === 'renew') throw new UsersFileError(`${parsed.data.email} is not in ${path} yet.`);
  const id = listed?.id ?? newUserId();
  const token = wantsToken === 'none' ? null : newPersonalToken(id);
  const user: User = { id, ...parsed.data, tokenHash: token ? await hashToken(token) : null };
  const next = listed ? users.map((other) => (other === listed ? user : other)) : [...users, user];
  const text = `${JSON.stringify({ users: next }, null, 2)}\n`;
  // What is written must be what the server reads.
  parseUsers(path, text);
  writeFileSync(`${path}.partial`, text, { mode: 0o600 });
  renameSync(`${path}.partial`, path);
  return { user, token };
}
