import { useWindowVirtualizer, type VirtualItem } from '@tanstack/react-virtual';

type Key = VirtualItem['key'];
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { ConversationListItem } from '../../api/conversation';
import { markRestored, placeOf, rememberPlace } from '../../lib/scroll-memory';
import type { Zone, ZoneFormat } from '../../lib/time';
import { ConversationRow, rowGrid } from './conversation-row';
import { useMediaQuery } from '../../lib/use-media-query';
import { useScrollMargin } from '../../lib/use-scroll-margin';
import { afterNextFrame, useFirstFrameDrawn } from '../../lib/use-first-frame';
import { useServerRendering } from '../../lib/server-rendering';

/** How close to the end of the loaded rows the next page is asked for. */
const LOAD_AHEAD_ROWS = 15;
/** Rows rendered beyond each edge of the screen, so that scrolling rarely shows an empty place. */
const OVERSCAN = 8;
/**
 * Rows the server puts in an inbox link's HTML, one under the other: as many as a tall screen
 * shows under the filters, as the server does not know the screen. Every one more is markup the
 * browser lays out before the app's code runs, and lays out again when the app's first render
 * replaces them with the windowed rows, in the same places.
 */
export const SERVER_ROWS = 12;

/**
 * A row's height before it is measured: a row with one line of participants on a wide screen, the
 * stacked card on a phone. Close to the real height, a newly shown row rarely moves the rows after it.
 */
const ROW_ESTIMATE = { wide: 61, phone: 115 };

/**
 * How the rows lay in an entry when the reader left it: the sizes measured, where the list began,
 * and the first row on screen with its distance from the top of the window. Going back lays the
 * rows out with those sizes and scrolls so that row is exactly where it was.
 */
type Layout = { sizes: Map<Key, number>; scrollMargin: number; anchor: { key: string; top: number } | null };
const layouts = new Map<string, Layout>();

/** The first row on screen, by the DOM (what the reader saw). */
function anchorRow(list: HTMLElement | null): Layout['anchor'] {
  for (const row of list?.querySelectorAll<HTMLElement>('[data-row-key]') ?? []) {
    const { top, bottom } = row.getBoundingClientRect();
    if (bottom > 0) return { key: row.dataset.rowKey!, top };
  }
  return null;
}

/** Where the page must be scrolled for the anchor row to be back at its place, with these rows. */
function restoredScroll(layout: Layout, items: ConversationListItem[], estimate: number): number | null {
  if (!layout.anchor) return null;
  let start = layout.scrollMargin;
  for (const item of items) {
    if (item.id === layout.anchor.key) return Math.max(0, Math.round(start - layout.anchor.top));
    start += layout.sizes.get(item.id) ?? estimate;
  }
  return null;
}

/** Scrolls the window by what the anchor row is off from where it was; true when it is on the page. */
function putBack(list: HTMLElement | null, anchor: NonNullable<Layout['anchor']>): boolean {
  const row = list?.querySelector(`[data-row-key="${CSS.escape(anchor.key)}"]`);
  if (!row) return false;
  const off = row.getBoundingClientRect().top - anchor.top;
  if (off !== 0) window.scrollBy(0, off);
  return true;
}

/** The rows measured before, as the virtualizer takes them back: only their sizes are read. */
function measuredRows(sizes: Map<Key, number> | undefined): VirtualItem[] | undefined {
  if (!sizes) return undefined;
  return [...sizes].map(([key, size], index) => ({ key, size, index, start: 0, end: size, lane: 0 }));
}

