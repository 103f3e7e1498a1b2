import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import pLimit from 'p-limit';

/**
 * A person's own access token: `cvu_<user id>_<secret>`. The user ID lets the server find the one
 * hash to check (a slow hash per user would make every sign-in try them all); the secret is 32
 * random bytes. Only the hash is kept, in the users file.
 */
export const PERSONAL_TOKEN_PATTERN = /^cvu_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
export const USER_ID_PATTERN = /^[a-z0-9]{12}$/;

/** `scrypt$N$r$p$<salt>$<hash>`, base64url; the parameters are kept so that they can change later. */
export const TOKEN_HASH_PATTERN = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]{22,})\$([A-Za-z0-9_-]{43})$/;

/** 16 MiB and about 50 ms a hash on this project's machines: slow for a guesser, fine for a sign-in. */
const COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newUserId(): string {
  // 36 does not divide 256: draw bytes below 252 (7 × 36) so every character is equally likely.
  let id = '';
  while (id.length < 12) {
    for (const byte of randomBytes(16)) if (byte < 252 && id.length < 12) id += ALPHABET[byte % 36];
  }
  return id;
}

export function newPersonalToken(userId: string): string {
  return `cvu_${userId}_${randomBytes(32).toString('base64url')}`;
}

/** The user a token claims to be, when it has the shape of a personal token. */
export function userIdOfToken(token: string): string | null {
  return PERSONAL_TOKEN_PATTERN.exec(token)?.[1] ?? null;
}

function derive(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEY_BYTES, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashToken(token: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(token, salt, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

// Each check takes 16 MiB and a thread of libuv's pool for ~50 ms: a flood of wrong tokens must not
// take all four threads (file and DNS work share them) or hundreds of megabytes.
const checking = pLimit(2);

export function tokenMatches(token: string, hash: string): Promise<boolean> {
  const parts = TOKEN_HASH_PATTERN.exec(hash);
  if (!parts) return Promise.resolve(false);
  const [, N, r, p, salt, expected] = parts;
  return checking(async () => {
    const key = await derive(token, Buffer.from(salt!, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) });
    return timingSafeEqual(key, Buffer.from(expected!, 'base64url'));
  });
}
