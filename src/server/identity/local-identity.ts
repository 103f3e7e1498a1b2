import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { emailSchema, NAME_MAX, plainText, SUBJECT_MAX, type ReviewerIdentity } from '../../api/reviews';
import { prepareDataFolder, StorageRefused } from '../db/data-folder';
import { sameSecret } from './secrets';

/**
 * On loopback (one person, no sign-in), the name reviews are signed with is asked once and kept in
 * this cookie for 400 days (the most browsers keep one), signed with a secret of the server's so
 * that nothing else on the machine (another local site can set cookies for 127.0.0.1) can put a
 * name of its choosing there.
 */
export const LOCAL_NAME_COOKIE = 'viewer_reviewer';
export const LOCAL_NAME_COOKIE_DAYS = 400;

const SECRET_FILE = 'cookie-secret';

export type LocalWho = { subject: string; name: string; email: string | null };

export type LocalIdentity = {
  secret: Buffer;
  /** Demo mode: who reviews before anyone gives a name, so the demo works without setup. */
  standIn: LocalWho | null;
};

/** The demo's reviewer until a name is given. */
export const DEMO_STAND_IN: LocalWho = { subject: 'demo-visitor', name: 'Demo visitor', email: null };

/**
 * The secret that signs the name cookie: made once, kept in the data folder (readable by its owner
 * only), so names stay remembered across restarts. A second process reading it meanwhile gets the
 * same one.
 */
export function localSecret(dataDir: string): Buffer {
  prepareDataFolder(dataDir);
  const path = join(dataDir, SECRET_FILE);
  try {
    writeFileSync(path, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(path).mode & 0o077) !== 0) {
    throw new StorageRefused(`${path} can be read by other users: make it private with "chmod 600 ${path}".`);
  }
  const hex = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex))
    throw new StorageRefused(`${path} is not a secret this server made: delete it to make a new one.`);
  return Buffer.from(hex, 'hex');
}

const payloadSchema = z.strictObject({
  s: plainText(SUBJECT_MAX, 'The subject'),
  n: plainText(NAME_MAX, 'The name'),
  e: z.nullable(emailSchema),
});

const sign = (secret: Buffer, payload: string) =>
  createHmac('sha256', secret).update(`conversation-viewer name v1 ${payload}`).digest('base64url');

export function localNameCookie(secret: Buffer, who: LocalWho): string {
  const payload = Buffer.from(JSON.stringify({ s: who.subject, n: who.name, e: who.email })).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The person a name cookie names, or null for a cookie this server did not sign. */
export function readLocalNameCookie(secret: Buffer, cookie: string): LocalWho | null {
  const parts = /^([\w-]{1,3000})\.([\w-]{43})$/.exec(cookie);
  if (!parts || !sameSecret(parts[2]!, sign(secret, parts[1]!))) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')));
    return parsed.success ? { subject: parsed.data.s, name: parsed.data.n, email: parsed.data.e } : null;
  } catch {
    return null;
  }
}

export const localIdentity = (who: LocalWho): ReviewerIdentity => ({ source: 'local', ...who, role: 'reviewer' });
