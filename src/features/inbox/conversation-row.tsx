import { memo, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ConversationListItem } from '../../api/conversation';
import { Badge } from '../../components/badge';
import { ChannelBadge, StatusBadge } from '../../components/conversation-badges';
import { UNTITLED_CONVERSATION } from '../../lib/conversation-title';
import { typeLabel, UNKNOWN_NAME } from '../../lib/participant-directory';
import { ResultCell } from './result-cell';
import { ReviewStatusCell } from './review-status-cell';
import { formatDuration, formatRelative, type Zone, type ZoneFormat } from '../../lib/time';

/** Each column's track and its narrowest width in rem: the name, status, channels, start, duration, results, review. */
const TRACKS: ReadonlyArray<readonly [track: string, minRem: number]> = [
  ['minmax(14rem,3fr)', 14],
  ['6.5rem', 6.5],
  ['minmax(7rem,1fr)', 7],
  ['8rem', 8],
  ['6.5rem', 6.5],
  ['4.5rem', 4.5],
  ['minmax(8rem,1fr)', 8],
];
const RESULT_TRACK = ['minmax(7rem,1fr)', 7] as const;
/** `gap-x-3` between columns and `px-3` on each side of a row. */
const GAP_REM = 0.75;
const PADDING_REM = 1.5;

export type RowGrid = {
  /** The columns on wide screens. */ grid: string;
  /** The narrowest the row can be there. */ minWidth: string;
};

/**
 * The row's columns on wide screens (a phone stacks them as a card), then one per result column;
 * and the narrowest the row can be, so a screen narrower than that scrolls the list sideways, not
 * the page. As Tailwind classes, worked out from the tracks above.
 */
export function gridClasses(resultColumns: number): RowGrid {
  const tracks = [...TRACKS, ...Array.from({ length: resultColumns }, () => RESULT_TRACK)];
  const minRem = tracks.reduce((sum, [, rem]) => sum + rem, 0) + GAP_REM * (tracks.length - 1) + PADDING_REM;
  return { grid: `md:grid-cols-[${tracks.map(([track]) => track).join('_')}]`, minWidth: `md:min-w-[${minRem}rem]` };
}

/**
 * `gridClasses` written out whole for 0 to 3 result columns (the most the inbox shows), as the
 * rows use them: Tailwind generates only the classes it finds in the source, and the rows carry no
 * style attribute, which the Content-Security-Policy would refuse in the HTML the server renders
 * (src/server/first-rows.tsx). A test checks each against `gridClasses`.
 */
export const ROW_GRIDS: readonly RowGrid[] = [
  {
    grid: 'md:grid-cols-[minmax(14rem,3fr)_6.5rem_minmax(7rem,1fr)_8rem_6.5rem_4.5rem_minmax(8rem,1fr)]',
    minWidth: 'md:min-w-[60.5rem]',
  },
  {
    grid: 'md:grid-cols-[minmax(14rem,3fr)_6.5rem_minmax(7rem,1fr)_8rem_6.5rem_4.5rem_minmax(8rem,1fr)_minmax(7rem,1fr)]',
    minWidth: 'md:min-w-[68.25rem]',
  },
  {
    grid: 'md:grid-cols-[minmax(14rem,3fr)_6.5rem_minmax(7rem,1fr)_8rem_6.5rem_4.5rem_minmax(8rem,1fr)_minmax(7rem,1fr)_minmax(7rem,1fr)]',
    minWidth: 'md:min-w-[76rem]',
  },
  {
    grid: 'md:grid-cols-[minmax(14rem,3fr)_6.5rem_minmax(7rem,1fr)_8rem_6.5rem_4.5rem_minmax(8rem,1fr)_minmax(7rem,1fr)_minmax(7rem,1fr)_minmax(7rem,1fr)]',
    minWidth: 'md:min-w-[83.75rem]',
  },
];

/** The row's grid for this many result columns. */
export const rowGrid = (resultColumns: number): RowGrid => ROW_GRIDS[Math.min(resultColumns, ROW_GRIDS.length - 1)]!;

