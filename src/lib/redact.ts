/*
 * Masking for sharing: a transcript, a participant's name or address, with the contact details
 * and long numbers hidden. It is a safety net, not an anonymiser: it never hides names, street
 * addresses or numbers spoken as words ("four one one one").
 *
 * What is hidden:
 * - e-mail: local@domain.tld, the TLD at least two letters, also inside "mailto:" (which stays).
 * - phone:
 *   - international: "+" (or "(+44)", or "00" when the number has a separator) and 8 to 15
 *     digits, E.164's range, with single spaces, dots, dashes or "(0)"-style groups between
 *     them: "+14155550142", "+1 (415) 555-0142", "+44 (0)20 7946 0958", "0044 20 7946 0958".
 *   - after a channel prefix ("whatsapp:", "tel:", "sms:", "mms:", "callto:", "fax:", "viber:"),
 *     7 to 15 digits with or without "+"; the prefix stays, so the channel can still be seen.
 *   - North American: 3-3-4 with separators, the area code perhaps in parentheses, perhaps
 *     after "1": "(415) 555-0142", "415.555.0142", "1-800-555-0199".
 *   - national with a trunk "0": 9 to 11 digits in groups, one kind of separator throughout:
 *     "0871 234 567", "020 7946 0958", "(01) 234 5678", "06 12 34 56 78".
 * - card: 13 to 19 digits, as one run or in groups split by one kind of separator (space or
 *   dash): "4111 1111 1111 1111", "3782 822463 10005", "378282246310005". There is no Luhn
 *   check on purpose: a card number misheard or mistyped is still one, and the checksum would
 *   only let those through.
 * - number: any run of 8 or more digits not hidden as something above, even inside a word
 *   ("ORD-123456789" keeps "ORD-"), and digit groups of more than 19 digits in all. A phone
 *   number written as bare digits ("4155550142") cannot be told from an account number, so it
 *   is hidden as a number.
 * "Digit" means any decimal digit (\p{Nd}), not only 0-9.
 *
 * What is deliberately left alone:
 * - fewer than 8 digits in a row that fit no phone or card shape: order and case numbers
 *   ("#12345", "ORD-88213", "PG4471902IE" has a run of 7), years, counts, extensions, and
 *   7-digit local numbers ("555-0142"), which look just like references and ranges.
 * - dates, times, money, percentages, versions and IP addresses, because they are written with
 *   separators that no rule above accepts (slashes, colons, commas) or in groups too short
 *   ("2026-03-18", "18.03.2026" and "v4.1.12" have runs of at most 4). IP addresses are
 *   infrastructure in this product, not a customer's contact detail.
 * - identifiers, whole, even when they contain 8 or more digits in a row: Twilio SIDs
 *   ("CA" + 32 hex), UUIDs and Conversation Intelligence IDs ("conv_conversation_" + 26 base32,
 *   see src/api/ids.ts). They name resources, not people, the reader needs them to follow up,
 *   and a 32-hex SID has a run of 8 decimal digits by chance often enough that masking would
 *   be erratic.
 * Known over-reach: a count written straight after an international number can go with it
 * ("+1 415 555 0142 10 times"), and numbers split only by single spaces can reach 13 digits
 * and read as a card ("2019 2020 2021 2022", "415 555 0142 2026"). For sharing, hiding too
 * much is the safer mistake.
 */

export type RedactionKind = 'phone' | 'email' | 'card' | 'number';
/** Joining every part's text gives back the input, always. */
export type RedactedPart = { text: string; kind?: RedactionKind };

export const REDACTION_LABELS: Record<RedactionKind, string> = {
  phone: 'phone number hidden',
  email: 'e-mail address hidden',
  card: 'card number hidden',
  number: 'number hidden',
};

/** 'keep' marks an identifier: it is never hidden, and nothing inside it is either. */
type Kind = RedactionKind | 'keep';
type Span = { start: number; end: number; kind: Kind };
/** `length` shortens the match (trailing groups dropped); undefined rejects it. */
type Verdict = { kind: Kind; length?: number } | undefined;
type Detector = { pattern: () => RegExp; classify: (match: string) => Verdict };

