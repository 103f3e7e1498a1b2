import { HttpResponse } from 'msw';
import { twilioError } from './twilio-http';

/**
 * Token pagination as Twilio's v3 lists answer it (reference §3): `meta.pageSize` is the number of
 * items returned, `nextToken` / `previousToken` are opaque, null at either end. A token records the
 * position and a fingerprint of the query it was issued for (its filters, not its page size), and is
 * refused with any other filters: Twilio binds a token to its query, and a client that changes a
 * filter must start again from the first page.
 */

export const DEFAULT_PAGE_SIZE = 50;
const badRequest = (message: string) => twilioError(400, 20001, message);

/** FNV-1a over the list's path and its filters, in a fixed order. */
function fingerprint(list: string, query: URLSearchParams): string {
  const filters = [...query]
    .filter(([key]) => key !== 'pageToken' && key !== 'pageSize')
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  let hash = 0x811c9dc5;
  for (const ch of JSON.stringify([list, filters])) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

const encode = (offset: number, bound: string) => Buffer.from(JSON.stringify({ o: offset, q: bound })).toString('base64url');

function decode(token: string): { o: number; q: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const { o, q } = value as { o?: unknown; q?: unknown };
    return typeof o === 'number' && Number.isInteger(o) && o >= 0 && typeof q === 'string' ? { o, q } : null;
  } catch {
    return null;
  }
}

/** Reads `pageSize` and `pageToken` for `list`: the window to answer, or Twilio's 400. */
export function pageWindow(list: string, query: URLSearchParams): { offset: number; size: number; bound: string } | Response {
  const size = Number(query.get('pageSize') ?? DEFAULT_PAGE_SIZE);
  if (!Number.isInteger(size) || size < 1 || size > 1000) return badRequest('pageSize must be between 1 and 1000');
  const bound = fingerprint(list, query);
  const token = query.get('pageToken');
  if (token === null) return { offset: 0, size, bound };
  const decoded = decode(token);
  if (!decoded) return badRequest('Invalid pageToken');
  if (decoded.q !== bound) {
    return badRequest('The pageToken was issued for a different query: repeat the request with the same filters, or start over.');
  }
  return { offset: decoded.o, size, bound };
}

/** One page of `items` (already filtered and ordered) for `list`, as Twilio answers it. */
export function tokenPage<T>(list: string, query: URLSearchParams, items: readonly T[]): Response {
  const window = pageWindow(list, query);
  if (window instanceof Response) return window;
  const { offset, size, bound } = window;
  const page = items.slice(offset, offset + size);
  return HttpResponse.json({
    items: page,
    meta: {
      key: 'items',
      pageSize: page.length,
      nextToken: offset + size < items.length ? encode(offset + size, bound) : null,
      previousToken: offset > 0 ? encode(Math.max(0, offset - size), bound) : null,
    },
  });
}
