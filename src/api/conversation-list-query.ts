import { KNOWN_CHANNELS, KNOWN_STATUSES } from './conversation';
import {
  channelIdRule,
  enumRule,
  idRule,
  pageSizeRule,
  pageTokenRule,
  quoted,
  type ListQueryProblem,
  type ListQuerySpec,
  type ParameterRule,
} from './list-query';

/** Twilio's limit on the time between `createdAtAfter` and `createdAtBefore`. */
export const MAX_CREATED_AT_WINDOW_DAYS = 31;
const DAY_MS = 86_400_000;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 date and time with its offset, as a UTC instant in ms, or null. Stricter than
 * `Date.parse`, which takes 30 February for 2 March and a time without an offset for local time.
 */
export function parseDateTime(value: string): number | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const real =
    utc.getUTCFullYear() === year &&
    utc.getUTCMonth() === month - 1 &&
    utc.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!real) return null;
  if (m[7] === 'Z') return utc.getTime();
  const [offsetHours, offsetMinutes] = [Number(m[9]), Number(m[10])];
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000 * (m[8] === '-' ? -1 : 1);
  return utc.getTime() - offset;
}

/** The form the official library sends: UTC, whole seconds (`2026-11-01T08:00:00Z`). */
export function wireDateTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function dateTimeRule(name: string): ParameterRule {
  return {
    name,
    expects: 'an ISO 8601 date and time with its offset, such as 2026-11-01T08:00:00Z',
    read: (value) => {
      const ms = parseDateTime(value);
      return ms === null
        ? {
            ok: false,
            problem: `${name} must be an ISO 8601 date and time with its offset, such as 2026-11-01T08:00:00Z or 2026-11-01T09:00:00+01:00; ${quoted(value)} is not one.`,
          }
        : { ok: true, value: wireDateTime(ms) };
    },
  };
}

/**
 * Twilio's spec: "The maximum allowed time range between createdAtBefore and createdAtAfter is 31
 * days." It speaks of the two together, so a window is checked only when both bounds are given; one
 * bound alone is sent as it is (everything after, or everything before, that instant) and the
 * server never invents the other.
 */
function checkWindow(values: URLSearchParams): ListQueryProblem | null {
  const after = values.get('createdAtAfter');
  const before = values.get('createdAtBefore');
  if (after === null || before === null) return null;
  const span = Date.parse(before) - Date.parse(after);
  const fail = (problem: string): ListQueryProblem => ({ ok: false, kind: 'value', parameter: 'createdAtAfter', problem });
  if (span <= 0) return fail(`createdAtAfter (${after}) must be earlier than createdAtBefore (${before}).`);
  if (span > MAX_CREATED_AT_WINDOW_DAYS * DAY_MS) {
    const days = Math.round((span / DAY_MS) * 10) / 10;
    return fail(
      `createdAtAfter and createdAtBefore may be at most ${MAX_CREATED_AT_WINDOW_DAYS} days apart (Twilio's limit); these are ${days} days apart.`,
    );
  }
  return null;
}

/** `GET /v3/Conversations`, every filter the API has, in the order the official library sends them. */
export const conversationListQuery: ListQuerySpec = {
  rules: [
    pageSizeRule,
    pageTokenRule,
    dateTimeRule('createdAtBefore'),
    dateTimeRule('createdAtAfter'),
    enumRule('status', KNOWN_STATUSES),
    channelIdRule,
    enumRule('channels', KNOWN_CHANNELS, true),
    idRule('conversationConfigurationId', 'conversationConfiguration'),
    idRule('intelligenceConfigurationIds', 'intelligenceConfiguration', true),
    idRule('operatorIds', 'operator', true),
  ],
  check: checkWindow,
};
