import { describe, expect, it } from 'vitest';
import { conversationSchema } from './conversation';
import { isTimestamp, parseTimestamp } from './timestamp';

describe('parseTimestamp', () => {
  it('reads what Date.parse reads, unchanged', () => {
    for (const value of [
      '2026-06-30T23:59:59Z',
      '2026-06-30T23:59:59.123Z',
      '2026-06-30T23:59:59+05:30',
      '2026-06-30t10:00:00z',
    ]) {
      expect(parseTimestamp(value)).toBe(Date.parse(value));
    }
  });

  it('reads a leap second as the last millisecond of the second before it, in any zone', () => {
    expect(parseTimestamp('2016-12-31T23:59:60Z')).toBe(Date.parse('2016-12-31T23:59:59.999Z'));
    expect(parseTimestamp('2016-12-31T23:59:60.5Z')).toBe(Date.parse('2016-12-31T23:59:59.999Z'));
    expect(parseTimestamp('2017-01-01T00:59:60+01:00')).toBe(Date.parse('2016-12-31T23:59:59.999Z'));
  });

  it('keeps a leap second in order: after :59, before the next minute', () => {
    const leap = parseTimestamp('2016-12-31T23:59:60Z');
    expect(leap).toBeGreaterThan(parseTimestamp('2016-12-31T23:59:59Z'));
    expect(leap).toBeLessThan(parseTimestamp('2017-01-01T00:00:00Z'));
  });

  it('answers NaN for what is not a date-time, a second of 61 included', () => {
    for (const value of ['', 'yesterday', '2016-12-31T23:59:61Z', '2016-12-31T23:60:60Z', '2016-12-31T23:59:60']) {
      expect(isTimestamp(value)).toBe(false);
    }
  });
});

describe('a conversation whose times include a leap second', () => {
  it('is read, not refused', () => {
    const parsed = conversationSchema.safeParse({
      id: 'conv_conversation_01hx0000000000000000000000',
      status: 'CLOSED',
      createdAt: '2016-12-31T23:59:60Z',
      updatedAt: '2016-12-31T23:59:60Z',
      communications: [],
      participants: [],
    });
    expect(parsed.success).toBe(true);
  });
});
