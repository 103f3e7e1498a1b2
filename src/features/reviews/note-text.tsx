/**
 * Plain text with its web addresses as links. Only http and https become links (never
 * `javascript:` or `data:`); everything is rendered as text, so nothing in a note is markup.
 */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;
/** Punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?)\]'\u2019]+$/;

export function linkParts(text: string): Array<{ text: string; href: string | null }> {
  const parts: Array<{ text: string; href: string | null }> = [];
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0].replace(TRAILING, '');
    let href: string | null = null;
    try {
      const url = new URL(raw);
      if (url.protocol === 'http:' || url.protocol === 'https:') href = url.href;
    } catch {
      href = null;
    }
    if (!href) continue;
    if (match.index > at) parts.push({ text: text.slice(at, match.index), href: null });
    parts.push({ text: raw, href });
    at = match.index + raw.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), href: null });
  return parts;
}

export function NoteText({ text }: { text: string }) {
  return (
    <p className="text-sm whitespace-pre-wrap text-slate-900 [overflow-wrap:anywhere] dark:text-slate-100">
      {linkParts(text).map((part, index) =>
        part.href ? (
          <a
            key={index}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="text-sky-800 underline dark:text-sky-300"
          >
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
