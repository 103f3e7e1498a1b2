import type { Context, MiddlewareHandler } from 'hono';
import { BFF_ERROR_CODES, errorBody } from '../api/error';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a request comes from this site's own pages. Browsers send `Sec-Fetch-Site` on every
 * request, whatever the referrer policy, so it decides when present. `Origin` is only a fallback
 * for older browsers: our `Referrer-Policy: no-referrer` makes browsers send `Origin: null` on
 * form posts, which proves nothing. A request with neither is not a browser's form or `fetch`
 * from a page of ours, so it does not count as one.
 */
export function fromThisSite(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return false;
  try {
    return new URL(origin).host === c.req.header('host');
  } catch {
    return false;
  }
}

/**
 * Refuses every request that could change something (POST, PUT, PATCH, DELETE) unless it comes
 * from this site's own pages: another site cannot make a signed-in browser act for it (sign out,
 * sign in with a token of its choosing, or any write route added later), nor reach a loopback
 * server that has no token. Installed once, before every route, so a new route is covered
 * without asking. API paths answer in the v3 error shape; others in plain text.
 */
export const sameOriginWrites: MiddlewareHandler = async (c, next) => {
  if (!WRITES.has(c.req.method) || fromThisSite(c)) return next();
  const problem =
    'Refused: a request that changes something must come from this viewer’s own pages. Open the viewer and try again.';
  if (c.req.path.startsWith('/api/')) {
    c.header('Cache-Control', 'no-store');
    return c.json(errorBody(BFF_ERROR_CODES.crossSiteWrite, 403, problem, true), 403);
  }
  return c.text(problem, 403);
};