/** A windowed row's place: the virtualizer moves it down to its start. */
const ROW_PLACE: React.CSSProperties = { position: 'absolute', top: 0, left: 0, width: '100%' };

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
  selected,
  onSelect,
  footer,
}: Props) {
  const list = useRef<HTMLDivElement>(null);
  const serverRendering = useServerRendering();
  const estimate = useMediaQuery('(min-width: 768px)') ? ROW_ESTIMATE.wide : ROW_ESTIMATE.phone;
  const [place] = useState(() => placeOf(placeKey));
  const [layout] = useState(() => (place ? layouts.get(placeKey) : undefined));
  const [restoreTo] = useState(() =>
    place ? ((layout ? restoredScroll(layout, items, estimate) : null) ?? place.scrollY) : null,
  );
  // Where the list started on the page, as it was when the entry was left: the first render back is that one.
  const scrollMargin = useScrollMargin(list, layout?.scrollMargin ?? null);

  const firstFrameDrawn = useFirstFrameDrawn();
  const getItemKey = useCallback((index: number) => items[index]!.id, [items]);
  const virtualizer = useWindowVirtualizer<HTMLDivElement>({
    count: items.length,
    estimateSize: () => estimate,
    getItemKey,
    // A row measured before (coming back to the entry) keeps its size until the browser reports
    // another: measuring it again in the commit would lay the whole page out there and then again.
    // Without layout (a test's DOM) a row measures 0: the estimate stands in.
    measureElement: (element, entry, instance) =>
      entry?.borderBoxSize[0]?.blockSize ??
      instance.itemSizeCache.get(element.getAttribute('data-row-key') ?? '') ??
      (element.getBoundingClientRect().height || estimate),
    // Scrolling and a row's new size move the rows in the DOM; React renders only when the rows
    // in view change.
    directDomUpdates: true,
    // Rows just off the screen come after the first frame: it shows the rows in view sooner.
    overscan: firstFrameDrawn ? OVERSCAN : 0,
    scrollMargin: scrollMargin ?? 0,
    initialOffset: restoreTo ?? 0,
    initialMeasurementsCache: measuredRows(layout?.sizes),
    initialRect: typeof window === 'undefined' ? undefined : { width: window.innerWidth, height: window.innerHeight },
  });

  // Back on this entry: the same place, before the first paint. The layout leaves it alone.
  useLayoutEffect(() => {
    if (restoreTo === null) return;
    window.scrollTo(0, restoreTo);
    markRestored(placeKey);
  }, [restoreTo, placeKey]);
  // Then the first row on screen exactly where it was: whatever moved it since it was left (a row
  // measured anew, the page above the list) is taken back, on every commit until the first frame
  // is drawn, never after, so the reader's own scrolling is theirs.
  const anchorPending = useRef(restoreTo === null ? null : (layout?.anchor ?? null));
  useLayoutEffect(() => {
    if (anchorPending.current) putBack(list.current, anchorPending.current);
  });
  useEffect(() => afterNextFrame(() => (anchorPending.current = null)), []);

  const latestSelected = useRef(selected);
  useEffect(() => {
    latestSelected.current = selected;
  });
  // A layout effect's cleanup: it runs while the rows are still on the page, before the next one.
  useLayoutEffect(() => {
    const listElement = list.current;
    return () => {
      rememberPlace(placeKey, { scrollY: window.scrollY, selected: latestSelected.current });
      layouts.set(placeKey, {
        sizes: new Map(virtualizer.itemSizeCache),
        scrollMargin: virtualizer.options.scrollMargin,
        anchor: anchorRow(listElement),
      });
    };
  }, [placeKey, virtualizer]);

  // The virtualizer sets the list's height itself, as it moves the rows.
  const { containerRef } = virtualizer;
  const listRef = useCallback(
    (element: HTMLDivElement | null) => {
      list.current = element;
      containerRef(element);
    },
    [containerRef],
  );

  // No rows until the list knows where it starts: rows placed for a guess would be laid out and dropped.
  const rows = scrollMargin === null ? [] : virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (items.length > 0 && lastShown >= items.length - LOAD_AHEAD_ROWS) onNearEnd();
  }, [lastShown, items.length, onNearEnd]);

  // j / k: the selected row is brought into view and given focus (which also asks for its data).
  const focusPending = useRef(false);
  // The row chosen when the reader left stays chosen on the way back, without moving the page.
  const restoredSelection = useRef(place?.selected ?? null);
  useEffect(() => {
    if (selected === null) return;
    if (selected === restoredSelection.current) {
      restoredSelection.current = null;
      return;
    }
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

  const { grid, minWidth } = rowGrid(columns.length);
  const row = (
    item: ConversationListItem,
    index: number,
    style?: React.CSSProperties,
    measure?: (element: HTMLDivElement | null) => void,
  ) => (
    <div
      key={item.id}
      role="listitem"
      data-index={index}
      data-row-index={index}
      data-row-key={item.id}
      // Rows the server painted, until the app's own replace them.
      data-server-row={serverRendering ? '' : undefined}
      ref={measure}
      onFocusCapture={() => onSelect(index)}
      style={style}
    >
      <ConversationRow
        item={item}
        href={hrefFor(item.id)}
        now={now}
        zone={zone}
        format={format}
        grid={grid}
        selected={selected === index}
        onIntent={onIntent}
        columns={columns}
      />
    </div>
  );
  // The server knows no screen to window the rows for: the first ones, in the flow of the page.
  const serverRows = serverRendering ? items.slice(0, SERVER_ROWS) : null;
  return (
    // Between a phone's cards and a screen wide enough for every column, the list scrolls sideways.
    <div className="md:overflow-x-auto">
      <div className={minWidth}>
        <div
          aria-hidden="true"
          className={`hidden gap-x-3 border-b border-slate-300 px-3 pb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase md:grid ${grid} dark:border-slate-600 dark:text-slate-400`}
        >
          <span>Conversation</span>
          <span>Status</span>
          <span>Channels</span>
          <span>Started</span>
          <span>Duration</span>
          <span>Results</span>
          <span>Review</span>
          {columns.map((column) => (
            <span key={column.id} className="truncate normal-case" title={column.name}>
              {column.name}
            </span>
          ))}
        </div>
        <div ref={listRef} role="list" aria-label="Conversations" className="relative">
          {serverRows
            ? serverRows.map((item, index) => row(item, index))
            : rows.map(({ index }) => row(items[index]!, index, ROW_PLACE, virtualizer.measureElement))}
        </div>
      </div>
      {/* Under the server's first rows, the footer would stand halfway down the loaded rows. */}
      {(!serverRows || serverRows.length === items.length) && footer}
    </div>
  );
}
