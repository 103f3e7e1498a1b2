/**
 * Channel resource IDs: what a conversation's `channelIds` hold and what `GET /v3/Conversations`
 * accepts as `channelId` ("such as a Call ID or Message ID"). They are Twilio SIDs: two upper-case
 * letters naming the resource, then 32 hexadecimal digits. The spec gives `channelId` no pattern, so
 * any SID of that shape is accepted; the kinds below are the ones a person is likely to hold, named
 * in messages and recognised in pasted text.
 */
import { describeChar } from './characters';

export const SID_HEX_LENGTH = 32;

export const CHANNEL_SID_KINDS = {
  CA: { label: 'Call SID', describes: 'a call (Call SID)' },
  SM: { label: 'Message SID', describes: 'a message (Message SID)' },
  MM: { label: 'Message SID', describes: 'a message (Message SID)' },
  CH: { label: 'Conversation SID', describes: 'a conversation (Conversation SID)' },
} as const;

export type ChannelSidPrefix = keyof typeof CHANNEL_SID_KINDS;

/** Any Twilio SID: what the BFF lets through as `channelId`. */
export const CHANNEL_ID_PATTERN = /^[A-Z]{2}[0-9a-fA-F]{32}$/;

/** What the problems below end with: the shape, with the kinds people hold. */
const SHAPE = `two upper-case letters and ${SID_HEX_LENGTH} hexadecimal digits, such as a Call SID (CA…) or a Message SID (SM… or MM…)`;

export function isChannelId(value: string): boolean {
  return CHANNEL_ID_PATTERN.test(value);
}

/** The kind of SID a value names by its first two letters ("Call SID"), or "SID" for another kind. */
function labelOf(prefix: string): string {
  return Object.hasOwn(CHANNEL_SID_KINDS, prefix) ? CHANNEL_SID_KINDS[prefix as ChannelSidPrefix].label : 'SID';
}

/**
 * Says precisely what is wrong with a candidate channel ID, as `checkId` does for TTIDs: the two
 * letters, a character (with its position) or the length. Never echoes more than one character.
 */
export function checkChannelId(raw: string): { ok: true; id: string } | { ok: false; problem: string } {
  if (raw.length === 0) return { ok: false, problem: `Enter a channel ID: ${SHAPE}.` };
  const chars = Array.from(raw);
  for (let i = 0; i < Math.min(2, chars.length); i++) {
    const ch = chars[i]!;
    if (/[A-Z]/.test(ch)) continue;
    const hint = /[a-z]/.test(ch) ? ' Twilio SIDs start with upper-case letters.' : '';
    return {
      ok: false,
      problem: `Character ${i + 1} is ${describeChar(ch)}: a channel ID is ${SHAPE}.${hint}`,
    };
  }
  const prefix = chars.slice(0, 2).join('');
  const label = labelOf(prefix);
  for (let i = 2; i < chars.length; i++) {
    const ch = chars[i]!;
    if (!/[0-9a-fA-F]/.test(ch)) {
      return {
        ok: false,
        problem: `Character ${i + 1} is ${describeChar(ch)}: after "${prefix}" a ${label} has only hexadecimal digits (0-9, a-f).`,
      };
    }
  }
  const digits = chars.length - 2;
  if (digits !== SID_HEX_LENGTH) {
    return {
      ok: false,
      problem: `Too ${digits < SID_HEX_LENGTH ? 'short' : 'long'}: a ${label} is "${prefix}" followed by exactly ${SID_HEX_LENGTH} hexadecimal digits, and this has ${digits}.`,
    };
  }
  return { ok: true, id: raw };
}

/**
 * What a SID found in an answer most likely names ("a call (Call SID)"), or null. Lenient on what
 * we receive: the letters may come in either case.
 */
export function describeChannelSid(value: string): string | null {
  if (!/^[a-z]{2}[0-9a-f]{32}$/i.test(value)) return null;
  const prefix = value.slice(0, 2).toUpperCase();
  return Object.hasOwn(CHANNEL_SID_KINDS, prefix) ? CHANNEL_SID_KINDS[prefix as ChannelSidPrefix].describes : null;
}
