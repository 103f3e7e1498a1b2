import { describe, expect, it } from 'vitest';
import { findMatches, foldForSearch } from './search';

/** What the UI would highlight. */
const hits = (text: string, query: string) => findMatches(text, query).map((m) => text.slice(m.start, m.end));

/** Folded, with whitespace runs collapsed: how a query compares to what it matched. */
const normal = (text: string) => foldForSearch(text).folded.trim().replace(/\s+/g, ' ');

describe('foldForSearch', () => {
  it('lower-cases and drops accents, mapping every folded char back to its original', () => {
    expect(foldForSearch('Café')).toEqual({ folded: 'cafe', origin: [0, 1, 2, 3, 4] });
  });

  it('maps a decomposed accent to nothing, and keeps the offsets after it right', () => {
    // "e" + COMBINING ACUTE ACCENT: five code units, four folded chars.
    expect(foldForSearch('Cafe\u0301!')).toEqual({ folded: 'cafe!', origin: [0, 1, 2, 3, 5, 6] });
  });

  it('folds "İ", which toLowerCase() turns into two code units, to one', () => {
    expect('İ'.toLowerCase()).toHaveLength(2);
    expect(foldForSearch('İz')).toEqual({ folded: 'iz', origin: [0, 1, 2] });
  });

  it('expands ligatures (NFKD), pointing every piece at the one original character', () => {
    expect(foldForSearch('ﬁx')).toEqual({ folded: 'fix', origin: [0, 0, 1, 2] });
    expect(foldForSearch('Straße').folded).toBe('strasse');
  });

  it('walks code points, so astral characters move the offsets by two', () => {
    expect(foldForSearch('👍a')).toEqual({ folded: '👍a', origin: [0, 0, 2, 3] });
    expect(foldForSearch('𝐀b')).toEqual({ folded: 'ab', origin: [0, 2, 3] });
  });

  it('gives an empty string an origin of just its end', () => {
    expect(foldForSearch('')).toEqual({ folded: '', origin: [0] });
  });
});

describe('findMatches', () => {
  it('ignores case', () => {
    expect(findMatches('I want a refund.', 'REFUND')).toEqual([{ start: 9, end: 15 }]);
    expect(hits('REFUND please', 'refund')).toEqual(['REFUND']);
  });

  it('ignores accents in the text and in the query', () => {
    expect(hits('Meet at the Café.', 'cafe')).toEqual(['Café']);
    expect(hits('MEET AT THE CAFE.', 'café')).toEqual(['CAFE']);
    expect(hits('Señor Núñez', 'nunez')).toEqual(['Núñez']);
  });

  it('highlights a decomposed accent with its letter', () => {
    expect(hits('cafe\u0301 au lait', 'café')).toEqual(['cafe\u0301']);
    expect(hits('at the cafe\u0301', 'CAFE')).toEqual(['cafe\u0301']);
  });

  it('keeps offsets right after characters that change length when folded', () => {
    // Naively lower-casing first would put "ok" at 5, not 3.
    expect('İİ ok'.toLowerCase().indexOf('ok')).toBe(5);
    expect(findMatches('İİ ok', 'ok')).toEqual([{ start: 3, end: 5 }]);
    expect(hits('Welcome to İstanbul!', 'istanbul')).toEqual(['İstanbul']);
    expect(hits('istanbul and ISTANBUL', 'İstanbul')).toEqual(['istanbul', 'ISTANBUL']);
    expect(hits('Die Straße ist lang', 'STRASSE')).toEqual(['Straße']);
  });

  it('matches inside ligatures, highlighting whole characters only', () => {
    expect(hits('the ﬁnal oﬀer', 'final')).toEqual(['ﬁnal']);
    expect(hits('the ﬁnal oﬀer', 'offer')).toEqual(['oﬀer']);
    // Half a ligature cannot be highlighted, so the whole one is, and only once.
    expect(findMatches('ﬃ', 'f')).toEqual([{ start: 0, end: 1 }]);
  });

  it('keeps offsets right after emoji and other astral characters', () => {
    const text = '👍🏽 Thanks! 🎉 I got the refund 𝐑𝐄𝐅𝐔𝐍𝐃';
    const matches = findMatches(text, 'refund');
    expect(matches).toEqual([
      { start: 26, end: 32 },
      { start: 33, end: 45 },
    ]);
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['refund', '𝐑𝐄𝐅𝐔𝐍𝐃']);
  });

  it('never overlaps: the next search starts after the previous match', () => {
    expect(findMatches('aaaa', 'aaa')).toEqual([{ start: 0, end: 3 }]);
    expect(findMatches('aaaaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 4, end: 6 },
    ]);
  });

  it('finds every occurrence, left to right', () => {
    expect(findMatches('Order, order, ORDER.', 'order')).toEqual([
      { start: 0, end: 5 },
      { start: 7, end: 12 },
      { start: 14, end: 19 },
    ]);
  });

  it('lets whitespace in the query match any run of whitespace', () => {
    const text = 'two  spaces\nand newline';
    expect(hits(text, 'two spaces and newline')).toEqual([text]);
    expect(hits(text, 'spaces   AND')).toEqual(['spaces\nand']);
    expect(hits('no\u00a0break', 'no break')).toEqual(['no\u00a0break']);
    // ...but whitespace is still required where the query has it.
    expect(findMatches('twospaces', 'two spaces')).toEqual([]);
  });

  it('trims the query, and matches nothing for a blank one', () => {
    expect(hits('a refund, then', '  refund \n')).toEqual(['refund']);
    expect(findMatches('anything', '')).toEqual([]);
    expect(findMatches('anything', ' \t\n ')).toEqual([]);
    // A lone accent folds to nothing, so it is blank too.
    expect(findMatches('anything', '\u0301')).toEqual([]);
  });

  it('treats the query literally, not as a pattern', () => {
    expect(hits('costs $149.00 (ex. VAT)', '$149.00 (ex.')).toEqual(['$149.00 (ex.']);
    expect(findMatches('a+b', 'a.b')).toEqual([]);
    expect(findMatches('ab', '[ab]')).toEqual([]);
  });

  it('finds nothing in an empty text', () => {
    expect(findMatches('', 'refund')).toEqual([]);
  });

  it('returns slices of the original that fold back to the query', () => {
    const cases: Array<[string, string]> = [
      ['Meet at the Café, then the CAFE, then the cafe\u0301.', 'café'],
      ['👍🏽 İstanbul, ISTANBUL, istanbul 🎉', 'İSTANBUL'],
      ['Refund\n\nrequested  for ORD-88213; refund requested again', 'refund requested'],
      ['ＦＵＬＬ width and full width', 'full width'],
      ['Ｓtraße and STRASSE', 'strasse'],
      ['Ελληνικά: ΟΔΟΣ και οδος', 'οδος'],
    ];
    for (const [text, query] of cases) {
      const matches = findMatches(text, query);
      expect(matches.length, `${query} in ${text}`).toBeGreaterThan(1);
      for (const m of matches) expect(normal(text.slice(m.start, m.end))).toBe(normal(query));
    }
  });
});
