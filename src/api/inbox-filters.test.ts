import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../mocks/fixtures/operator-results';
import { CONFIGURATIONS } from '../mocks/fixtures/configurations';
import { activeFilterCount, listKey, listQuery, NO_FILTERS, rangeProblem, readFilters, writeFilters } from './inbox-filters';

const CALL = 'CA0123456789abcdef0123456789abcdef';
const NOW = Date.parse('2026-11-30T12:00:30Z');

describe('the inbox filters in the URL', () => {
  it('reads every filter and writes it back in one order, so one list has one URL', () => {
    const params = new URLSearchParams(
      `channel=voice&status=closed&channel=SMS&configuration=${CONFIGURATIONS.sales.id}&operator=${OPERATORS.sentiment}&channelId=${CALL}&window=7d&tz=utc`,
    );
    const { filters, problems } = readFilters(params);
    expect(problems).toEqual([]);
    expect(filters).toEqual({
      ...NO_FILTERS,
      status: 'CLOSED',
      channels: ['SMS', 'VOICE'],
      window: '7d',
      configuration: CONFIGURATIONS.sales.id,
      operator: OPERATORS.sentiment,
      channelId: CALL,
    });
    expect(listKey(filters)).toBe(
      `status=CLOSED&channel=SMS&channel=VOICE&window=7d&configuration=${CONFIGURATIONS.sales.id}&operator=${OPERATORS.sentiment}&channelId=${CALL}`,
    );
    // Parameters that are not filters are left for others.
    expect(writeFilters(filters, new URLSearchParams('tz=utc&status=ACTIVE')).get('tz')).toBe('utc');
    expect(activeFilterCount(filters)).toBe(6);
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
  });

  it('leaves out what it cannot use and says why, keeping the rest', () => {
    const { filters, problems } = readFilters(
      new URLSearchParams('status=SLEEPING&channel=FAX&channel=CHAT&window=2y&operator=op_1&after=yesterday&channelId=CA12'),
    );
    expect(filters).toEqual({ ...NO_FILTERS, channels: ['CHAT'] });
    expect(problems).toHaveLength(6);
    expect(problems[0]).toMatch(/status "SLEEPING" is not one of ACTIVE, INACTIVE or CLOSED/);
    expect(problems[1]).toMatch(/channel "FAX"/);
    expect(problems.join(' ')).toMatch(/not a date and time with its offset/);
  });

  it('explains a custom range over 31 days or inverted instead of sending it', () => {
    expect(rangeProblem(Date.parse('2026-10-01T00:00:00Z'), Date.parse('2026-11-15T00:00:00Z'))).toMatch(
      /at most 31 days at a time, and this range spans 45 days/,
    );
    expect(rangeProblem(Date.parse('2026-11-15T00:00:00Z'), Date.parse('2026-11-01T00:00:00Z'))).toMatch(/ends before it starts/);
    expect(rangeProblem(Date.parse('2026-11-15T00:00:00Z'), null)).toBeNull();
    const built = listQuery({ ...NO_FILTERS, after: '2026-10-01T00:00:00Z', before: '2026-11-15T00:00:00Z' }, NOW);
    expect(built.ok).toBe(false);
  });

  it('turns a preset window into both ends, to the next whole minute, with the server’s parameter names', () => {
    const built = listQuery({ ...NO_FILTERS, window: '24h', channels: ['SMS', 'VOICE'], operator: OPERATORS.csat }, NOW);
    expect(built.ok && built.query.toString()).toBe(
      `createdAtBefore=2026-11-30T12%3A01%3A00Z&createdAtAfter=2026-11-29T12%3A01%3A00Z&channels=SMS&channels=VOICE&operatorIds=${OPERATORS.csat}`,
    );
  });
});
