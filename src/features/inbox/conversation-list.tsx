import { useWindowVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { ConversationListItem } from '../../api/conversation';
import { markRestored, placeOf, rememberPlace } from '../../lib/scroll-memory';
import type { Zone, ZoneFormat } from '../../lib/time';
import { ConversationRow, rowGrid } from './conversation-row';
import { ResultCell } from './result-cell';

/** How close to the end of the loaded rows the next page is asked for. */
const LOAD_AHEAD_ROWS = 15;

/** A row's height before it is measured: a one-line row with its participants. */
const ROW_ESTIMATE = 76;

/** Row sizes measured in an entry, so that going back lays the rows out exactly as they were. */
const measured = new Map<string, VirtualItem[]>();

export type ResultColumn = { id: string; name: string };

type Props = {
  items: ConversationListItem[];
  columns: ResultColumn[];
  /** The history entry the list is shown in: where it was scrolled is remembered under it. */
  placeKey: string;
  hrefFor: (id: string) => string;
  now: number;
  zone: Zone;
  format: ZoneFormat;
  /** Asked for when the reader nears the end of the loaded rows. */
  onNearEnd: () => void;
  onIntent: (id: string) => void;
  onOpen: (id: string) => void;
  selected: number | null;
  onSelect: (index: number | null) => void;
  footer: ReactNode;
};

/**
 * The loaded rows, windowed as the transcript is: only those near the screen are in the DOM, so
 * thousands of loaded rows scroll smoothly. The page scrolls, not the list. Coming back to the
 * entry it was shown in puts the reader where they were, rows and scroll position, at once.
 */
export function ConversationList({
  items,
  columns,
  placeKey,
  hrefFor,
  now,
  zone,
  format,
  onNearEnd,
  onIntent,
  onOpen,
  selected,
  onSelect,
  footer,
}: Props) {
  const list = useRef<HTMLDivElement>(null);
  const [place] = useState(() => placeOf(placeKey));
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const measure = () => setScrollMargin(Math.round(element.getBoundingClientRect().top + window.scrollY));
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const getItemKey = useCallback((index: number) => items[index]!.id, [items]);
  const virtualizer = useWindowVirtualizer<HTMLDivElement>({
    count: items.length,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey,
    // Without layout (a test's DOM) a row measures 0: the estimate stands in.
    measureElement: (element) => element.getBoundingClientRect().height || ROW_ESTIMATE,
    overscan: 8,
    scrollMargin,
    initialOffset: place?.scrollY ?? 0,
    initialMeasurementsCache: measured.get(placeKey),
    initialRect: typeof window === 'undefined' ? undefined : { width: window.innerWidth, height: window.innerHeight },
  });

  // Back on this entry: the same place, before the first paint. The layout leaves it alone.
  useLayoutEffect(() => {
    if (!place) return;
    window.scrollTo(0, place.scrollY);
    markRestored(placeKey);
  }, [place, placeKey]);

  const latestSelected = useRef(selected);
  useEffect(() => {
    latestSelected.current = selected;
  });
  useEffect(
    () => () => {
      rememberPlace(placeKey, { scrollY: window.scrollY, selected: latestSelected.current });
      measured.set(placeKey, virtualizer.measurementsCache);
    },
    [placeKey, virtualizer],
  );

  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (items.length > 0 && lastShown >= items.length - LOAD_AHEAD_ROWS) onNearEnd();
  }, [lastShown, items.length, onNearEnd]);

  // j / k: the selected row is brought into view and given focus (which also asks for its data).
  const focusPending = useRef(false);
  useEffect(() => {
    if (selected === null) return;
    virtualizer.scrollToIndex(selected, { align: 'auto' });
    focusPending.current = true;
  }, [selected, virtualizer]);
  useLayoutEffect(() => {
    if (!focusPending.current || selected === null) return;
    const link = list.current?.querySelector<HTMLAnchorElement>(`[data-row-index="${selected}"] a[data-conversation-id]`);
    if (link && document.activeElement !== link) {
      link.focus({ preventScroll: true });
      focusPending.current = false;
    }
  });

  const grid = rowGrid(columns.length);
  return (
    <div>
      <div
        aria-hidden="true"
        style={{ '--row-grid': grid } as React.CSSProperties}
        className="hidden gap-x-3 border-b border-slate-300 px-3 pb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase md:grid md:grid-cols-(--row-grid) dark:border-slate-600 dark:text-slate-400"
      >
        <span>Conversation</span>
        <span>Status</span>
        <span>Channels</span>
        <span>Started</span>
        <span>Duration</span>
        <span>Results</span>
        {columns.map((column) => (
          <span key={column.id} className="truncate normal-case" title={column.name}>
            {column.name}
          </span>
        ))}
      </div>
      <div ref={list} role="list" aria-label="Conversations" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => {
          const item = items[row.index]!;
          return (
            <div
              key={row.key}
              role="listitem"
              data-index={row.index}
              data-row-index={row.index}
              ref={virtualizer.measureElement}
              onFocusCapture={() => onSelect(row.index)}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
              }}
            >
              <ConversationRow
                item={item}
                href={hrefFor(item.id)}
                now={now}
                zone={zone}
                format={format}
                grid={grid}
                selected={selected === row.index}
                onIntent={onIntent}
                onOpen={onOpen}
                cells={columns.map((column) => (
                  <ResultCell key={column.id} conversationId={item.id} operatorId={column.id} operatorName={column.name} />
                ))}
              />
            </div>
          );
        })}
      </div>
      {footer}
    </div>
  );
}
