/** Formats a timestamp, or gives it back as it is when it is not a date (Intl would throw). */
function formatter(format: Intl.DateTimeFormat): (iso: string) => string {
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}

/** In the viewer's own time zone. */
export const formatTime = (iso: string) => zoneFormat('local').time(iso);
export const formatDateTime = (iso: string) => zoneFormat('local').dateTime(iso);
export const formatDay = (iso: string) => zoneFormat('local').day(iso);
/** A key (YYYY-MM-DD) that changes exactly when the local calendar day changes. */
export const dayKey = (iso: string) => zoneFormat('local').dayKey(iso);

/** ISO-8601 in UTC, for tooltips and machine-readable `dateTime` attributes. */
export function utcIso(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().replace('.000Z', 'Z');
}

/** "EST", "CEST": the short name of the viewer's zone now. Asked once, by `zoneFormat('local')`. */
function localZoneName(): string {
  const parts = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(new Date());
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? 'local time';
}

/** "+4:05" or "+1:02:03": the time since the conversation started. */
export function formatOffset(fromIso: string, toIso: string): string {
  const total = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `+${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `+${minutes}:${seconds}`;
}

/** "15 min 30 s", "2 h 5 min", "3 d 4 h": a span for people, at most two units. */
export function formatDuration(fromIso: string, toIso: string): string {
  const total = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));
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

/** Where times are shown: the viewer's own zone, or UTC (carried in links as `?tz=utc`). */
export type Zone = 'local' | 'UTC';

export type ZoneFormat = {
  zone: Zone;
  /** "EST", "UTC": what the page says times are in. */
  zoneName: string;
  time: (iso: string) => string;
  dateTime: (iso: string) => string;
  day: (iso: string) => string;
  dayKey: (iso: string) => string;
};

const zoneFormats = new Map<Zone, ZoneFormat>();

/** One set of formatters per zone, made once: building an Intl formatter per message is expensive. */
export function zoneFormat(zone: Zone): ZoneFormat {
  let format = zoneFormats.get(zone);
  if (!format) {
    const timeZone = zone === 'UTC' ? 'UTC' : undefined;
    format = {
      zone,
      zoneName: zone === 'UTC' ? 'UTC' : localZoneName(),
      time: formatter(new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone })),
      dateTime: formatter(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium', timeZone })),
      day: formatter(
        new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone }),
      ),
      dayKey: formatter(new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone })),
    };
    zoneFormats.set(zone, format);
  }
  return format;
}

/** "12 min later", "3 h later", "2 d later": the silence before a message. */
export function formatGap(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min later`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h later`;
  return `${Math.round(hours / 24)} d later`;
}
