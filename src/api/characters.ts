/**
 * One character of an ID as a person can read it in a message: control characters, spaces and
 * look-alikes from outside ASCII are named by their code point, since they print as nothing or as
 * something else.
 */
export function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code < 0x20 || code === 0x7f) return `a control character (${hex})`;
  if (ch === ' ') return 'a space';
  if (code > 0x7e) return `"${ch}" (${hex}, not a plain ASCII character)`;
  return `"${ch}"`;
}
