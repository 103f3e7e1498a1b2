/**
 * Malformed and malicious list queries for `GET /api/v3/Conversations` (src/server/hostile-ids.test.ts):
 * unknown, mistyped and injected parameter names, single-valued parameters given twice, empty
 * values, and values of every parameter that are hostile or near misses. Each `query` is put after
 * `?` as it is (already URL-encoded where it needs to be); the ID-valued parameters also get the
 * whole hostile-ID corpus (tests/hostile-ids.ts).
 */
import { BFF_ERROR_CODES } from '../src/api/error';
import { MAX_FILTER_VALUES, MAX_PAGE_TOKEN_LENGTH } from '../src/api/list-query';
import { VALID_IDS } from './hostile-ids';

export type HostileListQuery = {
  label: string;
  query: string;
  /** The parameter the answer names (`params.parameter`), as decoded. */
  parameter: string;
  /** A substring of the message. */
  problem: string;
  code: number;
};

const CALL_SID = 'CA1234567890abcdef1234567890abcdef';
const value = BFF_ERROR_CODES.invalidParameter;
const id = BFF_ERROR_CODES.invalidId;
const q = (label: string, query: string, parameter: string, problem: string, code: number = value): HostileListQuery => ({
  label,
  query,
  parameter,
  problem,
  code,
});