/**
 * `\d` in these sources means any decimal digit, not only 0-9. Compiled on first use: Unicode
 * property classes are costly to build, and a page that never redacts should not pay for them.
 */
function pattern(source: string, flags = 'gu'): () => RegExp {
  let compiled: RegExp | undefined;
  return () => (compiled ??= new RegExp(source.replaceAll(String.raw`\d`, String.raw`\p{Nd}`), flags));
}

const countDigits = (text: string) => text.match(/\p{Nd}/gu)?.length ?? 0;

// Spaces, including the no-break ones that formatted numbers carry, and the other separators.
const SPACE = String.raw` \u00a0\u202f`;
const SEPARATOR = String.raw`[${SPACE}.\-]`;
// Not inside a word or a number, nor just after "18/", "3.", "1,", "9:" or "2026-": that is
// the tail of a date, time, decimal or range, not the start of a phone or card number.
const START = String.raw`(?<![\p{L}\p{N}_+]|\p{N}[.,/:\-])`;
const END = String.raw`(?![\p{L}\p{N}_]|[.,/:\-]\p{N})`;
// Digits, each perhaps after one separator, or a parenthesised group: "415 555-0142", "(0)20".
const PHONE_BODY = String.raw`\d(?:${SEPARATOR}?(?:\d|\(\d{1,4}\)))*`;

const EMAIL = pattern(
  String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}._%+'\-]*[\p{L}\p{N}_%+\-])?@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}\-])`,
);
const IDENTIFIER = pattern(
  String.raw`(?<![\p{L}\p{N}_\-])(?:[A-Z]{2}[0-9a-fA-F]{32}|[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}|[a-z]+(?:_[a-z]+)*_[0-7][0-9a-z]{25})(?![\p{L}\p{N}_\-])`,
);
const CHANNEL_PHONE = pattern(String.raw`(?<=\b(?:whatsapp|tel|sms|mms|callto|fax|viber):)\+?${PHONE_BODY}`, 'giu');
const INTERNATIONAL_PHONE = pattern(String.raw`${START}(?:\(\+\d{1,4}\)${SEPARATOR}?|\+|00)${PHONE_BODY}`);
const NORTH_AMERICAN_PHONE = pattern(
  String.raw`${START}(?:1${SEPARATOR}?)?(?:\(\d{3}\)${SEPARATOR}?|\d{3}${SEPARATOR})\d{3}${SEPARATOR}\d{4}${END}`,
);
// The backreference keeps one kind of separator throughout, so "01-02-2026 10" is a date and a
// count, not one ten-digit number.
const TRUNK_PHONE = pattern(String.raw`${START}\(?0\d{1,4}\)?(${SEPARATOR})\d{2,8}(?:\1\d{2,8}){0,3}(?!\p{N})`);
const DIGIT_GROUPS = pattern(String.raw`${START}\d+(?:([${SPACE}\-])\d+(?:\1\d+)*)?`);
const DIGIT_RUN = pattern(String.raw`\d{8,}`);

/**
 * Drops whole groups from the end until at most `max` digits are left, so "0871 234 567 10"
 * gives the phone number and leaves the count. Gives '' when no cut can get there.
 */
function withoutTrailingGroups(match: string, max: number): string {
  let kept = match;
  while (countDigits(kept) > max) {
    const shorter = kept.replace(/[^\p{Nd}()][\p{Nd}()]*$/u, '');
    if (shorter === kept) return '';
    kept = shorter;
  }
  return kept;
}

function phone(match: string, min: number, max: number, prefix = ''): Verdict {
  const kept = withoutTrailingGroups(match.slice(prefix.length), max);
  return countDigits(kept) >= min ? { kind: 'phone', length: prefix.length + kept.length } : undefined;
}

