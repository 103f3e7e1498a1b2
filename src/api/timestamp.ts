/**
 * RFC 3339 allows a leap second (`23:59:60`), and Twilio's spec types its times as RFC 3339
 * date-times, but `Date.parse` answers NaN for one. The leap second is read as the last millisecond
 * of the second before it: it sorts after `:59`, is written as `:59`, and a span across it is a
 * second short at most.
 */
const LEAP_SECOND = /^(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:)60(?:[.,]\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch for an ISO-8601 / RFC 3339 date-time (leap seconds included), or NaN. */
export function parseTimestamp(value: string): number {
  const leap = LEAP_SECOND.exec(value);
  return Date.parse(leap ? `${leap[1]}59.999${leap[2]}` : value);
}

/** Whether `value` is a date-time the page can place on a clock. */
export const isTimestamp = (value: string): boolean => !Number.isNaN(parseTimestamp(value));
