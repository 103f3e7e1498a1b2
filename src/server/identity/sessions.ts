import { createHmac } from 'node:crypto';
import { sameSecret } from './secrets';

export const SESSION_COOKIE = 'viewer_session';
export const SESSION_HOURS = 12;
/** How far ahead of the server's clock an issue time may be (clocks of a server's replicas differ a little). */
const CLOCK_SKEW_SECONDS = 60;

const teamSignature = (token: string, issuedAtSeconds: number) =>
  createHmac('sha256', token).update(`conversation-viewer session v2 ${issuedAtSeconds}`).digest('base64url');

const userSignature = (tokenHash: string, issuedAtSeconds: number, userId: string) =>
  createHmac('sha256', tokenHash).update(`conversation-viewer user session v1 ${issuedAtSeconds} ${userId}`).digest('base64url');

/**
 * A session of the team's shared token: when it was issued, signed with the token
 * (`<issued at, Unix seconds>.<HMAC>`). It holds nothing of the token itself; a new token makes
 * every signature wrong, so rotating the token ends every session.
 */
export function sessionValue(token: string, issuedAtSeconds: number): string {
  return `${issuedAtSeconds}.${teamSignature(token, issuedAtSeconds)}`;
}

/**
 * A person's session: `<issued at>.<user id>.<HMAC>`, signed with the hash of their token as the
 * users file holds it. A new token for them, or their removal from the file, ends it.
 */
export function userSessionValue(userId: string, tokenHash: string, issuedAtSeconds: number): string {
  return `${issuedAtSeconds}.${userId}.${userSignature(tokenHash, issuedAtSeconds, userId)}`;
}

/**
 * A session ends SESSION_HOURS after it was issued, here on the server: the cookie's Max-Age only
 * asks the browser to drop it, and a copied cookie would not. One issued later than now (beyond a
 * little clock skew) is refused too.
 */
function current(issuedAt: number, nowMs: number): boolean {
  const age = nowMs / 1000 - issuedAt;
  return age <= SESSION_HOURS * 3600 && age >= -CLOCK_SKEW_SECONDS;
}

/** Whether a cookie is a session this token signed that has not ended. */
export function validSession(cookie: string, token: string, nowMs: number): boolean {
  const parts = /^(\d{1,12})\.([\w-]{43})$/.exec(cookie);
  if (!parts) return false;
  const issuedAt = Number(parts[1]);
  return current(issuedAt, nowMs) && sameSecret(parts[2]!, teamSignature(token, issuedAt));
}

/** The user a personal session claims to be, before its signature is checked. */
export function userSessionClaim(cookie: string): { issuedAt: number; userId: string; signature: string } | null {
  const parts = /^(\d{1,12})\.([a-z0-9]{12})\.([\w-]{43})$/.exec(cookie);
  return parts ? { issuedAt: Number(parts[1]), userId: parts[2]!, signature: parts[3]! } : null;
}

/** Whether a personal session was signed with this token hash and has not ended. */
export function validUserSession(cookie: string, tokenHash: string, nowMs: number): boolean {
  const claim = userSessionClaim(cookie);
  return (
    claim !== null &&
    current(claim.issuedAt, nowMs) &&
    sameSecret(claim.signature, userSignature(tokenHash, claim.issuedAt, claim.userId))
  );
}