function international(match: string): Verdict {
  if (!match.startsWith('00')) return phone(match, 8, 15);
  // "00" is also how many plain numbers start; only a grouped one reads as a dialling prefix.
  return /[^\p{Nd}]/u.test(match) ? phone(match, 8, 15, '00') : undefined;
}

function cardOrNumber(match: string): Verdict {
  const digits = countDigits(match);
  if (digits > 19) return { kind: 'number' };
  return digits >= 13 ? { kind: 'card' } : undefined;
}

/** In order of precedence, for two candidates that start at the same place and are as long. */
const DETECTORS: Detector[] = [
  { pattern: EMAIL, classify: () => ({ kind: 'email' }) },
  { pattern: IDENTIFIER, classify: () => ({ kind: 'keep' }) },
  { pattern: CHANNEL_PHONE, classify: (match) => phone(match, 7, 15) },
  { pattern: INTERNATIONAL_PHONE, classify: international },
  { pattern: NORTH_AMERICAN_PHONE, classify: () => ({ kind: 'phone' }) },
  { pattern: TRUNK_PHONE, classify: (match) => phone(match, 9, 11) },
  { pattern: DIGIT_GROUPS, classify: cardOrNumber },
  { pattern: DIGIT_RUN, classify: () => ({ kind: 'number' }) },
];

/**
 * Leftmost, then longest, then by precedence: an identifier beats the digit run inside it, and
 * "0871 234 567 1234 5678 9012 3456" goes as one long number rather than as a phone number
 * that starts in the middle of it.
 */
function detect(text: string, taken: readonly Span[]): Span[] {
  const candidates: Array<Span & { rank: number }> = [];
  DETECTORS.forEach(({ pattern: found, classify }, rank) => {
    for (const match of text.matchAll(found())) {
      const verdict = classify(match[0]);
      if (verdict) {
        const end = match.index + (verdict.length ?? match[0].length);
        candidates.push({ start: match.index, end, kind: verdict.kind, rank });
      }
    }
  });
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const chosen: Span[] = [];
  let free = 0;
  for (const { start, end, kind } of candidates) {
    if (start < free || taken.some((span) => start < span.end && end > span.start)) continue;
    chosen.push({ start, end, kind });
    free = end;
  }
  return chosen.filter((span) => span.kind !== 'keep');
}

/** Same length as the span, and as inert as a label: no digits, no "@", bracketed. */
const placeholder = (length: number) => (length < 2 ? 'x'.repeat(length) : `[${'x'.repeat(length - 2)}]`);

/**
 * Detects again on the text with what was found blanked out, until nothing new turns up. A
 * span that lost an overlap (a card cut short by a phone number before it) can leave digits
 * that only read as sensitive once their neighbour is gone; without this, redacting the
 * redacted text would hide more, and the first pass would have shown them.
 */
function sensitiveSpans(text: string): Span[] {
  const hidden: Span[] = [];
  let view = text;
  for (let found = detect(view, hidden); found.length > 0; found = detect(view, hidden)) {
    hidden.push(...found);
    for (const span of found) {
      view = view.slice(0, span.start) + placeholder(span.end - span.start) + view.slice(span.end);
    }
  }
  return hidden.sort((a, b) => a.start - b.start);
}

/** Splits text into plain parts and parts to hide, in order; the texts join to the input. */
export function redactParts(text: string): RedactedPart[] {
  const parts: RedactedPart[] = [];
  let cursor = 0;
  for (const span of sensitiveSpans(text)) {
    if (span.kind === 'keep') continue;
    if (span.start > cursor) parts.push({ text: text.slice(cursor, span.start) });
    parts.push({ text: text.slice(span.start, span.end), kind: span.kind });
    cursor = span.end;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor) });
  return parts;
}

/** The text with each sensitive part replaced by its bracketed label, "[phone number hidden]". */
export function redactText(text: string): string {
  return redactParts(text)
    .map((part) => (part.kind ? `[${REDACTION_LABELS[part.kind]}]` : part.text))
    .join('');
}
