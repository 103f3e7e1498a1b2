import { describe, expect, it } from 'vitest';
import { formatDuration, formatOffset, utcIso } from './time';

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
