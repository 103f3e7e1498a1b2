import { parseTimestamp } from '../api/timestamp';

/**
 * Every date and time the app writes, on its pages and in its exports, in the zone the reader chose:
 * their own or UTC (`?tz=utc`, carried from page to page in links).
 *
 * An Intl formatter costs far more to make than to use (the first one in a page also loads the
 * locale's data: docs/decisions/0009-long-conversations.md), and a transcript formats every
 * message. So each zone's formatters are made once, each on its first use.
 */

/** Where times are shown: the reader's own zone, or UTC. */
export type Zone = 'local' | 'UTC';

/** The zone a link asks for: `?tz=utc` (in any case) is UTC, anything else the reader's own. */
export function zoneOf(params: URLSearchParams): Zone {
  return params.get('tz')?.toLowerCase() === 'utc' ? 'UTC' : 'local';
}

/** Writes the zone into a query: `tz=utc`, or nothing for the reader's own zone. */
export function putZone(params: URLSearchParams, zone: Zone): void {
  if (zone === 'UTC') params.set('tz', 'utc');
  else params.delete('tz');
}

/** A path of this app (query and fragment kept) that opens with times in `zone`. */
export function withZone(path: string, zone: Zone): string {
  if (zone === 'local') return path;
  const url = new URL(path, 'http://app.invalid');
  putZone(url.searchParams, zone);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The runtime's zone by its IANA name ("America/New_York"). Asked anew each time: it makes a formatter. */
export function localZoneId(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** ISO-8601 in UTC, for tooltips and machine-readable `dateTime` attributes. */
export function utcIso(iso: string): string {
  const date = new Date(parseTimestamp(iso));
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().replace('.000Z', 'Z');
}

export type ZoneFormat = {
  /** The IANA name: "UTC", "America/New_York". */
  readonly id: string;
  /** "EST", "UTC": what the page says times are in, in the reader's language. */
  readonly zoneName: string;
  /** "EDT", "UTC": the same, at an instant (daylight saving changes it); "local time" when unnamed. */
  zoneNameAt: (iso: string) => string;

  // In the reader's language, for the page. Each gives back a string that is not a date unchanged.
  /** "09:48:15 PM" */
  time: (iso: string) => string;
  /** "Mar 9, 2026, 9:48:12 PM UTC": named, as it may stand far from anything saying the zone. */
  dateTime: (iso: string) => string;
  /** "Monday, March 9, 2026" */
  day: (iso: string) => string;
  /** "Mar 9, 2026": a day where a whole date and time would crowd the line. */
  shortDay: (iso: string) => string;
  /** "2026-03-09", only to tell days apart: it changes exactly when the calendar day does. */
  dayKey: (iso: string) => string;

  // The same in every language and on every machine, for exports.
  /** "2026-03-09" */
  date: (iso: string) => string;
  /** "21:48:12", a 24-hour clock. */
  clock: (iso: string) => string;
  /** "Monday" */
  weekday: (iso: string) => string;
  /** "EDT", "GMT+5:30": the zone's short name at that instant (daylight saving changes it). */
  shortName: (iso: string) => string;
  /**
   * ISO-8601 with an explicit offset: "2026-03-09T21:48:12Z" in UTC, "2026-03-09T17:48:12-04:00" in
   * the reader's zone ("+00:00" for a local zone at UTC). Milliseconds are kept when there are any.
   */
  isoWithOffset: (iso: string) => string;
};

type Fields = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'weekday', string>;

function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

/** Writes a timestamp, or gives it back as it is when it is not a date (Intl would throw). */
function dated(write: (date: Date) => string): (iso: string) => string {
  return (iso) => {
    const date = new Date(parseTimestamp(iso));
    return Number.isNaN(date.getTime()) ? iso : write(date);
  };
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

function makeZoneFormat(zone: Zone, timeZone: string | undefined): ZoneFormat {
  const intl = (locale: string | undefined, options: Intl.DateTimeFormatOptions) =>
    lazy(() => new Intl.DateTimeFormat(locale, { ...options, timeZone }));
  const time = intl(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const dateTime = intl(undefined, { dateStyle: 'medium', timeStyle: 'long' });
  const day = intl(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  const shortDay = intl(undefined, { dateStyle: 'medium' });
  const dayKey = intl('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
  const readerName = intl(undefined, { timeZoneName: 'short' });
  const englishName = intl('en-US', { timeZoneName: 'short' });
  const fieldFormat = intl('en-US', {
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    weekday: 'long',
  });
  const nameIn = (format: Intl.DateTimeFormat, date: Date) =>
    format.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value;

  // An export asks for the date, the clock and the weekday of each message in turn.
  let last: { at: number; fields: Fields } | null = null;
  const fieldsOf = (date: Date): Fields => {
    if (last?.at !== date.getTime()) {
      const fields: Record<string, string> = {};
      for (const part of fieldFormat().formatToParts(date)) fields[part.type] = part.value;
      last = { at: date.getTime(), fields: fields as Fields };
    }
    return last.fields;
  };

  const id = lazy(() => timeZone ?? localZoneId());
  const zoneName = lazy(() => (zone === 'UTC' ? 'UTC' : (nameIn(readerName(), new Date()) ?? 'local time')));
  return {
    get id() {
      return id();
    },
    get zoneName() {
      return zoneName();
    },
    zoneNameAt: dated((date) => (zone === 'UTC' ? 'UTC' : (nameIn(readerName(), date) ?? 'local time'))),
    time: dated((date) => time().format(date)),
    dateTime: dated((date) => dateTime().format(date)),
    day: dated((date) => day().format(date)),
    shortDay: dated((date) => shortDay().format(date)),
    dayKey: dated((date) => dayKey().format(date)),
    date: dated((date) => {
      const f = fieldsOf(date);
      return `${f.year}-${f.month}-${f.day}`;
    }),
    clock: dated((date) => {
      const f = fieldsOf(date);
      return `${f.hour}:${f.minute}:${f.second}`;
    }),
    weekday: dated((date) => fieldsOf(date).weekday),
    shortName: dated((date) => nameIn(englishName(), date) ?? id()),
    isoWithOffset: dated((date) => {
      const at = date.getTime();
      const ms = at % 1000 === 0 ? '' : `.${pad(((at % 1000) + 1000) % 1000, 3)}`;
      if (zone === 'UTC') return `${date.toISOString().slice(0, 19)}${ms}Z`;
      const f = fieldsOf(date);
      const wall = Date.UTC(+f.year, +f.month - 1, +f.day, +f.hour, +f.minute, +f.second);
      const offset = Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
      const sign = offset < 0 ? '-' : '+';
      return `${f.year}-${f.month}-${f.day}T${f.hour}:${f.minute}:${f.second}${ms}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
    }),
  };
}

const zoneFormats = new Map<string, ZoneFormat>();

/**
 * The formatters for a zone, made once. The reader's own zone is the runtime's when first asked: a
 * page's zone does not move under it. Code that must follow a runtime whose zone moves (the
 * exporters, whose tests write in several zones in one process) names it: `localZoneId()`.
 */
export function zoneFormat(zone: Zone, localId?: string): ZoneFormat {
  const key = zone === 'UTC' ? zone : `${zone}:${localId ?? ''}`;
  let format = zoneFormats.get(key);
  if (!format) {
    format = makeZoneFormat(zone, zone === 'UTC' ? 'UTC' : localId);
    zoneFormats.set(key, format);
  }
  return format;
}

/** "+4:05" or "+1:02:03": the time since the conversation started. */
export function formatOffset(fromIso: string, toIso: string): string {
  const total = Math.max(0, Math.round((parseTimestamp(toIso) - parseTimestamp(fromIso)) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = pad(total % 60);
  return hours > 0 ? `+${hours}:${pad(minutes)}:${seconds}` : `+${minutes}:${seconds}`;
}

/** "15 min 30 s", "2 h 5 min", "3 d 4 h": a span for people, at most two units. */
export function formatDuration(fromIso: string, toIso: string): string {
  const total = Math.max(0, Math.round((parseTimestamp(toIso) - parseTimestamp(fromIso)) / 1000));
  const units: Array<[string, number]> = [
    ['d', 86_400],
    ['h', 3_600],
    ['min', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  let rest = total;
  for (const [label, size] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 && parts.length < 2) parts.push(`${count} ${label}`);
    else if (parts.length > 0) break;
  }
  return parts.length > 0 ? parts.join(' ') : '0 s';
}

/** "12 min later", "3 h later", "2 d later": the silence before a message. */
export function formatGap(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min later`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h later`;
  return `${Math.round(hours / 24)} d later`;
}

let relativeFormat: Intl.RelativeTimeFormat | undefined;

/**
 * "just now", "5 min ago", "3 hr. ago", "yesterday", "12 days ago": how long ago a moment was, in
 * the reader's language, for lists where the exact time is a hover away. Beyond 60 days, the date.
 */
export function formatRelative(iso: string, now: number, zone: Zone = 'local'): string {
  const at = parseTimestamp(iso);
  if (Number.isNaN(at)) return iso;
  const seconds = Math.round((at - now) / 1000);
  const past = Math.abs(seconds);
  if (past < 45) return 'just now';
  relativeFormat ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
  if (past < 3_600) return relativeFormat.format(Math.round(seconds / 60), 'minute');
  if (past < 86_400) return relativeFormat.format(Math.round(seconds / 3_600), 'hour');
  if (past < 60 * 86_400) return relativeFormat.format(Math.round(seconds / 86_400), 'day');
  return zoneFormat(zone).date(iso);
}
