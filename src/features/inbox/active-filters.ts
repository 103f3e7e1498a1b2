import { channelLabel, statusLabel } from '../../components/conversation-badges';
import { channelThing } from '../../lib/channel-lookup';
import { WINDOW_PRESETS, type InboxFilters } from '../../api/inbox-filters';

export type ActiveFilter = { label: string; without: InboxFilters };

/**
 * The filters that narrow the list, each in words and with the list it leaves when removed: what an
 * empty list offers to loosen. `nameOf` gives a configuration's or operator's name for its ID.
 */
export function activeFilters(
  filters: InboxFilters,
  nameOf: (id: string) => string,
  format: (iso: string) => string,
): ActiveFilter[] {
  const active: ActiveFilter[] = [];
  if (filters.status)
    active.push({ label: `Status: ${statusLabel(filters.status) ?? filters.status}`, without: { ...filters, status: null } });
  if (filters.channels.length > 0) {
    active.push({
      label: `Channel: ${filters.channels.map((channel) => channelLabel(channel) ?? channel).join(' or ')}`,
      without: { ...filters, channels: [] },
    });
  }
  if (filters.window)
    active.push({
      label: `Started: ${WINDOW_PRESETS[filters.window].label.toLowerCase()}`,
      without: { ...filters, window: null },
    });
  else if (filters.after || filters.before) {
    const label =
      filters.after && filters.before
        ? `Started between ${format(filters.after)} and ${format(filters.before)}`
        : filters.after
          ? `Started after ${format(filters.after)}`
          : `Started before ${format(filters.before!)}`;
    active.push({ label, without: { ...filters, after: null, before: null } });
  }
  if (filters.configuration) {
    active.push({ label: `Configuration: ${nameOf(filters.configuration)}`, without: { ...filters, configuration: null } });
  }
  if (filters.operator)
    active.push({ label: `Operator ran: ${nameOf(filters.operator)}`, without: { ...filters, operator: null } });
  if (filters.channelId) {
    active.push({
      label: `Holds the ${channelThing(filters.channelId)} ${filters.channelId}`,
      without: { ...filters, channelId: null },
    });
  }
  return active;
}
