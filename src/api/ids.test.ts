import { describe, expect, it } from 'vitest';
import { DEMO_CONVERSATION_CONFIGURATION, DEMO_INTELLIGENCE_CONFIGURATION } from '../mocks/fixtures/builders';
import { demoConversations } from '../mocks/fixtures/conversations';
import { unfamiliarReferences } from '../mocks/fixtures/drills';
import { OPERATORS, operatorResults } from '../mocks/fixtures/operator-results';
import { checkId, ID_LABELS, ID_PREFIXES, isId, parseLookupInput, type IdKind } from './ids';

/** The conversation of Twilio's "Retrieve a Conversation" example (the seed fixture). */
const SEED = 'conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2';
const SEED_RESULT = 'intelligence_operatorresult_01k6fc25s7epm9qtk8rszbv3q5';
const SEED_PARTICIPANT = 'conv_participant_01k1etx3jbfx88476ccja0889c';
const SEED_COMMUNICATION = 'conv_communication_01k1etk2y5f1y9fpe2epfdtvv2';

function problemOf(kind: IdKind, value: string): string {
  const check = checkId(kind, value);
  if (check.ok) throw new Error(`expected ${JSON.stringify(value)} to be rejected as ${ID_LABELS[kind]}`);
  return check.problem;
}

/** The seed ID with its suffix character at `index` (0-based) replaced by `ch`. */
function withSuffixChar(index: number, ch: string): string {
  const prefix = ID_PREFIXES.conversation;
  const suffix = Array.from(SEED.slice(prefix.length));
  suffix[index] = ch;
  return prefix + suffix.join('');
}

describe('checkId: valid IDs', () => {
  const samples: Array<[IdKind, string]> = [
    ['conversation', SEED],
    ['participant', SEED_PARTICIPANT],
    ['communication', SEED_COMMUNICATION],
    ['operatorResult', SEED_RESULT],
    ['operator', OPERATORS.summary],
    ['conversation', 'conv_conversation_00000000000000000000000000'],
    ['conversation', 'conv_conversation_7zzzzzzzzzzzzzzzzzzzzzzzzz'],
  ];

  it.each(samples)('accepts a %s ID (%s)', (kind, value) => {
    expect(checkId(kind, value)).toEqual({ ok: true, id: value });
    expect(isId(kind, value)).toBe(true);
  });

  it('accepts every ID used by the fixtures', () => {
    const ids: Array<[IdKind, string]> = [];
    for (const conversation of demoConversations) {
      ids.push(['conversation', conversation.id]);
      for (const participant of conversation.participants) ids.push(['participant', participant.id]);
      for (const communication of conversation.communications) {
        ids.push(['communication', communication.id], ['participant', communication.participantId]);
      }
      for (const resultId of conversation.operatorResultIds) ids.push(['operatorResult', resultId]);
    }
    for (const result of operatorResults) {
      ids.push(['operatorResult', result.id], ['conversation', result.conversationId]);
      // That drill names its operator by something else on purpose (see drills.ts).
      if (result.conversationId !== unfamiliarReferences.id) ids.push(['operator', result.operator.id]);
    }
    expect(ids.length).toBeGreaterThan(2000);
    const rejected = ids.filter(([kind, value]) => !checkId(kind, value).ok);
    expect(rejected).toEqual([]);
  });

  it('never accepts a valid ID of one kind as another kind', () => {
    const byKind: Record<IdKind, string> = {
      conversation: SEED,
      participant: SEED_PARTICIPANT,
      communication: SEED_COMMUNICATION,
      operatorResult: SEED_RESULT,
      operator: OPERATORS.summary,
      intelligenceConfiguration: DEMO_INTELLIGENCE_CONFIGURATION,
      conversationConfiguration: DEMO_CONVERSATION_CONFIGURATION,
    };
    const kinds = Object.keys(byKind) as IdKind[];
    for (const expected of kinds) {
      for (const actual of kinds) {
        if (expected === actual) continue;
        const problem = problemOf(expected, byKind[actual]);
        const article = (label: string) => (/^[aeiou]/.test(label) ? 'an' : 'a');
        expect(problem).toContain(
          `This is ${article(ID_LABELS[actual])} ${ID_LABELS[actual]}, not ${article(ID_LABELS[expected])} ${ID_LABELS[expected]}.`,
        );
      }
    }
  });
});

