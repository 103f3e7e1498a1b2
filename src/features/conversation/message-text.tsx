import { memo } from 'react';
import { markTerms, type Term } from '../../lib/mark-terms';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;
const NO_TERMS: readonly Term[] = [];

/** Only http(s) URLs become links, opened without a referrer or an opener. */
function Linkified({ text }: { text: string }) {
  const parts: Array<string | { url: string }> = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ url: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <a
            key={i}
            href={part.url}
            target="_blank"
            rel="noopener noreferrer"
            className="underline decoration-1 underline-offset-2"
          >
            {part.url}
          </a>
        ),
      )}
    </>
  );
}

/** Message text with line breaks kept, links, and terms (extracted entities) marked with their label. */
export const MessageText = memo(function MessageText({ text, terms = NO_TERMS }: { text: string; terms?: readonly Term[] }) {
  return (
    <>
      {markTerms(text, terms).map((part, i) =>
        part.term ? (
          <mark
            key={i}
            tabIndex={0}
            title={part.term.label}
            className="group relative rounded bg-amber-200 px-0.5 text-slate-950 focus-visible:outline-2 dark:bg-amber-300"
          >
            {part.text}
            <span className="sr-only"> ({part.term.label})</span>
            <span
              aria-hidden="true"
              className="pointer-events-none absolute bottom-full left-0 z-10 mb-1 hidden rounded bg-slate-900 px-1.5 py-0.5 text-[0.65rem] font-semibold whitespace-nowrap text-white group-hover:block group-focus:block dark:bg-white dark:text-slate-900"
            >
              {part.term.label}
            </span>
          </mark>
        ) : (
          <Linkified key={i} text={part.text} />
        ),
      )}
    </>
  );
});
