import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { KNOWN_CHANNELS, KNOWN_STATUSES } from '../../api/conversation';
import { channelLabel, statusLabel } from '../../components/conversation-badges';
import type { Zone } from '../../lib/time';
import { configurationListOptions, operatorListOptions } from './api';
import { WINDOW_PRESETS, type InboxFilters, type WindowPreset } from '../../api/inbox-filters';
import { inputClass, RangeFields } from './range-fields';

const labelClass = 'flex flex-col gap-1 text-xs font-medium text-slate-700 dark:text-slate-300';

/**
 * The list's filters, each applied as it is chosen (and so written to the URL). Configurations and
 * operators are offered by name; when their lists cannot be read, the filter still shows the ID the
 * link holds.
 */
export function FilterFields({
  filters,
  zone,
  onChange,
}: {
  filters: InboxFilters;
  zone: Zone;
  onChange: (filters: InboxFilters) => void;
}) {
  const configurations = useQuery(configurationListOptions());
  const operators = useQuery(operatorListOptions());
  const ranged = filters.after !== null || filters.before !== null;
  const [custom, setCustom] = useState(ranged);
  const windowValue = filters.window ?? (custom || ranged ? 'custom' : '');

  const set = (change: Partial<InboxFilters>) => onChange({ ...filters, ...change });
  return (
    <div className="flex flex-wrap items-start gap-3">
      <label className={labelClass}>
        Status
        <select
          value={filters.status ?? ''}
          onChange={(event) => set({ status: event.target.value || null })}
          className={inputClass}
        >
          <option value="">Any status</option>
          {KNOWN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">Channels (any of)</legend>
        <div className="flex max-w-md flex-wrap gap-x-3 gap-y-1 pt-1">
          {KNOWN_CHANNELS.map((channel) => (
            <label key={channel} className="inline-flex items-center gap-1 text-sm text-slate-800 dark:text-slate-200">
              <input
                type="checkbox"
                checked={filters.channels.includes(channel)}
                onChange={(event) =>
                  set({
                    channels: event.target.checked
                      ? [...filters.channels, channel].sort()
                      : filters.channels.filter((value) => value !== channel),
                  })
                }
                className="size-4 accent-sky-700"
              />
              {channelLabel(channel)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-col gap-2">
        <label className={labelClass}>
          Started
          <select
            value={windowValue}
            onChange={(event) => {
              const value = event.target.value;
              if (value === 'custom') {
                setCustom(true);
                set({ window: null });
              } else {
                setCustom(false);
                set({ window: (value || null) as WindowPreset | null, after: null, before: null });
              }
            }}
            className={inputClass}
          >
            <option value="">Any time</option>
            {Object.entries(WINDOW_PRESETS).map(([value, preset]) => (
              <option key={value} value={value}>
                {preset.label}
              </option>
            ))}
            <option value="custom">Custom range&hellip;</option>
          </select>
        </label>
        {windowValue === 'custom' && (
          <RangeFields
            key={`${filters.after}|${filters.before}|${zone}`}
            after={filters.after}
            before={filters.before}
            zone={zone}
            onApply={(after, before) => set({ window: null, after, before })}
          />
        )}
      </div>
      <label className={labelClass}>
        Configuration
        <select
          value={filters.configuration ?? ''}
          onChange={(event) => set({ configuration: event.target.value || null })}
          className={`${inputClass} w-56`}
        >
          <option value="">Any configuration</option>
          {filters.configuration && !configurations.data?.some((item) => item.id === filters.configuration) && (
            <option value={filters.configuration}>{filters.configuration}</option>
          )}
          {configurations.data?.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Operator ran
        <select
          value={filters.operator ?? ''}
          onChange={(event) => set({ operator: event.target.value || null })}
          className={`${inputClass} w-56`}
        >
          <option value="">Any operator</option>
          {filters.operator && !operators.data?.some((item) => item.id === filters.operator) && (
            <option value={filters.operator}>{filters.operator}</option>
          )}
          {operators.data?.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
      </label>
      {(configurations.isError || operators.isError) && (
        <p className="basis-full text-xs text-amber-900 dark:text-amber-200">
          The list of {configurations.isError ? 'configurations' : 'operators'} could not be read; filters from a link still
          apply.
        </p>
      )}
    </div>
  );
}
