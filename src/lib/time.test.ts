import { describe, expect, it } from 'vitest';
import { formatDuration, formatOffset, formatRelative, localZoneId, utcIso, withZone, zoneFormat, zoneOf } from './time';

describe('formatOffset', () => {
  it.each([
    ['2026-01-15T10:30:00Z', '2026-01-15T10:30:00Z', '+0:00'],
    ['2026-01-15T10:30:00Z', '2026-01-15T10:30:15Z', '+0:15'],
    ['2026-01-15T10:30:00Z', '2026-01-15T10:34:05Z', '+4:05'],
    ['2026-01-15T10:30:00Z', '2026-01-15T11:32:03Z', '+1:02:03'],
    ['2026-01-15T10:30:00Z', '2026-01-17T10:30:00Z', '+48:00:00'],
    ['2026-01-15T10:30:00Z', '2026-01-15T10:29:00Z', '+0:00'],
  ])('from %s to %s is %s', (from, to, expected) => {
    expect(formatOffset(from, to)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    ['2026-01-15T10:30:00Z', '2026-01-15T10:45:30Z', '15 min 30 s'],
    ['2026-01-15T10:30:00Z', '2026-01-15T10:30:00Z', '0 s'],
    ['2026-01-15T10:30:00Z', '2026-01-15T12:35:00Z', '2 h 5 min'],
    ['2026-01-15T10:30:00Z', '2026-01-15T12:30:09Z', '2 h'],
    ['2026-01-15T10:30:00Z', '2026-01-18T14:30:00Z', '3 d 4 h'],
  ])('from %s to %s is %s', (from, to, expected) => {
    expect(formatDuration(from, to)).toBe(expected);
  });
});

describe('utcIso', () => {
  it('normalises to second-precision UTC', () => {
    expect(utcIso('2026-01-15T11:30:00+01:00')).toBe('2026-01-15T10:30:00Z');
    expect(utcIso('2026-01-15T10:30:00.250Z')).toBe('2026-01-15T10:30:00.250Z');
  });
  it('keeps an unparseable value as it is', () => {
    expect(utcIso('not a date')).toBe('not a date');
  });
});

describe('the zone in links', () => {
  it('reads ?tz=utc in any case; anything else is the reader’s own zone', () => {
    expect(zoneOf(new URLSearchParams('tz=utc'))).toBe('UTC');
    expect(zoneOf(new URLSearchParams('q=x&tz=UTC'))).toBe('UTC');
    expect(zoneOf(new URLSearchParams('tz=local'))).toBe('local');
    expect(zoneOf(new URLSearchParams(''))).toBe('local');
  });

  it('writes it into a path, keeping the query and the fragment', () => {
    expect(withZone('/operator-results/x', 'UTC')).toBe('/operator-results/x?tz=utc');
    expect(withZone('/conversations/c?result=r', 'UTC')).toBe('/conversations/c?result=r&tz=utc');
    expect(withZone('/conversations/c#m1..m2', 'UTC')).toBe('/conversations/c?tz=utc#m1..m2');
    expect(withZone('/conversations/c?tz=utc', 'UTC')).toBe('/conversations/c?tz=utc');
    expect(withZone('/conversations/c?result=r#m1', 'local')).toBe('/conversations/c?result=r#m1');
  });
});

const WRITERS = ['time', 'dateTime', 'day', 'dayKey', 'date', 'clock', 'weekday', 'shortName', 'isoWithOffset'] as const;

describe('zoneFormat', () => {
  const instant = '2026-03-09T21:48:12Z';
  const kolkata = zoneFormat('local', 'Asia/Kolkata');

  it('writes the page’s times in the zone chosen', () => {
    const inZone = (timeZone: string, options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(undefined, { ...options, timeZone }).format(new Date(instant));
    const named = { dateStyle: 'medium', timeStyle: 'long' } as const;
    expect(zoneFormat('UTC').dateTime(instant)).toBe(inZone('UTC', named));
    expect(kolkata.dateTime(instant)).toBe(inZone('Asia/Kolkata', named));
    expect(kolkata.dateTime(instant)).not.toBe(zoneFormat('UTC').dateTime(instant));
    expect(zoneFormat('UTC').dayKey(instant)).toBe('2026-03-09');
    expect(kolkata.dayKey(instant)).toBe('2026-03-10');
    expect(zoneFormat('UTC').zoneName).toBe('UTC');
  });

  it('writes the exports’ fixed forms: date, 24-hour clock, weekday, short name', () => {
    expect(zoneFormat('UTC').date(instant)).toBe('2026-03-09');
    expect(zoneFormat('UTC').clock(instant)).toBe('21:48:12');
    expect(zoneFormat('UTC').weekday(instant)).toBe('Monday');
    expect(kolkata.date(instant)).toBe('2026-03-10');
    expect(kolkata.clock(instant)).toBe('03:18:12');
    expect(kolkata.weekday(instant)).toBe('Tuesday');
    expect(kolkata.id).toBe('Asia/Kolkata');
    const newYork = zoneFormat('local', 'America/New_York');
    expect(newYork.shortName('2026-03-08T06:59:59Z')).toBe('EST');
    expect(newYork.shortName('2026-03-08T07:00:00Z')).toBe('EDT');
    expect(newYork.clock('2026-03-08T07:00:00Z')).toBe('03:00:00');
    // What the page says times are in follows the instant, not today.
    expect(newYork.zoneNameAt('2026-09-15T14:00:00Z')).toBe('EDT');
    expect(newYork.zoneNameAt('2026-01-15T14:00:00Z')).toBe('EST');
    expect(zoneFormat('UTC').zoneNameAt('2026-09-15T14:00:00Z')).toBe('UTC');
  });

  it('gives back what is not a date as it is', () => {
    for (const write of WRITERS) expect(kolkata[write]('not a date')).toBe('not a date');
  });

  it('makes each formatter once, however many times are written', () => {
    const original = Intl.DateTimeFormat;
    let made = 0;
    Intl.DateTimeFormat = new Proxy(original, {
      construct: (target, args: Parameters<typeof original>) => {
        made++;
        return new target(...args);
      },
    });
    try {
      const berlin = zoneFormat('local', 'Europe/Berlin');
      for (let second = 0; second < 500; second++) {
        const iso = new Date(Date.UTC(2026, 0, 1, 12, 0, second)).toISOString();
        for (const write of WRITERS) berlin[write](iso);
      }
      // One for each kind of writing: the page's four, the exports' fields, and the short name.
      expect(made).toBe(6);
      expect(zoneFormat('local', 'Europe/Berlin')).toBe(berlin);
    } finally {
      Intl.DateTimeFormat = original;
    }
  });

  it('names the runtime’s zone as it is now', () => {
    const original = process.env.TZ;
    try {
      process.env.TZ = 'America/St_Johns';
      expect(localZoneId()).toBe('America/St_Johns');
    } finally {
      process.env.TZ = original;
    }
  });
});

describe('isoWithOffset', () => {
  const inLocal = (timeZone: string, iso: string) => zoneFormat('local', timeZone).isoWithOffset(iso);

  it('writes Z for UTC and the zone offset for local time, daylight saving and half hours included', () => {
    expect(zoneFormat('UTC').isoWithOffset('2026-07-01T12:00:00Z')).toBe('2026-07-01T12:00:00Z');
    expect(zoneFormat('UTC').isoWithOffset('2026-07-01T12:00:00.250Z')).toBe('2026-07-01T12:00:00.250Z');
    expect(inLocal('Europe/Berlin', '2026-07-01T12:00:00Z')).toBe('2026-07-01T14:00:00+02:00');
    expect(inLocal('Europe/Berlin', '2026-01-01T12:00:00Z')).toBe('2026-01-01T13:00:00+01:00');
    expect(inLocal('Asia/Kolkata', '2026-01-01T00:00:00.005Z')).toBe('2026-01-01T05:30:00.005+05:30');
    expect(inLocal('America/St_Johns', '2026-01-01T00:00:00Z')).toBe('2025-12-31T20:30:00-03:30');
    // The reader's own zone, when it is UTC, is still written with its offset: "Z" means UTC was chosen.
    expect(inLocal('UTC', '2026-07-01T12:00:00Z')).toBe('2026-07-01T12:00:00+00:00');
    expect(zoneFormat('UTC').isoWithOffset('not a date')).toBe('not a date');
  });
});

describe('a leap second (23:59:60, which RFC 3339 allows)', () => {
  const leap = '2016-12-31T23:59:60Z';

  it('is written as the second before it, never as the raw text', () => {
    expect(zoneFormat('UTC').clock(leap)).toBe('23:59:59');
    expect(zoneFormat('UTC').date(leap)).toBe('2016-12-31');
    expect(zoneFormat('local', 'Europe/Berlin').isoWithOffset(leap)).toBe('2017-01-01T00:59:59.999+01:00');
  });

  it('counts in spans and offsets', () => {
    expect(formatOffset('2016-12-31T23:59:00Z', leap)).toBe('+1:00');
    expect(formatDuration('2016-12-31T23:00:00Z', leap)).toBe('1 h');
  });

  it('says how long ago it was, as any other time', () => {
    expect(formatRelative(leap, Date.parse('2017-01-01T00:00:20Z'))).toBe('just now');
    expect(formatRelative(leap, Date.parse('2017-06-01T00:00:00Z'), 'UTC')).toBe('2016-12-31');
  });
});
