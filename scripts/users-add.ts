/**
 * `npm run users:add -- --name "Ana Lima" --email ana@example.com --role reviewer`: adds a person to
 * the users file (VIEWER_USERS_FILE, from .env or the environment, or --file) and prints their new
 * access token, once: only its hash is kept. `--new-token` gives someone already listed a new one
 * (their sessions end); `--no-token` adds someone who comes through a sign-in proxy.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readEnv } from '../src/server/config';
import { addUser } from '../src/server/identity/add-user';

const USAGE =
  'Usage: npm run users:add -- --name "Ana Lima" --email ana@example.com --role reviewer|viewer [--new-token | --no-token] [--file users.json]\n';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        name: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string' },
        file: { type: 'string' },
        'new-token': { type: 'boolean', default: false },
        'no-token': { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const file = values.file ?? readEnv().VIEWER_USERS_FILE;
  if (!file || !values.name || !values.email || !values.role || (values['new-token'] && values['no-token'])) {
    process.stderr.write(`${file ? '' : 'Say which users file: --file, or VIEWER_USERS_FILE in .env.\n'}${USAGE}`);
    return 2;
  }
  const path = resolve(file);
  const renew = values['new-token'];
  const { user, token } = await addUser(path, {
    name: values.name,
    email: values.email,
    role: values.role,
    token: values['no-token'] ? 'none' : renew ? 'renew' : 'new',
  });
  process.stdout.write(
    renew
      ? `${user.name} <${user.email}> (${user.role}) has a new token in ${path}; their sessions have ended.\n`
      : `Added ${user.name} <${user.email}> (${user.role}) to ${path}.\n`,
  );
  if (token) {
    process.stdout.write(
      `Their access token, shown only this once (send it to them privately; they sign in with it):\n\n  ${token}\n\n`,
    );
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
