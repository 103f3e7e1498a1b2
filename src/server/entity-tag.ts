import { createHash } from 'node:crypto';

/**
 * A strong entity tag for a body the BFF relays: a digest of the exact text it sends. Taken once
 * per upstream answer (the text is serialised once, and cached and coalesced answers share it), so
 * a re-read costs a string comparison, not a hash of a long conversation.
 */
export function entityTagOf(text: string): string {
  return `"${createHash('sha1').update(text).digest('base64url')}"`;
}

/**
 * Whether `If-None-Match` names this tag, so the client already holds the body (RFC 9110 §13.1.2:
 * weak comparison, `*` matches any current representation).
 */
export function clientHolds(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (value: string) => value.trim().replace(/^W\//, '');
  const wanted = opaque(tag);
  return ifNoneMatch.split(',').some((candidate) => opaque(candidate) === wanted);
}
