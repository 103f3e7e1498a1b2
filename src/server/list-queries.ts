import type { Context } from 'hono';
import { BFF_ERROR_CODES } from '../api/error';
import { readListQuery, type ListQuerySpec } from '../api/list-query';

/**
 * Where a request goes upstream, or why it cannot: the problem, the parameter it is about, and the
 * code to answer with (an ID of the wrong shape keeps the invalid-ID code the fetch routes use).
 */
export type Target = { ok: true; path: string } | { ok: false; problem: string; code?: number; parameter?: string };

/**
 * A list route's target: its query checked against `spec` (src/api/list-query.ts) and rebuilt, so
 * that only what was checked goes to Twilio; anything unknown is refused, never passed on or dropped.
 */
export const listTarget =
  (spec: ListQuerySpec, path: (query: URLSearchParams) => string) =>
  (c: Context): Target => {
    const read = readListQuery(spec, new URL(c.req.url).searchParams);
    if (read.ok) return { ok: true, path: path(read.query) };
    return {
      ok: false,
      problem: read.problem,
      parameter: read.parameter,
      code: read.kind === 'id' ? BFF_ERROR_CODES.invalidId : BFF_ERROR_CODES.invalidParameter,
    };
  };
