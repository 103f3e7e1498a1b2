import { checkChannelId } from './channel-ids';
import { KNOWN_CHANNELS, KNOWN_STATUSES } from './conversation';
import { conversationListQuery, MAX_CREATED_AT_WINDOW_DAYS, parseDateTime, wireDateTime } from './conversation-list-query';
import { checkId } from './ids';
import { oneOf, quoted, readListQuery } from './list-query';
import { apiPaths } from './paths';

/**
 * The inbox's filters as its URL holds them (docs/decisions/0017-the-inbox.md): a triage view is a
 * link. The names are the page's own (`channel`, `window`, `configuration`); what goes to Twilio is
 * built from them by `listQuery` and checked by the same rules the server applies.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const WINDOW_PRESETS = {
  '24h': { label: 'Last 24 hours', ms: DAY_MS },
  '7d': { label: 'Last 7 days', ms: 7 * DAY_MS },
  '31d': { label: `Last ${MAX_CREATED_AT_WINDOW_DAYS} days`, ms: MAX_CREATED_AT_WINDOW_DAYS * DAY_MS },
} as const;
export type WindowPreset = keyof typeof WINDOW_PRESETS;
const isPreset = (value: string): value is WindowPreset => Object.hasOwn(WINDOW_PRESETS, value);

export type InboxFilters = {
  status: string | null;
  /** Any of these (Twilio combines them with OR). */
  channels: string[];
  /** A window ending now; or else the custom range below, either end of which may be open. */
  window: WindowPreset | null;
  /** ISO 8601 instants (`2026-11-01T08:00:00Z`), inclusive. */
  after: string | null;
  /** Exclusive. */
  before: string | null;
  /** An intelligence configuration that ran on the conversation. */
  configuration: string | null;
  /** An operator that produced a result for the conversation ("operator ran"). */
  operator: string | null;
  /** A Call, Message or other channel SID the conversation holds. */
  channelId: string | null;
};

export const NO_FILTERS: InboxFilters = {
  status: null,
  channels: [],
  window: null,
  after: null,
  before: null,
  configuration: null,
  operator: null,
  channelId: null,
};

/** The URL parameters of the list's filters, in the order they are written. */
export const FILTER_PARAMETERS = [
  'status',
  'channel',
  'window',
  'after',
  'before',
  'configuration',
  'operator',
  'channelId',
] as const;

export type FilterRead = { filters: InboxFilters; problems: string[] };

/**
 * Reads the list's filters from an inbox URL. A value that cannot be used is left out, and said so
 * (a link edited by hand, or made by a newer version): the page shows what it could read, and why
 * the rest was dropped, rather than refusing the link. Parameters that are not filters (`tz`, the
 * triage columns) are for others to read.
 */
export function readFilters(params: URLSearchParams): FilterRead {
  const problems: string[] = [];
  const filters: InboxFilters = { ...NO_FILTERS, channels: [] };
  const single = (name: string): string | null => {
    const values = params.getAll(name).filter((value) => value !== '');
    if (values.length > 1) problems.push(`The link gives ${name} ${values.length} times; the first is used.`);
    return values[0] ?? null;
  };

  const status = single('status');
  if (status !== null) {
    if ((KNOWN_STATUSES as readonly string[]).includes(status.toUpperCase())) filters.status = status.toUpperCase();
    else problems.push(`The status ${quoted(status)} is not one of ${oneOf(KNOWN_STATUSES)}: left out.`);
  }

  for (const channel of new Set(params.getAll('channel').filter(Boolean))) {
    const known = KNOWN_CHANNELS.find((value) => value === channel.toUpperCase());
    if (known && !filters.channels.includes(known)) filters.channels.push(known);
    else if (!known) problems.push(`The channel ${quoted(channel)} is not one of ${oneOf(KNOWN_CHANNELS)}: left out.`);
  }
  filters.channels.sort();

  const window = single('window');
  if (window !== null) {
    if (isPreset(window)) filters.window = window;
    else problems.push(`The time window ${quoted(window)} is not one of ${oneOf(Object.keys(WINDOW_PRESETS))}: left out.`);
  }
  for (const name of ['after', 'before'] as const) {
    const value = single(name);
    if (value === null) continue;
    const ms = parseDateTime(value);
    if (ms === null) {
      problems.push(
        `The ${name === 'after' ? 'start' : 'end'} of the time range, ${quoted(value)}, is not a date and time with its offset: left out.`,
      );
    } else if (filters.window !== null) {
      problems.push(
        `The link gives both a time window and a range; the window (${WINDOW_PRESETS[filters.window].label.toLowerCase()}) is used.`,
      );
    } else {
      filters[name] = wireDateTime(ms);
    }
  }

  const id = (name: 'configuration' | 'operator', kind: 'intelligenceConfiguration' | 'operator') => {
    const value = single(name);
    if (value === null) return;
    const check = checkId(kind, value);
    if (check.ok) filters[name] = check.id;
    else problems.push(`The ${name} in the link was left out. ${check.problem}`);
  };
  id('configuration', 'intelligenceConfiguration');
  id('operator', 'operator');

  const channelId = single('channelId');
  if (channelId !== null) {
    const check = checkChannelId(channelId);
    if (check.ok) filters.channelId = check.id;
    else problems.push(`The channel ID in the link was left out. ${check.problem}`);
  }
  return { filters, problems };
}