export const hostileListQueries: HostileListQuery[] = [
  // Names.
  q('an unknown parameter', 'evil=1', 'evil', 'Unknown parameter "evil"'),
  q('a parameter of another list', `conversationId=${VALID_IDS.conversation}`, 'conversationId', 'Unknown parameter'),
  q('a name in the wrong case', 'Status=CLOSED', 'Status', 'did you mean status?'),
  q('the library\u2019s bracketed array form', 'channels[]=VOICE', 'channels[]', 'Unknown parameter'),
  q('a traversal as a name', '..%2F..%2Fstatus=1', '../../status', 'Unknown parameter'),
  q(
    'CR LF in a name',
    'status%0d%0aX-Injected:%201=CLOSED',
    'status\r\nX-Injected: 1',
    'Unknown parameter "status\\r\\nX-Injected: 1"',
  ),
  q('a null byte in a name', 'status%00=CLOSED', 'status\u0000', 'Unknown parameter "status\\u0000"'),
  q('a Cyrillic а in a name', 'st%D0%B0tus=CLOSED', 'st\u0430tus', 'Unknown parameter'),
  q('a fullwidth name', '%EF%BD%93tatus=CLOSED', '\uff53tatus', 'Unknown parameter'),
  q('an overlong name (5,000 characters)', `${'a'.repeat(5000)}=1`, 'a'.repeat(5000), '\u2026"'),
  q('an empty name', '=CLOSED', '', 'Unknown parameter ""'),
  q('a prototype name', '__proto__=x', '__proto__', 'Unknown parameter'),

  // Single-valued parameters given twice.
  q('status twice', 'status=CLOSED&status=ACTIVE', 'status', 'status may be given once'),
  q('the same status twice', 'status=CLOSED&status=CLOSED', 'status', 'given 2 times'),
  q('pageSize twice', 'pageSize=10&pageSize=20', 'pageSize', 'pageSize may be given once'),
  q('pageToken twice', 'pageToken=a&pageToken=b', 'pageToken', 'pageToken may be given once'),
  q('channelId twice', `channelId=${CALL_SID}&channelId=${CALL_SID}`, 'channelId', 'channelId may be given once'),
  q(
    'createdAtAfter twice',
    'createdAtAfter=2026-11-01T00:00:00Z&createdAtAfter=2026-11-02T00:00:00Z',
    'createdAtAfter',
    'given once',
  ),
  q(
    'conversationConfigurationId twice',
    `conversationConfigurationId=${VALID_IDS.conversationConfiguration}&conversationConfigurationId=${VALID_IDS.conversationConfiguration}`,
    'conversationConfigurationId',
    'given once',
  ),

  // Empty values.
  q('an empty status', 'status=', 'status', 'status is empty'),
  q('an empty channel among others', 'channels=VOICE&channels=', 'channels', 'channels is empty'),
  q('an empty operatorIds', 'operatorIds=', 'operatorIds', 'operatorIds is empty', id),
  q('createdAtBefore without a value', 'createdAtBefore', 'createdAtBefore', 'createdAtBefore is empty'),
  q('an empty pageToken', 'pageToken=', 'pageToken', 'pageToken is empty'),
  q('an empty channelId', 'channelId=', 'channelId', 'channelId is empty', id),

  // Enumerations.
  q('a status in lower case', 'status=closed', 'status', 'Values are upper case: CLOSED'),
  q('a status with a trailing space', 'status=CLOSED%20', 'status', 'not "CLOSED "'),
  q('a status with a Cyrillic С', 'status=%D0%A1LOSED', 'status', 'one of ACTIVE, INACTIVE or CLOSED'),
  q('a fullwidth status', 'status=%EF%BC%A3LOSED', 'status', 'one of ACTIVE, INACTIVE or CLOSED'),
  q('a status list', 'status=CLOSED,ACTIVE', 'status', 'not "CLOSED,ACTIVE"'),
  q('a status from a newer API', 'status=ARCHIVED', 'status', 'not "ARCHIVED"'),
  q('a channel from another API', 'channels=VOICE&channels=VIDEO', 'channels', 'not "VIDEO"'),
  q('comma-separated channels', 'channels=VOICE,SMS', 'channels', 'not "VOICE,SMS"'),
  q('a channel with CR LF', 'channels=VOICE%0d%0aX:1', 'channels', 'not "VOICE\\r\\nX:1"'),
  q('a channel with a null byte', 'channels=SMS%00', 'channels', 'not "SMS\\u0000"'),

  // Dates and the window.
  q('a date without a time', 'createdAtAfter=2026-11-01', 'createdAtAfter', 'ISO 8601 date and time with its offset'),
  q('a time without an offset', 'createdAtAfter=2026-11-01T08:00:00', 'createdAtAfter', 'with its offset'),
  q('30 February', 'createdAtAfter=2026-02-30T00:00:00Z', 'createdAtAfter', 'is not one'),
  q('hour 24', 'createdAtBefore=2026-11-01T24:00:00Z', 'createdAtBefore', 'is not one'),
  q('a leap second', 'createdAtBefore=2026-12-31T23:59:60Z', 'createdAtBefore', 'is not one'),
  q('an offset of 24 hours', 'createdAtAfter=2026-11-01T00:00:00%2B24:00', 'createdAtAfter', 'is not one'),
  q('a + that became a space', 'createdAtAfter=2026-11-01T00:00:00+01:00', 'createdAtAfter', 'is not one'),
  q('a Unix timestamp', 'createdAtAfter=1793491200', 'createdAtAfter', 'is not one'),
  q('words', 'createdAtAfter=yesterday', 'createdAtAfter', '"yesterday" is not one'),
  q('Arabic-Indic digits', 'createdAtAfter=%D9%A2%D9%A0%D9%A2%D9%A6-11-01T00:00:00Z', 'createdAtAfter', 'is not one'),
  q('a date and CR LF', 'createdAtAfter=2026-11-01T00:00:00Z%0d%0aX:1', 'createdAtAfter', 'is not one'),
  q(
    'an overlong date (10,000 characters)',
    `createdAtAfter=2026-11-01T00:00:00${'0'.repeat(10_000)}Z`,
    'createdAtAfter',
    'is not one',
  ),
  q(
    'a window of 31 days and a second',
    'createdAtAfter=2026-10-01T00:00:00Z&createdAtBefore=2026-11-01T00:00:01Z',
    'createdAtAfter',
    'at most 31 days apart',
  ),
  q(
    'an inverted window',
    'createdAtAfter=2026-11-02T00:00:00Z&createdAtBefore=2026-11-01T00:00:00Z',
    'createdAtAfter',
    'must be earlier than createdAtBefore',
  ),
  q(
    'an empty window',
    'createdAtAfter=2026-11-01T00:00:00Z&createdAtBefore=2026-11-01T01:00:00%2B01:00',
    'createdAtAfter',
    'must be earlier than createdAtBefore',
  ),

  // Page size and token.
  ...['0', '1001', '-1', '1.5', '1e3', '0x10', '%2050', '%D9%A5%D9%A0', 'NaN', '99999999999999999999'].map((size) =>
    q(`pageSize ${size}`, `pageSize=${size}`, 'pageSize', 'pageSize must be a whole number from 1 to 1000'),
  ),
  q(
    'a pageToken longer than any Twilio gives',
    `pageToken=${'t'.repeat(MAX_PAGE_TOKEN_LENGTH + 1)}`,
    'pageToken',
    `from 1 to ${MAX_PAGE_TOKEN_LENGTH} characters`,
  ),

  // Channel IDs.
  q('a channel ID in lower case', `channelId=${CALL_SID.toLowerCase()}`, 'channelId', 'Character 1 is "c"', id),
  q('a channel ID one digit short', `channelId=${CALL_SID.slice(0, -1)}`, 'channelId', 'this has 31', id),
  q('a channel ID one digit long', `channelId=${CALL_SID}0`, 'channelId', 'this has 33', id),
  q('a channel ID with a non-hex letter', `channelId=CA${'g'.repeat(32)}`, 'channelId', 'Character 3 is "g"', id),
  q('a channel ID with a Cyrillic А', `channelId=C%D0%90${CALL_SID.slice(2)}`, 'channelId', 'U+0410', id),
  q('a channel ID with fullwidth digits', `channelId=CA%EF%BC%91${CALL_SID.slice(3)}`, 'channelId', 'U+FF11', id),
  q('a channel ID and a traversal', `channelId=${CALL_SID}%2F..%2F..`, 'channelId', 'Character 35 is "/"', id),
  q('a channel ID and CR LF', `channelId=${CALL_SID}%0d%0aX:1`, 'channelId', 'control character (U+000D)', id),
  q('a conversation ID as a channel ID', `channelId=${VALID_IDS.conversation}`, 'channelId', 'Character 1 is "c"', id),
  q('an overlong channel ID', `channelId=CA${'a'.repeat(10_000)}`, 'channelId', 'this has 10000', id),

  // ID lists.
  q(
    `more than ${MAX_FILTER_VALUES} operators`,
    Array.from(
      { length: MAX_FILTER_VALUES + 1 },
      (_, i) => `operatorIds=intelligence_operator_0${String(i).padStart(25, '0')}`,
    ).join('&'),
    'operatorIds',
    `at most ${MAX_FILTER_VALUES} values`,
  ),
  q(
    'an operator ID as a configuration ID',
    `intelligenceConfigurationIds=${VALID_IDS.operator}`,
    'intelligenceConfigurationIds',
    'This is an operator ID',
    id,
  ),
];
