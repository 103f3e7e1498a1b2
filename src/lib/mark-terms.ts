export type Term = { text: string; label: string };
export type TextPart = { text: string; term?: Term };

/**
 * Splits text at every case-insensitive occurrence of a term. Longer terms win where two overlap,
 * so "14 Harbour View, Cobh" is not cut by "Cobh".
 */
export function markTerms(text: string, terms: readonly Term[]): TextPart[] {
  if (terms.length === 0) return [{ text }];
  const lower = text.toLocaleLowerCase();
  const taken: Array<{ start: number; end: number; term: Term }> = [];
  const byLength = terms.filter((t) => t.text.trim()).sort((a, b) => b.text.length - a.text.length);
  for (const term of byLength) {
    const needle = term.text.toLocaleLowerCase();
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
      const end = at + needle.length;
      if (!taken.some((t) => at < t.end && end > t.start)) taken.push({ start: at, end, term });
    }
  }
  taken.sort((a, b) => a.start - b.start);
  const parts: TextPart[] = [];
  let cursor = 0;
  for (const mark of taken) {
    if (mark.start > cursor) parts.push({ text: text.slice(cursor, mark.start) });
    parts.push({ text: text.slice(mark.start, mark.end), term: mark.term });
    cursor = mark.end;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor) });
  return parts;
}
