/** A hit in the original text: `text.slice(start, end)` is exactly what the UI should highlight. */
export type Match = { start: number; end: number };

// Combining marks: what NFKD splits off "é", "ñ", "İ" (and, less happily, Indic vowel signs and
// kana voicing marks, so searching is looser than exact in those scripts, never stricter).
const MARKS = /\p{M}/gu;

// Full case folds that toLowerCase() does not do, so "STRASSE" finds "Straße" and a word-final
// sigma finds its capital.
const EXTRA_FOLDS: Record<string, string> = { ß: 'ss', ς: 'σ' };

/**
 * Folds one code point. NFKD rather than NFD, on purpose: transcripts and pasted text carry
 * ligatures ("ﬁ"), full-width forms ("ＡＢＣ") and mathematical letters ("𝐀") that nobody
 * types into a search box. The lower-casing is locale-independent, so a Turkish browser does
 * not turn "I" into "ı" and miss every English "i".
 */
function foldChar(char: string): string {
  // Most transcript text is ASCII, which needs no normalising.
  if (char.charCodeAt(0) < 0x80) return char.toLowerCase();
  const lower = char.normalize('NFKD').toLowerCase().replace(MARKS, '');
  return EXTRA_FOLDS[lower] ?? lower;
}

/**
 * Lower-cased, accents removed, with a map back to original offsets: `origin[i]` is where the
 * code point that produced folded char `i` starts in `text`, and `origin[folded.length]` is
 * `text.length`. Folding can change lengths both ways ("İ" → "i", "ﬁ" → "fi", a combining
 * accent → nothing), which is why matches cannot be reported as offsets into `folded`.
 */
export function foldForSearch(text: string): { folded: string; origin: number[] } {
  // Most transcript text is ASCII: one folded character per original one.
  if (!NOT_ASCII.test(text)) {
    const origin = new Array<number>(text.length + 1);
    for (let i = 0; i <= text.length; i++) origin[i] = i;
    return { folded: text.toLowerCase(), origin };
  }
  const pieces: string[] = [];
  const origin: number[] = [];
  let at = 0;
  // for...of walks code points, so an emoji's two surrogates are never folded separately.
  for (const char of text) {
    const piece = foldChar(char);
    pieces.push(piece);
    for (let i = 0; i < piece.length; i++) origin.push(at);
    at += char.length;
  }
  origin.push(text.length);
  return { folded: pieces.join(''), origin };
}

const NOT_ASCII = /[^ -~\t\n\r]/;

const escapeRegExp = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The query as a pattern over folded text, or null for a blank query. Whitespace inside the query
 * matches any run of whitespace (a transcript may have a line break or two spaces where the reader
 * typed one). Compile once per query, then run it over many prepared texts.
 */
export function compileQuery(query: string): RegExp | null {
  const words = foldForSearch(query).folded.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  return new RegExp(words.map(escapeRegExp).join('\\s+'), 'g');
}

/** Every occurrence of a compiled query in a text folded once by `foldForSearch`. */
export function matchFolded({ folded, origin }: { folded: string; origin: number[] }, pattern: RegExp): Match[] {
  const matches: Match[] = [];
  pattern.lastIndex = 0;
  for (let found = pattern.exec(folded); found; found = pattern.exec(folded)) {
    let after = found.index + found[0].length;
    // A match that stops inside what one original character folded to (the "f" of "ﬁ") takes
    // the whole character: a highlight cannot cover half a ligature. The next search starts
    // after it, so matches never share a character.
    while (after < folded.length && origin[after] === origin[after - 1]) after++;
    // origin[after] is where the next folded character came from, so combining accents that
    // folded to nothing at the end of the match are highlighted with their letter.
    matches.push({ start: origin[found.index]!, end: origin[after]! });
    pattern.lastIndex = after;
  }
  return matches;
}

/**
 * Every occurrence of `query` in `text`, left to right and never overlapping, ignoring case and
 * accents (see `compileQuery` for whitespace). A blank query matches nothing.
 */
export function findMatches(text: string, query: string): Match[] {
  const pattern = compileQuery(query);
  return pattern ? matchFolded(foldForSearch(text), pattern) : [];
}
