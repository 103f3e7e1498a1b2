import { useShortcutKeys } from '../../lib/use-shortcut-keys';

export const INBOX_SHORTCUTS: Array<[keys: string, what: string]> = [
  ['j / k', 'Next / previous conversation'],
  ['Enter', 'Open the selected conversation'],
  ['/', 'Go to the filters (the ID search)'],
  ['?', 'Show these shortcuts'],
];

type Handlers = {
  count: number;
  selected: number | null;
  select: (index: number) => void;
  open: (index: number) => void;
  focusFilters: () => void;
  showKeys: () => void;
};

/** The inbox's keys: `j` / `k` move, `Enter` opens, `/` goes to the filters, `?` lists the keys. */
export function useInboxKeys({ count, selected, select, open, focusFilters, showKeys }: Handlers): void {
  useShortcutKeys((event) => {
    if (event.key === 'j' || event.key === 'k') {
      if (count === 0) return false;
      select(selected === null ? 0 : Math.min(count - 1, Math.max(0, selected + (event.key === 'j' ? 1 : -1))));
    } else if (event.key === 'Enter' && selected !== null) {
      open(selected);
    } else if (event.key === '/') {
      focusFilters();
    } else if (event.key === '?') {
      showKeys();
    } else return false;
    return true;
  });
}