/** Writes the filters as URL parameters, always in the same order, so one list has one URL. */
export function writeFilters(filters: InboxFilters, into = new URLSearchParams()): URLSearchParams {
  for (const name of FILTER_PARAMETERS) into.delete(name);
  if (filters.status) into.append('status', filters.status);
  for (const channel of [...filters.channels].sort()) into.append('channel', channel);
  if (filters.window) into.append('window', filters.window);
  else {
    if (filters.after) into.append('after', filters.after);
    if (filters.before) into.append('before', filters.before);
  }
  if (filters.configuration) into.append('configuration', filters.configuration);
  if (filters.operator) into.append('operator', filters.operator);
  if (filters.channelId) into.append('channelId', filters.channelId);
  return into;
}

/**
 * The list's identity: its filters as a query string in a fixed order. The key of its pages in the
 * query cache, and what a conversation opened from it carries (`?from=`) to walk the same list.
 */
export function listKey(filters: InboxFilters): string {
  return writeFilters(filters).toString();
}

/** How many filters narrow the list (several channels count once: they are one filter). */
export function activeFilterCount(filters: InboxFilters): number {
  return [
    filters.status,
    filters.channels.length > 0,
    filters.window ?? filters.after ?? filters.before,
    filters.configuration,
    filters.operator,
    filters.channelId,
  ].filter(Boolean).length;
}

/**
 * What is wrong with a custom range, in words a person can act on, or null. Twilio lists at most
 * 31 days between the two ends; either end may be left open instead.
 */
export function rangeProblem(afterMs: number | null, beforeMs: number | null): string | null {
  if (afterMs === null || beforeMs === null) return null;
  if (beforeMs <= afterMs) return 'The range ends before it starts: put the earlier moment in “From”.';
  const days = (beforeMs - afterMs) / DAY_MS;
  if (days > MAX_CREATED_AT_WINDOW_DAYS) {
    return (
      `Twilio lists at most ${MAX_CREATED_AT_WINDOW_DAYS} days at a time, and this range spans ${Math.ceil(days)} days. ` +
      'Shorten it, or leave one end empty to list everything after (or before) a moment.'
    );
  }
  return null;
}

export type ListQuery = { ok: true; query: URLSearchParams } | { ok: false; parameter: string; problem: string };

/**
 * The query for `GET /api/v3/Conversations` (without page size or token), with a preset window
 * turned into both ends as of `now`: a preset is a window that moves with time, and the list is
 * read as of the moment its first page is asked for. Checked with the server's own rules.
 */
export function listQuery(filters: InboxFilters, now: number): ListQuery {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  for (const channel of filters.channels) params.append('channels', channel);
  if (filters.window) {
    // To the next whole minute: the newest conversations are in, and the request is the same for a minute.
    const before = Math.ceil(now / 60_000) * 60_000;
    params.set('createdAtAfter', wireDateTime(before - WINDOW_PRESETS[filters.window].ms));
    params.set('createdAtBefore', wireDateTime(before));
  } else {
    const problem = rangeProblem(
      filters.after === null ? null : parseDateTime(filters.after),
      filters.before === null ? null : parseDateTime(filters.before),
    );
    if (problem) return { ok: false, parameter: 'after', problem };
    if (filters.after) params.set('createdAtAfter', filters.after);
    if (filters.before) params.set('createdAtBefore', filters.before);
  }
  if (filters.configuration) params.append('intelligenceConfigurationIds', filters.configuration);
  if (filters.operator) params.append('operatorIds', filters.operator);
  if (filters.channelId) params.set('channelId', filters.channelId);
  const checked = readListQuery(conversationListQuery, params);
  return checked.ok ? checked : { ok: false, parameter: checked.parameter, problem: checked.problem };
}

/** Rows asked for at a time: a screenful or two, so the first rows come quickly. */
export const INBOX_PAGE_SIZE = 50;

/**
 * The BFF path (under its prefix) of one page of the list: the query `listQuery` built for its
 * first page, the page size, and Twilio's token for every page after it. The page asks for it, and
 * a deep link's HTML preloads the first one (src/server/spa.ts): the same path, so the browser hands
 * the preloaded answer to the page.
 */
export function listPagePath(query: string, pageToken: string | null = null): string {
  const params = new URLSearchParams(query);
  params.set('pageSize', String(INBOX_PAGE_SIZE));
  if (pageToken !== null) params.set('pageToken', pageToken);
  return apiPaths.conversations(params);
}

/** The first page's path for an inbox link's query, as the page will ask for it at `now`; null when its filters cannot be asked for. */
export function firstListPagePath(search: URLSearchParams, now: number): string | null {
  const built = listQuery(readFilters(search).filters, now);
  return built.ok ? listPagePath(built.query.toString()) : null;
}
