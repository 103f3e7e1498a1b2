import { readFileSync, statSync, type Stats } from 'node:fs';
import * as z from 'zod/mini';
import { summariseIssues } from '../../api/issues';
import { emailSchema, NAME_MAX, plainText, REVIEWER_ROLES } from '../../api/reviews';
import { TOKEN_HASH_PATTERN, USER_ID_PATTERN } from './personal-tokens';

/**
 * The users file (`VIEWER_USERS_FILE`): the people of a team, each with a role and, to sign in
 * with a token of their own, that token's hash. `npm run users:add` writes it. People behind an
 * authenticating proxy are looked up in it by e-mail and need no token.
 */
const userSchema = z.strictObject({
  id: z.string().check(z.regex(USER_ID_PATTERN, 'must be 12 lower-case letters and digits (npm run users:add makes one)')),
  name: plainText(NAME_MAX, 'The name'),
  email: emailSchema,
  role: z.enum(REVIEWER_ROLES),
  tokenHash: z._default(
    z.nullable(z.string().check(z.regex(TOKEN_HASH_PATTERN, 'must be a hash that npm run users:add printed, or null'))),
    null,
  ),
});

export const usersFileSchema = z.strictObject({ users: z.array(userSchema) });

export type User = z.infer<typeof userSchema>;
export type UsersFile = z.infer<typeof usersFileSchema>;

export type Users = {
  list: readonly User[];
  byId: ReadonlyMap<string, User>;
  /** By e-mail in lower case: addresses are compared without case, as mail systems do. */
  byEmail: ReadonlyMap<string, User>;
};

export class UsersFileError extends Error {
  override name = 'UsersFileError';
}

/** Holds secrets (a session is signed with its user's token hash), so nobody else may read or change it. */
function checkMode(path: string, stat: Stats): void {
  const mode = stat.mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new UsersFileError(
      `The users file ${path} (VIEWER_USERS_FILE) can be read or changed by other users (mode ${mode.toString(8).padStart(4, '0')}). ` +
        `It holds the hashes that sign people's sessions: make it private with "chmod 600 ${path}".`,
    );
  }
}

export function parseUsers(path: string, text: string): Users {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsersFileError(`The users file ${path} (VIEWER_USERS_FILE) is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = usersFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new UsersFileError(
      `The users file ${path} (VIEWER_USERS_FILE) is not valid: ${summariseIssues(parsed.error.issues, 5)}`,
    );
  }
  const byId = new Map<string, User>();
  const byEmail = new Map<string, User>();
  for (const user of parsed.data.users) {
    if (byId.has(user.id)) throw new UsersFileError(`The users file ${path} lists the user ID ${user.id} twice.`);
    const email = user.email.toLowerCase();
    if (byEmail.has(email)) throw new UsersFileError(`The users file ${path} lists ${user.email} twice.`);
    byId.set(user.id, user);
    byEmail.set(email, user);
  }
  return { list: parsed.data.users, byId, byEmail };
}

export function readUsersFile(path: string): Users {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (error) {
    throw new UsersFileError(`Cannot read the users file ${path} (VIEWER_USERS_FILE): ${(error as Error).message}`);
  }
  checkMode(path, stat);
  return parseUsers(path, readFileSync(path, 'utf8'));
}

export type UsersNow = { ok: true; users: Users } | { ok: false; problem: string };

/**
 * The users file as it is now: looked at (a `stat`) on every request and read again when it
 * changed, so that someone removed from it loses access at their next request. A file that has
 * become unreadable or invalid lets nobody in through it (and says why) until it is fixed.
 */
export class UsersDirectory {
  private signature: string;
  private state: UsersNow;

  private constructor(
    readonly path: string,
    users: Users,
    signature: string,
    private readonly onProblem: (problem: string) => void,
  ) {
    this.state = { ok: true, users };
    this.signature = signature;
  }

  /** Reads and checks the file; throws a UsersFileError that says what is wrong. */
  static open(path: string, onProblem: (problem: string) => void = () => {}): UsersDirectory {
    const users = readUsersFile(path);
    return new UsersDirectory(path, users, signatureOf(path), onProblem);
  }

  now(): UsersNow {
    const signature = signatureOf(this.path);
    if (signature === this.signature) return this.state;
    this.signature = signature;
    try {
      this.state = { ok: true, users: readUsersFile(this.path) };
    } catch (error) {
      this.state = { ok: false, problem: (error as Error).message };
      this.onProblem(this.state.problem);
    }
    return this.state;
  }

  /** Whether anyone can sign in with a token of their own (else only the proxy lets people in). */
  hasTokens(): boolean {
    const now = this.now();
    return now.ok && now.users.list.some((user) => user.tokenHash !== null);
  }
}

function signatureOf(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.mode}`;
  } catch {
    return 'missing';
  }
}