describe('checkId: each problem is named precisely', () => {
  it('asks for an ID when the input is empty', () => {
    expect(problemOf('conversation', '')).toBe('Enter a conversation ID.');
    expect(problemOf('operatorResult', '')).toBe('Enter an operator result ID.');
  });

  it('names the expected prefix when the prefix is wrong', () => {
    expect(problemOf('conversation', 'conversation_01k1etk2y5f1y9fpe2epfdtvv2')).toBe(
      'A conversation ID starts with "conv_conversation_".',
    );
    expect(problemOf('conversation', 'CA1234567890abcdef1234567890abcdef')).toBe(
      'A conversation ID starts with "conv_conversation_".',
    );
  });

  it('recognises the ID of another kind', () => {
    expect(problemOf('conversation', SEED_RESULT)).toBe(
      'This is an operator result ID, not a conversation ID. A conversation ID starts with "conv_conversation_".',
    );
    expect(problemOf('operatorResult', SEED)).toContain('This is a conversation ID, not an operator result ID.');
    expect(problemOf('conversation', SEED_PARTICIPANT)).toContain('This is a participant ID, not a conversation ID.');
    expect(problemOf('operatorResult', OPERATORS.summary)).toContain('This is an operator ID, not an operator result ID.');
  });

  it('says IDs are lower case when the prefix is upper case', () => {
    const problem = problemOf('conversation', SEED.toUpperCase());
    expect(problem).toContain('lower case');
    expect(problem).toContain('"conv_conversation_"');
    expect(problemOf('conversation', `Conv_Conversation_${SEED.slice(18)}`)).toContain('lower case');
  });

  it('names the position of an upper-case character in the suffix', () => {
    const problem = problemOf('conversation', withSuffixChar(2, 'K'));
    expect(problem).toContain('Character 21 is "K"');
    expect(problem).toContain('lower case');
  });

  it('names a space and its position', () => {
    expect(problemOf('conversation', withSuffixChar(5, ' '))).toContain('Character 24 is a space');
    expect(problemOf('conversation', `${SEED} `)).toContain('Character 45 is a space');
  });

  it.each([
    ['CR', '\r', 'U+000D'],
    ['LF', '\n', 'U+000A'],
    ['NUL', '\u0000', 'U+0000'],
    ['TAB', '\t', 'U+0009'],
    ['DEL', '\u007f', 'U+007F'],
  ])('names a control character (%s) with its code and position', (_name, ch, code) => {
    const problem = problemOf('conversation', withSuffixChar(0, ch));
    expect(problem).toContain('Character 19 is a control character');
    expect(problem).toContain(code);
    expect(problemOf('conversation', `${SEED}${ch}`)).toContain(`Character 45 is a control character (${code})`);
  });

  it.each([
    ['a Cyrillic o', '\u043e', 'U+043E'],
    ['a fullwidth 1', '\uff11', 'U+FF11'],
    ['a fullwidth 0', '\uff10', 'U+FF10'],
    ['an Arabic-Indic 1', '\u0661', 'U+0661'],
    ['a non-breaking space', '\u00a0', 'U+00A0'],
    ['a zero-width space', '\u200b', 'U+200B'],
  ])('names a non-ASCII look-alike (%s) with its U+ code', (_name, ch, code) => {
    const problem = problemOf('conversation', withSuffixChar(1, ch));
    expect(problem).toContain('Character 20 is');
    expect(problem).toContain(code);
    expect(problem).toContain('not a plain ASCII character');
  });

  it('counts positions in characters, not UTF-16 code units', () => {
    const problem = problemOf('conversation', withSuffixChar(3, '\u{1F600}'));
    expect(problem).toContain('Character 22 is');
    expect(problem).toContain('U+1F600');
  });

  it('says "Too short" with the count', () => {
    const problem = problemOf('conversation', 'conv_conversation_01k');
    expect(problem).toContain('Too short');
    expect(problem).toContain('exactly 26 characters');
    expect(problem).toContain('this has 3');
    expect(problemOf('conversation', SEED.slice(0, -1))).toContain('this has 25');
    expect(problemOf('conversation', 'conv_conversation_')).toContain('this has 0');
  });

  it('says "Too long" with the count', () => {
    const problem = problemOf('conversation', `${SEED}abc`);
    expect(problem).toContain('Too long');
    expect(problem).toContain('exactly 26 characters');
    expect(problem).toContain('this has 29');
    expect(problemOf('conversation', `${SEED}0`)).toContain('this has 27');
  });

  it.each(['8', '9', 'a', 'z'])('rejects "%s" as the first suffix character: it must be a digit from 0 to 7', (first) => {
    const problem = problemOf('conversation', withSuffixChar(0, first));
    expect(problem).toContain('digit from 0 to 7');
    expect(problem).toContain(`not "${first}"`);
  });
});

