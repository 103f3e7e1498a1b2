import { Fragment, memo, type ReactNode } from 'react';
import { markTerms, type Term } from '../../lib/mark-terms';
import type { Match } from '../../lib/search';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;

type Range = { start: number; end: number };
type Segment = { text: string; link?: string; term?: Term; termEnds?: boolean; match?: number };

function termRanges(text: string, terms: readonly Term[]): Array<Range & { term: Term }> {
  const ranges: Array<Range & { term: Term }> = [];
  let at = 0;
  for (const part of markTerms(text, terms)) {
    if (part.term) ranges.push({ start: at, end: at + part.text.length, term: part.term });
    at += part.text.length;
  }
  return ranges;
}

/** Splits text wherever a link, an entity mark or a search match starts or ends. */
export function segment(text: string, terms: readonly Term[], matches: readonly Match[]): Segment[] {
  const links = [...text.matchAll(URL_PATTERN)].map((m) => ({ start: m.index, end: m.index + m[0].length, url: m[0] }));
  const marks = termRanges(text, terms);
  const cuts = new Set([0, text.length]);
  for (const range of [...links, ...marks, ...matches]) {
    cuts.add(range.start);
    cuts.add(range.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const inside = (r: Range) => r.start <= start && end <= r.end;
    const link = links.find(inside);
    const mark = marks.find(inside);
    const match = matches.findIndex(inside);
    segments.push({
      text: text.slice(start, end),
      link: link?.url,
      term: mark?.term,
      termEnds: mark ? mark.end === end : undefined,
      match: match === -1 ? undefined : match,
    });
  }
  return segments;
}

const NONE: readonly never[] = [];

/**
 * Text with its decorations: http(s) URLs as links (no referrer, no opener), extracted entities
 * marked with their label on hover and focus, and search matches highlighted (the current one
 * more strongly). React escapes every piece, so nothing in the text becomes markup.
 */
export const HighlightedText = memo(function HighlightedText({
  text,
  terms = NONE,
  matches = NONE,
  current = -1,
}: {
  text: string;
  terms?: readonly Term[];
  matches?: readonly Match[];
  /** Index into `matches` of the match the find bar is on, or -1. */
  current?: number;
}) {
  if (terms.length === 0 && matches.length === 0 && !/https?:/i.test(text)) return <>{text}</>;
  return (
    <>
      {segment(text, terms, matches).map((part, i) => {
        let node: ReactNode = part.text;
        if (part.match !== undefined) {
          node = (
            <mark
              data-match={part.match === current ? 'current' : 'match'}
              className={
                part.match === current
                  ? 'rounded-sm bg-orange-400 text-slate-950 outline-2 outline-orange-600 dark:bg-orange-300'
                  : 'rounded-sm bg-yellow-200 text-slate-950 dark:bg-yellow-300'
              }
            >
              {node}
            </mark>
          );
        }
        if (part.term) {
          node = (
            <mark
              tabIndex={0}
              title={part.term.label}
              className="group relative rounded bg-amber-200 px-0.5 text-slate-950 focus-visible:outline-2 dark:bg-amber-300"
            >
              {node}
              {part.termEnds && (
                <>
                  <span className="sr-only"> ({part.term.label})</span>
                  <span
                    aria-hidden="true"
                    className="pointer-events-none absolute bottom-full left-0 z-10 mb-1 hidden rounded bg-slate-900 px-1.5 py-0.5 text-[0.65rem] font-semibold whitespace-nowrap text-white group-hover:block group-focus:block dark:bg-white dark:text-slate-900"
                  >
                    {part.term.label}
                  </span>
                </>
              )}
            </mark>
          );
        }
        if (part.link) {
          node = (
            <a href={part.link} target="_blank" rel="noopener noreferrer" className="underline decoration-1 underline-offset-2">
              {node}
            </a>
          );
        }
        return <Fragment key={i}>{node}</Fragment>;
      })}
    </>
  );
});
