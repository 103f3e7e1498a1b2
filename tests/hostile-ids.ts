/**
 * Malformed and malicious IDs, shared by the BFF test (src/server/hostile-ids.test.ts) and the
 * SPA test (src/app/routes/hostile-ids.test.tsx).
 *
 * Every entry has a `raw` value and says how it goes into a URL:
 * - `encoding: 'encode'`: `raw` is the string a person or a script might hold; it is put in a
 *   path segment or a query value with `encodeURIComponent`, so what the server (or the router)
 *   decodes is exactly `raw`.
 * - `encoding: 'verbatim'`: `raw` is already percent-encoded text (`..%2F`, `%00`, `%0d%0a`…) and
 *   is put in the URL as it is, so what is decoded is one level less encoded than `raw`. Typed
 *   into the paste box, it is the literal text (a person pasting `..%2F` pastes those characters).
 *
 * The corpus is built around a valid ID of the kind the slot expects (`hostileIdsFor(kind)`), so
 * "a valid ID plus a query" or "one character too many" are near misses for that slot, and the
 * other kinds' valid IDs are wrong-prefix cases. `hostileIds` is the conversation corpus.
 */
import { ID_LABELS, ID_PREFIXES, type IdKind } from '../src/api/ids';
import { DEMO_INTELLIGENCE_CONFIGURATION } from '../src/mocks/fixtures/builders';
import { CONVERSATION_CONFIGURATIONS } from '../src/mocks/fixtures/configurations';
import { seedConversation } from '../src/mocks/fixtures/conversations';
import { OPERATORS, operatorResults } from '../src/mocks/fixtures/operator-results';

export type HostileId = {
  label: string;
  raw: string;
  encoding: 'encode' | 'verbatim';
  /**
   * A substring of the validator's explanation (`checkId(kind, decoded)`), the one the BFF answers
   * with and the SPA shows on its invalid-link page. Omitted where the router cannot match at all.
   */
  problem?: string;
  /**
   * Set when the URL cannot reach an ID route at all, so a 404 from the router (not the validator)
   * is the right answer: the value is a dot segment that the URL parser resolves away (`..`, `.`,
   * `%2e%2e`), or it is empty. Nothing is sent upstream in either case.
   */
  routerCannotMatch?: string;
  /**
   * What the home page paste box does with `raw` (conversation corpus only). It is documented to
   * trim whitespace and to find an ID inside a link or a sentence, so a few hostile-looking inputs
   * that contain a whole valid ID open that ID (and nothing else); all others are explained.
   */
  paste?: { says: string } | { opens: string };
};

/** A valid ID of each kind, taken from the demo fixtures (so Twilio's emulation knows them). */
export const VALID_IDS: Record<IdKind, string> = {
  conversation: seedConversation.id,
  participant: seedConversation.participants[0]!.id,
  communication: seedConversation.communications[0]!.id,
  operatorResult: operatorResults[0]!.id,
  operator: OPERATORS.summary,
  intelligenceConfiguration: DEMO_INTELLIGENCE_CONFIGURATION,
  // Not the default one, whose suffix is all zeros: its upper-case form would still be valid.
  conversationConfiguration: CONVERSATION_CONFIGURATIONS.voice,
};

/** Replaces the character at `index` of `text`. */
const replaceAt = (text: string, index: number, ch: string) => text.slice(0, index) + ch + text.slice(index + 1);

/** Where a valid ID of the slot's kind goes in a URL: `/conversations/<this>`, `/api/v3/…/<this>`. */
export function inPath(entry: HostileId): string {
  return entry.encoding === 'encode' ? encodeURIComponent(entry.raw) : entry.raw;
}

/** What a server or router decodes from `inPath(entry)` (percent-decoding that tolerates malformed escapes). */
export function decoded(entry: HostileId): string {
  if (entry.encoding === 'encode') return entry.raw;
  try {
    return decodeURIComponent(entry.raw);
  } catch {
    return entry.raw;
  }
}