describe('checkId: malformed and hostile input', () => {
  const valid = SEED;
  const corpus: Array<[string, string]> = [
    ['empty', ''],
    ['whitespace only', '   '],
    ['tabs and newlines only', '\t\r\n'],
    ['plain path traversal', '../'],
    ['deep path traversal', '../../v3/Conversations'],
    ['percent-encoded slash traversal', '..%2F..%2Fv3%2FConversations'],
    ['fully percent-encoded traversal', '%2e%2e%2f%2e%2e%2f'],
    ['double-encoded traversal', '%252e%252e%252f'],
    ['backslash traversal', '..\\..\\'],
    ['traversal after the prefix', 'conv_conversation_../../etc/passwd'],
    ['encoded traversal after the prefix', 'conv_conversation_%2e%2e%2f%2e%2e%2fOperators'],
    ['traversal after a valid ID', `${valid}/../../Operators`],
    ['encoded slash inside an ID', 'conv_conversation_01k1etk2y5f1y9fpe2e%2Fdtvv2'],
    ['query injection', `${valid}?x=1`],
    ['fragment injection', `${valid}#a`],
    ['ampersand injection', `${valid}&PageSize=1000`],
    ['trailing CR LF', `${valid}\r\n`],
    ['header injection', `${valid}\r\nX-Injected: 1`],
    ['trailing LF', `${valid}\n`],
    ['null byte', `${valid}\u0000`],
    ['null byte inside', 'conv_conversation_01k1etk2y5f1y9\u0000pe2epfdtvv2'],
    ['encoded null byte', `${valid}%00`],
    ['Cyrillic o in the prefix', 'conv_c\u043enversation_01k1etk2y5f1y9fpe2epfdtvv2'],
    ['Cyrillic o in the suffix', withSuffixChar(1, '\u043e')],
    ['fullwidth digits', 'conv_conversation_\uff10\uff11k1etk2y5f1y9fpe2epfdtvv2'],
    ['fullwidth prefix', '\uff43onv_conversation_01k1etk2y5f1y9fpe2epfdtvv2'],
    ['zero-width space appended', `${valid}\u200b`],
    ['byte order mark in front', `\ufeff${valid}`],
    ['combining accent', withSuffixChar(4, 'e\u0301')],
    ['emoji', withSuffixChar(25, '\u{1F600}')],
    ['all upper case', valid.toUpperCase()],
    ['upper case suffix', `conv_conversation_${valid.slice(18).toUpperCase()}`],
    ['wrong prefix', 'conversation_01k1etk2y5f1y9fpe2epfdtvv2'],
    ['hyphenated prefix', 'conv-conversation-01k1etk2y5f1y9fpe2epfdtvv2'],
    ['an operator result ID', SEED_RESULT],
    ['a communication ID', SEED_COMMUNICATION],
    ['a Call SID', 'CA1234567890abcdef1234567890abcdef'],
    ['prefix only', 'conv_conversation_'],
    ['one character short', valid.slice(0, -1)],
    ['one character long', `${valid}2`],
    ['first suffix character 8', withSuffixChar(0, '8')],
    ['first suffix character a letter', withSuffixChar(0, 'k')],
    ['overlong after the prefix (10,000 characters)', `conv_conversation_0${'a'.repeat(10_000)}`],
    ['overlong garbage (10,000 characters)', 'a'.repeat(10_000)],
    ['script tag', '<script>alert(1)</script>'],
    ['script tag after the prefix', 'conv_conversation_<script>alert(1)</script>'],
    ['SQL injection', "' OR '1'='1"],
    ['SQL after a valid ID', `${valid}'; DROP TABLE conversations;--`],
    ['trailing space', `${valid} `],
    ['leading space', ` ${valid}`],
    ['a URL around the ID', `https://console.twilio.com/us1/develop/conversations/${valid}`],
    ['quoted ID', `"${valid}"`],
    ['JSON object', `{"id":"${valid}"}`],
    ['the string null', 'null'],
    ['the string undefined', 'undefined'],
    ['a template expression', '${process.env.TWILIO_AUTH_TOKEN}'],
  ];

  it('has a corpus of at least 30 entries', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });

  it.each(corpus)('rejects %s', (_label, value) => {
    const check = checkId('conversation', value);
    expect(check.ok).toBe(false);
    expect(isId('conversation', value)).toBe(false);
    if (!check.ok) {
      expect(check.problem.length).toBeGreaterThan(0);
      // The message explains the problem; it never echoes a long hostile input back.
      expect(check.problem.length).toBeLessThan(300);
    }
  });
});

