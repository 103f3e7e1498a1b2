/**
 * Twilio Conversation Intelligence v3 identifiers ("TTIDs"): a typed prefix followed by
 * 26 lowercase base32 characters, the first of which is 0-7 (ULID-like). Patterns are the
 * ones the v3 OpenAPI spec declares; we are strict on them because every ID ends up in an
 * upstream URL.
 */
export const ID_SUFFIX_LENGTH = 26;

export const ID_PREFIXES = {
  conversation: 'conv_conversation_',
  participant: 'conv_participant_',
  communication: 'conv_communication_',
  operatorResult: 'intelligence_operatorresult_',
  operator: 'intelligence_operator_',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const SUFFIX = '[0-7][0-9a-z]{25}';

export const ID_PATTERNS: Record<IdKind, RegExp> = {
  conversation: new RegExp(`^${ID_PREFIXES.conversation}${SUFFIX}$`),
  participant: new RegExp(`^${ID_PREFIXES.participant}${SUFFIX}$`),
  communication: new RegExp(`^${ID_PREFIXES.communication}${SUFFIX}$`),
  operatorResult: new RegExp(`^${ID_PREFIXES.operatorResult}${SUFFIX}$`),
  operator: new RegExp(`^${ID_PREFIXES.operator}${SUFFIX}$`),
};

export const ID_LABELS: Record<IdKind, string> = {
  conversation: 'conversation ID',
  participant: 'participant ID',
  communication: 'communication ID',
  operatorResult: 'operator result ID',
  operator: 'operator ID',
};

export function isId(kind: IdKind, value: string): boolean {
  return ID_PATTERNS[kind].test(value);
}

export type IdCheck = { ok: true; id: string } | { ok: false; problem: string };

/** A character as a message names it: printable ones quoted, the others by their code point. */
export function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  if (ch === ' ') return 'a space';
  if (code > 0x7e) return `"${ch}" (U+${code.toString(16).toUpperCase().padStart(4, '0')}, not a plain ASCII character)`;
  return `"${ch}"`;
}

/**
 * Says precisely what is wrong with a candidate ID: its prefix, its length or its characters.
 * The messages are meant for people, so they name the position and the offending character.
 */
export function checkId(kind: IdKind, raw: string): IdCheck {
  const prefix = ID_PREFIXES[kind];
  const label = ID_LABELS[kind];
  const value = raw;
  const a = article(label);
  if (value.length === 0) return { ok: false, problem: `Enter ${a} ${label}.` };
  if (!value.startsWith(prefix)) {
    const otherKind = (Object.keys(ID_PREFIXES) as IdKind[]).find((k) => k !== kind && value.startsWith(ID_PREFIXES[k]));
    if (otherKind) {
      return {
        ok: false,
        problem: `This is ${article(ID_LABELS[otherKind])} ${ID_LABELS[otherKind]}, not ${a} ${label}. ${capitalise(a)} ${label} starts with "${prefix}".`,
      };
    }
    if (value.toLowerCase().startsWith(prefix)) {
      return { ok: false, problem: `${capitalise(a)} ${label} is all lower case: it starts with "${prefix}".` };
    }
    return { ok: false, problem: `${capitalise(a)} ${label} starts with "${prefix}".` };
  }
  const suffix = value.slice(prefix.length);
  const chars = Array.from(suffix);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (!/[0-9a-z]/.test(ch)) {
      const hint = /[A-Z]/.test(ch) ? ' IDs are all lower case.' : '';
      return {
        ok: false,
        problem: `Character ${prefix.length + i + 1} is ${describeChar(ch)}: after "${prefix}" only lower-case letters and digits are allowed.${hint}`,
      };
    }
  }
  if (chars.length !== ID_SUFFIX_LENGTH) {
    const which = chars.length < ID_SUFFIX_LENGTH ? 'short' : 'long';
    return {
      ok: false,
      problem: `Too ${which}: "${prefix}" must be followed by exactly ${ID_SUFFIX_LENGTH} characters, and this has ${chars.length}.`,
    };
  }
  if (!/[0-7]/.test(chars[0]!)) {
    return { ok: false, problem: `The first character after "${prefix}" must be a digit from 0 to 7, not "${chars[0]}".` };
  }
  return { ok: true, id: value };
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const CANDIDATE = /(conv_conversation_|intelligence_operatorresult_)[^\s/?#&"'<>.,;:)\]}]*/gi;

export type LookupTarget = { ok: true; kind: 'conversation' | 'operatorResult'; id: string } | { ok: false; problem: string };

/**
 * Reads what a person pasted: a bare ID, a URL that contains one, or a line of text around one.
 * Whitespace is trimmed; the first ID-looking token wins; anything else is validated as a
 * conversation ID so the message says what is wrong with it.
 */
export function parseLookupInput(input: string): LookupTarget {
  const text = input.trim();
  if (text.length === 0) return { ok: false, problem: 'Paste a conversation ID, or a link that contains one.' };
  const matches = [...text.matchAll(CANDIDATE)].map((m) => m[0]);
  const candidate = matches[0];
  if (candidate === undefined) {
    const check = checkId('conversation', text);
    return check.ok ? { ok: true, kind: 'conversation', id: check.id } : check;
  }
  const kind: IdKind = candidate.toLowerCase().startsWith(ID_PREFIXES.operatorResult) ? 'operatorResult' : 'conversation';
  const check = checkId(kind, candidate);
  if (!check.ok) return check;
  return { ok: true, kind, id: check.id };
}

/**
 * What an ID found in an answer names, judged by its pattern: null for a value this viewer cannot
 * open (a Call SID, say, or a reference in a shape the API did not use before). Only a value that
 * passes its pattern ever becomes a link or a request.
 */
export function idKindOf(value: string): IdKind | null {
  for (const kind of Object.keys(ID_PATTERNS) as IdKind[]) if (ID_PATTERNS[kind].test(value)) return kind;
  return null;
}