export function hostileIdsFor(kind: IdKind): HostileId[] {
  const valid = VALID_IDS[kind];
  const prefix = ID_PREFIXES[kind];
  const suffix = valid.slice(prefix.length);
  const conversationPaste = kind === 'conversation';
  const cPrefix = ID_PREFIXES.conversation;
  const opens = (path: string) => (conversationPaste ? { opens: path } : undefined);
  const says = (message: string) => (conversationPaste ? { says: message } : undefined);
  const startsWith = `starts with "${prefix}"`;
  const otherKinds = (Object.keys(ID_PREFIXES) as IdKind[]).filter((k) => k !== kind);

  const entries: Array<HostileId & { paste?: HostileId['paste'] }> = [
    // Path traversal, plain (encoded here, so it reaches the validator whole) and pre-encoded.
    {
      label: 'path traversal ../../../v3/OperatorResults',
      raw: '../../../v3/OperatorResults',
      encoding: 'encode',
      problem: startsWith,
      paste: says(`A conversation ID starts with "${cPrefix}".`),
    },
    { label: 'path traversal ../', raw: '../', encoding: 'encode', problem: startsWith, paste: says('starts with') },
    {
      label: 'path traversal after the prefix',
      raw: `${prefix}../../v3/Conversations`,
      encoding: 'encode',
      problem: 'is "."',
      paste: says('Too short'),
    },
    {
      label: 'path traversal ..%2F (encoded slash)',
      raw: '..%2F..%2Fstatus',
      encoding: 'verbatim',
      problem: startsWith,
      paste: says('starts with'),
    },
    {
      label: 'path traversal %2e%2e%2f (encoded dots and slash)',
      raw: '%2e%2e%2f%2e%2e%2fstatus',
      encoding: 'verbatim',
      problem: startsWith,
      paste: says('starts with'),
    },
    {
      label: 'path traversal ..%252f (double-encoded slash)',
      raw: '..%252f..%252fstatus',
      encoding: 'verbatim',
      problem: startsWith,
      paste: says('starts with'),
    },
    {
      label: 'path traversal ..\\ (backslashes)',
      raw: '..\\..\\status',
      encoding: 'encode',
      problem: startsWith,
      paste: says('starts with'),
    },
    {
      label: 'path traversal %2e%2e%5c (encoded backslash)',
      raw: '%2e%2e%5c%2e%2e%5cstatus',
      encoding: 'verbatim',
      problem: startsWith,
      paste: says('starts with'),
    },
    {
      label: 'an encoded slash inside a valid ID',
      raw: `${valid.slice(0, -5)}%2F${valid.slice(-4)}`,
      encoding: 'verbatim',
      problem: 'is "/"',
      paste: says('is "%"'),
    },
    {
      label: 'a dot segment ..',
      raw: '..',
      encoding: 'verbatim',
      routerCannotMatch: 'URL parsing resolves the dot segment, so the path loses its ID segment',
      paste: says('starts with'),
    },
    {
      label: 'an encoded dot segment %2e%2e',
      raw: '%2e%2e',
      encoding: 'verbatim',
      routerCannotMatch: 'the URL standard treats %2e%2e as a dot segment and resolves it away',
      paste: says('starts with'),
    },

    // Unicode look-alikes and invisible characters.
    {
      label: 'a Cyrillic о in the prefix',
      raw: valid.replace('o', '\u043e'),
      encoding: 'encode',
      problem: startsWith,
      paste: says('A conversation ID starts with "conv_conversation_".'),
    },
    {
      label: 'a Cyrillic а in the suffix',
      raw: replaceAt(valid, prefix.length + 3, '\u0430'),
      encoding: 'encode',
      problem: 'U+0430, not a plain ASCII character',
      paste: says('U+0430, not a plain ASCII character'),
    },
    {
      label: 'a Cyrillic с as the first letter',
      raw: replaceAt(valid, 0, '\u0441'),
      encoding: 'encode',
      problem: startsWith,
      paste: says('A conversation ID starts with "conv_conversation_".'),
    },
    {
      label: 'fullwidth digits in the suffix',
      raw: prefix + '\uff10\uff11' + suffix.slice(2),
      encoding: 'encode',
      problem: 'U+FF10, not a plain ASCII character',
      paste: says('U+FF10, not a plain ASCII character'),
    },
    {
      label: 'a fullwidth letter in the prefix',
      raw: replaceAt(valid, 0, '\uff43'),
      encoding: 'encode',
      problem: startsWith,
      paste: says('starts with'),
    },
    {
      label: 'a zero-width space after the prefix',
      raw: `${prefix}\u200b${suffix}`,
      encoding: 'encode',
      problem: 'U+200B',
      paste: says('U+200B'),
    },
    {
      label: 'a zero-width space at the end',
      raw: `${valid}\u200b`,
      encoding: 'encode',
      problem: 'U+200B',
      paste: says('U+200B'),
    },
    {
      label: 'a right-to-left override inside',
      raw: `${prefix}\u202e${suffix}`,
      encoding: 'encode',
      problem: 'U+202E',
      paste: says('U+202E'),
    },
    {
      label: 'a right-to-left override in front',
      raw: `\u202e${valid}`,
      encoding: 'encode',
      problem: startsWith,
      // The paste box finds the ID inside the text around it.
      paste: opens(`/conversations/${valid}`),
    },
    {
      label: 'a combining accent on a letter',
      raw: `${prefix}${suffix.slice(0, 4)}\u0301${suffix.slice(4, 25)}`,
      encoding: 'encode',
      problem: 'U+0301',
      paste: says('U+0301'),
    },
    {
      label: 'an emoji in the suffix',
      raw: `${prefix}\u{1f600}${suffix.slice(1)}`,
      encoding: 'encode',
      problem: 'U+1F600',
      paste: says('U+1F600'),
    },

    // Case.
    {
      label: 'all upper case',
      raw: valid.toUpperCase(),
      encoding: 'encode',
      problem: 'is all lower case',
      paste: says('A conversation ID is all lower case'),
    },
    {
      label: 'an upper-case suffix',
      raw: prefix + suffix.toUpperCase(),
      encoding: 'encode',
      problem: 'IDs are all lower case.',
      paste: says('IDs are all lower case.'),
    },

    // Wrong prefix: other kinds of ID in this slot, and near misses.
    ...otherKinds.map((other) => {
      const value = VALID_IDS[other];
      const otherLabel = ID_LABELS[other];
      const article = /^[aeiou]/i.test(otherLabel) ? 'an' : 'a';
      return {
        label: `a valid ${otherLabel} in the ${kind} slot`,
        raw: value,
        encoding: 'encode' as const,
        // `intelligence_operatorresult_` is not `intelligence_operator_` plus anything, and vice versa.
        problem: kind === 'operator' && other === 'operatorResult' ? startsWith : `This is ${article} ${otherLabel}`,
        paste:
          other === 'operatorResult'
            ? opens(`/operator-results/${value}`)
            : says(`This is ${article} ${otherLabel}, not a conversation ID.`),
      };
    }),
    {
      label: 'a prefix missing its last letter',
      raw: `${prefix.slice(0, -2)}_${suffix}`,
      encoding: 'encode',
      problem: startsWith,
      paste: says('A conversation ID starts with "conv_conversation_".'),
    },
    {
      label: 'conv_conversatio_ (a letter short)',
      raw: `conv_conversatio_${suffix}`,
      encoding: 'encode',
      problem: startsWith,
      paste: says('A conversation ID starts with "conv_conversation_".'),
    },
    {
      label: 'a plural prefix',
      raw: `${prefix.slice(0, -1)}s_${suffix}`,
      encoding: 'encode',
      problem: startsWith,
      paste: says('A conversation ID starts with "conv_conversation_".'),
    },
    {
      label: 'no prefix at all',
      raw: suffix,
      encoding: 'encode',
      problem: startsWith,
      paste: says('A conversation ID starts with "conv_conversation_".'),
    },
    {
      label: 'the prefix alone',
      raw: prefix,
      encoding: 'encode',
      problem: 'Too short',
      paste: says('this has 0'),
    },

    // Length and the first character.
    {
      label: 'overlong: 27 characters after the prefix',
      raw: `${valid}0`,
      encoding: 'encode',
      problem: 'Too long',
      paste: says('Too long: "conv_conversation_" must be followed by exactly 26 characters, and this has 27.'),
    },
    {
      label: 'overlong: 10,000 characters',
      raw: prefix + '0'.repeat(10_000 - prefix.length),
      encoding: 'encode',
      problem: 'Too long',
      paste: says(`and this has ${10_000 - cPrefix.length}`),
    },
    {
      label: 'too short by one',
      raw: valid.slice(0, -1),
      encoding: 'encode',
      problem: 'Too short',
      paste: says('and this has 25.'),
    },
    {
      label: 'a first character of 8 (beyond the 128-bit range)',
      raw: `${prefix}8${suffix.slice(1)}`,
      encoding: 'encode',
      problem: 'must be a digit from 0 to 7',
      paste: says('must be a digit from 0 to 7, not "8"'),
    },

    // Empty and blank.
    {
      label: 'empty',
      raw: '',
      encoding: 'encode',
      routerCannotMatch: 'an empty path segment leaves no ID for the route to capture',
      paste: says('Paste a conversation ID, or a link that contains one.'),
    },
    {
      label: 'a space',
      raw: ' ',
      encoding: 'encode',
      problem: startsWith,
      paste: says('Paste a conversation ID, or a link that contains one.'),
    },
    { label: '%20 (an encoded space)', raw: '%20', encoding: 'verbatim', problem: startsWith, paste: says('starts with') },
    { label: '%00 (an encoded null byte)', raw: '%00', encoding: 'verbatim', problem: startsWith, paste: says('starts with') },
    {
      label: 'a tab',
      raw: '\t',
      encoding: 'encode',
      problem: startsWith,
      paste: says('Paste a conversation ID, or a link that contains one.'),
    },
    {
      label: 'whitespace around a valid ID',
      raw: ` ${valid}\t`,
      encoding: 'encode',
      problem: startsWith,
      // Documented: the paste box trims whitespace. The URL does not.
      paste: opens(`/conversations/${valid}`),
    },

    // Query and fragment injection.
    {
      label: 'a valid ID with ?x=1',
      raw: `${valid}?x=1`,
      encoding: 'encode',
      problem: 'is "?"',
      // Documented: the paste box reads an ID out of a link, query and all.
      paste: opens(`/conversations/${valid}`),
    },
    {
      label: 'a valid ID with %3Fx%3D1 (an encoded query)',
      raw: `${valid}%3Fx%3D1`,
      encoding: 'verbatim',
      problem: 'is "?"',
      paste: says('is "%"'),
    },
    {
      label: 'a valid ID with %23frag (an encoded fragment)',
      raw: `${valid}%23frag`,
      encoding: 'verbatim',
      problem: 'is "#"',
      paste: says('is "%"'),
    },
    {
      label: 'a valid ID with #frag',
      raw: `${valid}#frag`,
      encoding: 'encode',
      problem: 'is "#"',
      paste: opens(`/conversations/${valid}`),
    },
    {
      label: 'a valid ID with an encoded extra query parameter',
      raw: `${valid}%26pageSize%3D1000`,
      encoding: 'verbatim',
      problem: 'is "&"',
      paste: says('is "%"'),
    },
    {
      label: 'a valid ID with a ;matrix parameter',
      raw: `${valid};x=1`,
      encoding: 'encode',
      problem: 'is ";"',
      paste: opens(`/conversations/${valid}`),
    },
    {
      label: 'a valid ID with a path after it',
      raw: `${valid}/Communications`,
      encoding: 'encode',
      problem: 'is "/"',
      paste: opens(`/conversations/${valid}`),
    },

    // CR/LF (header and log injection) and null bytes.
    {
      label: 'a valid ID with %0d%0a and a header',
      raw: `${valid}%0d%0aSet-Cookie:%20x=1`,
      encoding: 'verbatim',
      problem: 'a control character (U+000D)',
      paste: says('is "%"'),
    },
    {
      label: 'a valid ID with CR LF and a header',
      raw: `${valid}\r\nX-Injected: 1`,
      encoding: 'encode',
      problem: 'a control character (U+000D)',
      // A text input drops line breaks, so the box holds `<id>X-Injected: 1`.
      paste: says('is "X"'),
    },
    {
      label: 'a line feed inside',
      raw: `${prefix}\n${suffix}`,
      encoding: 'encode',
      problem: 'a control character (U+000A)',
      // A text input drops line breaks, so the box holds the valid ID: it is opened, as typed.
      paste: opens(`/conversations/${valid}`),
    },
    {
      label: 'a Unicode line separator inside',
      raw: `${prefix}\u2028${suffix}`,
      encoding: 'encode',
      problem: 'U+2028',
      // The paste box ends an ID at any whitespace, U+2028 included, so it reads the bare prefix.
      paste: says('this has 0'),
    },
    {
      label: 'a null byte at the end',
      raw: `${valid}\u0000`,
      encoding: 'encode',
      problem: 'a control character (U+0000)',
      paste: says('a control character (U+0000)'),
    },
    {
      label: 'an encoded null byte inside',
      raw: `${prefix}%00${suffix}`,
      encoding: 'verbatim',
      problem: 'a control character (U+0000)',
      paste: says('is "%"'),
    },
    {
      label: 'a DEL character inside',
      raw: `${prefix}\u007f${suffix.slice(1)}`,
      encoding: 'encode',
      problem: 'a control character (U+007F)',
      paste: says('a control character (U+007F)'),
    },

    // Markup, script URLs and templates.
    {
      label: '<script>',
      raw: '<script>alert(1)</script>',
      encoding: 'encode',
      problem: startsWith,
      paste: says('A conversation ID starts with "conv_conversation_".'),
    },
    {
      label: 'the prefix and an <img onerror>',
      raw: `${prefix}<img src=x onerror=alert(1)>`,
      encoding: 'encode',
      problem: 'is "<"',
      paste: says('this has 0'),
    },
    {
      label: 'an attribute breakout',
      raw: '"><svg onload=alert(1)>',
      encoding: 'encode',
      problem: startsWith,
      paste: says('starts with'),
    },
    {
      label: 'a javascript: URL',
      raw: 'javascript:alert(document.cookie)',
      encoding: 'encode',
      problem: startsWith,
      paste: says('starts with'),
    },
    {
      label: 'a template expression',
      raw: "{{constructor.constructor('alert(1)')()}}",
      encoding: 'encode',
      problem: startsWith,
      paste: says('starts with'),
    },
    { label: 'a template literal', raw: '${7*7}', encoding: 'encode', problem: startsWith, paste: says('starts with') },

    // SQL-ish and JSON-ish.
    { label: "SQL: ' OR '1'='1", raw: "' OR '1'='1", encoding: 'encode', problem: startsWith, paste: says('starts with') },
    {
      label: 'SQL: a valid ID and a comment',
      raw: `${valid}' OR 1=1--`,
      encoding: 'encode',
      problem: `is "'"`,
      paste: opens(`/conversations/${valid}`),
    },
    {
      label: 'SQL: DROP TABLE',
      raw: '1; DROP TABLE conversations;--',
      encoding: 'encode',
      problem: startsWith,
      paste: says('starts with'),
    },
    {
      label: 'JSON: an operator object',
      raw: '{"$ne":null}',
      encoding: 'encode',
      problem: startsWith,
      paste: says('starts with'),
    },
    {
      label: 'JSON: an array holding a valid ID',
      raw: `["${valid}"]`,
      encoding: 'encode',
      problem: startsWith,
      paste: opens(`/conversations/${valid}`),
    },
    { label: 'JSON: __proto__', raw: '__proto__', encoding: 'encode', problem: startsWith, paste: says('starts with') },
    {
      label: 'JSON: a constructor prototype path',
      raw: 'constructor%2Fprototype',
      encoding: 'verbatim',
      problem: startsWith,
      paste: says('starts with'),
    },

    // Other shapes.
    {
      label: 'two valid IDs separated by a comma',
      raw: `${valid},${valid}`,
      encoding: 'encode',
      problem: 'is ","',
      paste: opens(`/conversations/${valid}`),
    },
    { label: 'a wildcard', raw: '*', encoding: 'encode', problem: startsWith, paste: says('starts with') },
    { label: 'a lone percent sign', raw: '%', encoding: 'encode', problem: startsWith, paste: says('starts with') },
    {
      label: 'a link to another host holding a valid ID',
      raw: `https://evil.example/${valid}`,
      encoding: 'encode',
      problem: startsWith,
      paste: opens(`/conversations/${valid}`),
    },
  ];
  return entries.map(({ paste, ...entry }) => (paste === undefined ? entry : { ...entry, paste }));
}

/** The conversation corpus: what a conversation link or the paste box may be given. */
export const hostileIds: HostileId[] = hostileIdsFor('conversation');