describe('parseLookupInput', () => {
  it('accepts a bare conversation ID', () => {
    expect(parseLookupInput(SEED)).toEqual({ ok: true, kind: 'conversation', id: SEED });
  });

  it('trims whitespace and newlines', () => {
    expect(parseLookupInput(`  \n\t${SEED} \r\n`)).toEqual({ ok: true, kind: 'conversation', id: SEED });
    expect(parseLookupInput(`\u00a0${SEED}\ufeff\n`)).toEqual({ ok: true, kind: 'conversation', id: SEED });
  });

  it('extracts the ID from a Twilio Console URL', () => {
    expect(parseLookupInput(`https://console.twilio.com/us1/develop/conversations/${SEED}?tab=transcript`)).toEqual({
      ok: true,
      kind: 'conversation',
      id: SEED,
    });
  });

  it('extracts the ID from a local URL with a fragment', () => {
    expect(parseLookupInput(`http://127.0.0.1:3000/conversations/${SEED}#x`)).toEqual({
      ok: true,
      kind: 'conversation',
      id: SEED,
    });
  });

  it('extracts the ID from a sentence', () => {
    expect(parseLookupInput(`see ${SEED} for details.`)).toEqual({ ok: true, kind: 'conversation', id: SEED });
    expect(parseLookupInput(`The call (${SEED}), again.`)).toEqual({ ok: true, kind: 'conversation', id: SEED });
    expect(parseLookupInput(`id: "${SEED}"`)).toEqual({ ok: true, kind: 'conversation', id: SEED });
  });

  it('recognises an operator result ID', () => {
    expect(parseLookupInput(SEED_RESULT)).toEqual({ ok: true, kind: 'operatorResult', id: SEED_RESULT });
    expect(parseLookupInput(`https://intelligence.twilio.com/v3/OperatorResults/${SEED_RESULT}?x=1`)).toEqual({
      ok: true,
      kind: 'operatorResult',
      id: SEED_RESULT,
    });
  });

  it('returns the specific problem for a malformed ID inside a URL', () => {
    const upper = `https://console.twilio.com/us1/develop/conversations/${withSuffixChar(2, 'K')}?tab=transcript`;
    const upperResult = parseLookupInput(upper);
    expect(upperResult.ok).toBe(false);
    if (!upperResult.ok) {
      expect(upperResult.problem).toContain('Character 21 is "K"');
      expect(upperResult.problem).toContain('lower case');
    }

    const short = parseLookupInput('http://127.0.0.1:3000/conversations/conv_conversation_01k1etk2y5#x');
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.problem).toContain('Too short');

    const first = parseLookupInput(`https://console.twilio.com/conversations/${withSuffixChar(0, '9')}`);
    expect(first.ok).toBe(false);
    if (!first.ok) expect(first.problem).toContain('digit from 0 to 7');

    const shout = parseLookupInput(`https://console.twilio.com/conversations/${SEED.toUpperCase()}`);
    expect(shout.ok).toBe(false);
    if (!shout.ok) expect(shout.problem).toContain('lower case');
  });

  it('asks for a conversation ID when the input is blank', () => {
    for (const blank of ['', '   ', '\n\t\r\n']) {
      expect(parseLookupInput(blank)).toEqual({
        ok: false,
        problem: expect.stringContaining('Paste a conversation ID'),
      });
    }
  });

  it('explains what is wrong when no ID can be found', () => {
    const other = parseLookupInput(SEED_COMMUNICATION);
    expect(other).toEqual({
      ok: false,
      problem: expect.stringContaining('This is a communication ID, not a conversation ID.'),
    });
    const garbage = parseLookupInput('hello world');
    expect(garbage.ok).toBe(false);
    if (!garbage.ok) expect(garbage.problem).toContain('starts with "conv_conversation_"');
  });

  describe('a Call or Message SID', () => {
    const CALL = 'CA1234567890abcdef1234567890abcdef';
    const MESSAGE = 'SM5f2c7b1e9a0d4c3b8e6f1a2d3c4b5a69';

    it('recognises a bare Call, Message or MMS SID as a channel ID', () => {
      expect(parseLookupInput(CALL)).toEqual({ ok: true, kind: 'channel', id: CALL });
      expect(parseLookupInput(` ${MESSAGE}\n`)).toEqual({ ok: true, kind: 'channel', id: MESSAGE });
      expect(parseLookupInput('MMa7c3e9f1b5d2048e6a1c3b5d7f9e0a2c')).toEqual({
        ok: true,
        kind: 'channel',
        id: 'MMa7c3e9f1b5d2048e6a1c3b5d7f9e0a2c',
      });
    });

    it('finds one in a console link or in a sentence', () => {
      expect(parseLookupInput(`https://console.twilio.com/us1/monitor/logs/calls/${CALL}/summary?x=1`)).toEqual({
        ok: true,
        kind: 'channel',
        id: CALL,
      });
      expect(parseLookupInput(`The customer's call (${CALL}) dropped.`)).toEqual({ ok: true, kind: 'channel', id: CALL });
      expect(parseLookupInput(`SMS ${MESSAGE} was the last one`)).toEqual({ ok: true, kind: 'channel', id: MESSAGE });
    });

    it('explains a near miss precisely', () => {
      expect(parseLookupInput(CALL.slice(0, -3))).toEqual({
        ok: false,
        problem: 'Too short: a Call SID is "CA" followed by exactly 32 hexadecimal digits, and this has 29.',
      });
      expect(parseLookupInput(`${CALL.slice(0, 20)}x${CALL.slice(21)}`)).toEqual({
        ok: false,
        problem: expect.stringContaining('Character 21 is "x"'),
      });
    });

    it('prefers a conversation or result ID in the same text', () => {
      expect(parseLookupInput(`${CALL} belongs to ${SEED}`)).toEqual({ ok: true, kind: 'conversation', id: SEED });
      expect(parseLookupInput(`${CALL} ${SEED_RESULT}`)).toEqual({ ok: true, kind: 'operatorResult', id: SEED_RESULT });
    });

    it('does not take words such as SMS or CALL for one', () => {
      const problem = parseLookupInput('CALL about SMS');
      expect(problem).toEqual({ ok: false, problem: 'A conversation ID starts with "conv_conversation_".' });
      expect(parseLookupInput('ca1234567890abcdef1234567890abcdef').ok).toBe(false);
    });
  });
});
