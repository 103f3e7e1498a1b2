import { describe, expect, it } from 'vitest';
import { checkChannelId, describeChannelSid, isChannelId } from './channel-ids';

const CALL = 'CA1234567890abcdef1234567890abcdef';

function problemOf(value: string): string {
  const check = checkChannelId(value);
  if (check.ok) throw new Error(`expected ${JSON.stringify(value)} to be rejected`);
  return check.problem;
}

describe('checkChannelId', () => {
  it.each([
    ['a Call SID', CALL],
    ['a Message SID', 'SM5f2c7b1e9a0d4c3b8e6f1a2d3c4b5a69'],
    ['an MMS SID', 'MMa7c3e9f1b5d2048e6a1c3b5d7f9e0a2c'],
    ['a Conversation SID', 'CH3f8a1d0c6e2b4f9a8c7d6e5f4a3b2c1d'],
    ['a SID of another kind', 'VI0123456789abcdef0123456789abcdef'],
    ['upper-case hexadecimal digits', 'CA1234567890ABCDEF1234567890ABCDEF'],
  ])('accepts %s', (_label, value) => {
    expect(checkChannelId(value)).toEqual({ ok: true, id: value });
    expect(isChannelId(value)).toBe(true);
  });

  it('asks for a channel ID, naming the kinds people hold, when the value is empty', () => {
    expect(problemOf('')).toBe(
      'Enter a channel ID: two upper-case letters and 32 hexadecimal digits, such as a Call SID (CA…) or a Message SID (SM… or MM…).',
    );
  });

  it('says SIDs start with upper-case letters', () => {
    expect(problemOf(CALL.toLowerCase())).toContain('Character 1 is "c": a channel ID is two upper-case letters');
    expect(problemOf('Ca1234567890abcdef1234567890abcdef')).toContain('Character 2 is "a"');
    expect(problemOf(CALL.toLowerCase())).toContain('Twilio SIDs start with upper-case letters.');
  });

  it('names the kind, the position and the character that is not hexadecimal', () => {
    expect(problemOf('CA1234567890abcdef1234567890abcdeg')).toBe(
      'Character 34 is "g": after "CA" a Call SID has only hexadecimal digits (0-9, a-f).',
    );
    expect(problemOf('SM12345678 0abcdef1234567890abcdef')).toContain('Character 11 is a space: after "SM" a Message SID');
    expect(problemOf(`${CALL}\r\n`)).toContain('Character 35 is a control character (U+000D)');
    expect(problemOf(`C\u0410${CALL.slice(2)}`)).toContain('Character 2 is "\u0410" (U+0410, not a plain ASCII character)');
    expect(problemOf(`CA\uff11${CALL.slice(3)}`)).toContain('U+FF11');
    expect(problemOf(`XY${'z'.repeat(32)}`)).toContain('after "XY" a SID has only hexadecimal digits');
  });

  it('says "Too short" or "Too long" with the count', () => {
    expect(problemOf(CALL.slice(0, -2))).toBe(
      'Too short: a Call SID is "CA" followed by exactly 32 hexadecimal digits, and this has 30.',
    );
    expect(problemOf(`${CALL}00`)).toContain('Too long');
    expect(problemOf(`${CALL}00`)).toContain('this has 34');
    expect(problemOf('MM')).toContain('this has 0');
  });

  it('never echoes a long value back', () => {
    expect(problemOf(`CA${'a'.repeat(10_000)}`).length).toBeLessThan(200);
    expect(problemOf(`CA${'<script>'.repeat(1000)}`).length).toBeLessThan(200);
  });
});

describe('describeChannelSid', () => {
  it('names the kinds a reference may be, in either case', () => {
    expect(describeChannelSid(CALL)).toBe('a call (Call SID)');
    expect(describeChannelSid(CALL.toLowerCase())).toBe('a call (Call SID)');
    expect(describeChannelSid('MMa7c3e9f1b5d2048e6a1c3b5d7f9e0a2c')).toBe('a message (Message SID)');
    expect(describeChannelSid('CH3f8a1d0c6e2b4f9a8c7d6e5f4a3b2c1d')).toBe('a conversation (Conversation SID)');
  });

  it('says nothing of a SID of another kind, or of something else', () => {
    expect(describeChannelSid('VI0123456789abcdef0123456789abcdef')).toBeNull();
    expect(describeChannelSid(CALL.slice(0, -1))).toBeNull();
    expect(describeChannelSid('conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2')).toBeNull();
  });
});