function Participants({ item }: { item: ConversationListItem }) {
  if (item.participants.length === 0) return <span className="text-slate-600 dark:text-slate-400">No participants listed</span>;
  return (
    <ul className="flex flex-wrap gap-x-2 gap-y-0.5" aria-label="Participants">
      {item.participants.map((participant) => (
        <li key={participant.id} className="inline-flex items-center gap-1">
          <span>{participant.name?.trim() || UNKNOWN_NAME}</span>
          {participant.type === 'AI_AGENT' ? (
            <Badge tone="violet" title="AI agent">
              AI
            </Badge>
          ) : (
            <span className="text-slate-600 dark:text-slate-400">({typeLabel(participant.type).toLowerCase()})</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A label that only phones show, where the cells stack and lose their column headers. */
function CardLabel({ children }: { children: ReactNode }) {
  return <span className="mr-1 text-slate-600 md:sr-only dark:text-slate-400">{children}</span>;
}

export type RowProps = {
  item: ConversationListItem;
  href: string;
  now: number;
  zone: Zone;
  format: ZoneFormat;
  /** The columns on wide screens: a class of `ROW_GRIDS`. */
  grid: string;
  selected: boolean;
  /** The result columns: a cell each. */
  columns: ReadonlyArray<{ id: string; name: string }>;
  onIntent: (id: string) => void;
};

/**
 * One conversation: the name is a real link that covers the row, so the whole row opens it (and
 * middle-click, copy link, open in a new tab behave as everywhere). Hovering or focusing it asks
 * for the conversation ahead of the click.
 */
export const ConversationRow = memo(function ConversationRow({
  item,
  href,
  now,
  zone,
  format,
  grid,
  selected,
  columns,
  onIntent,
}: RowProps) {
  const results = item.operatorResultIds.length;
  return (
    <div
      className={`relative flex flex-wrap items-center gap-x-3 gap-y-1.5 border-b border-slate-200 px-3 py-2.5 text-sm md:grid ${grid} dark:border-slate-700 ${
        selected
          ? 'bg-sky-50 ring-2 ring-sky-600 ring-inset dark:bg-sky-950/50 dark:ring-sky-400'
          : 'hover:bg-slate-50 dark:hover:bg-slate-800/60'
      }`}
    >
      <div className="min-w-0 basis-full">
        <Link
          to={href}
          data-conversation-id={item.id}
          onMouseEnter={() => onIntent(item.id)}
          onFocus={() => onIntent(item.id)}
          className="font-medium text-sky-800 after:absolute after:inset-0 after:content-[''] hover:underline focus-visible:outline-none dark:text-sky-300"
        >
          {item.name?.trim() || UNTITLED_CONVERSATION}
        </Link>
        <div className="mt-0.5 text-xs text-slate-700 dark:text-slate-300">
          <Participants item={item} />
        </div>
      </div>
      <div>
        <StatusBadge status={item.status} />
      </div>
      <div className="flex flex-wrap gap-1">
        {item.channels.length === 0 ? <span className="text-slate-600 dark:text-slate-400">No channel</span> : null}
        {item.channels.map((channel, index) => (
          <ChannelBadge key={index} channel={channel} />
        ))}
      </div>
      <div>
        <CardLabel>Started</CardLabel>
        <time dateTime={item.createdAt} title={format.dateTime(item.createdAt)}>
          {formatRelative(item.createdAt, now, zone)}
        </time>
      </div>
      <div className="tabular-nums">
        <CardLabel>Duration</CardLabel>
        {formatDuration(item.createdAt, item.updatedAt)}
      </div>
      <div className="tabular-nums">
        <CardLabel>Results</CardLabel>
        <span title={`${results} operator result${results === 1 ? '' : 's'}`}>{results}</span>
      </div>
      <ReviewStatusCell conversationId={item.id} />
      {columns.map((column) => (
        <ResultCell key={column.id} conversationId={item.id} operatorId={column.id} operatorName={column.name} />
      ))}
    </div>
  );
});
