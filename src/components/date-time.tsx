import { utcIso, zoneFormat } from '../lib/time';
import { useZone } from '../lib/use-zone';

/**
 * A date and time in the zone the link asks for (`?tz=utc`), named, with ISO-8601 UTC on hover;
 * `dayOnly` writes the day alone ("Mar 9, 2026"), still the day in that zone.
 */
export function DateTime({ iso, className, dayOnly = false }: { iso: string; className?: string; dayOnly?: boolean }) {
  const format = zoneFormat(useZone());
  return (
    <time dateTime={utcIso(iso)} title={utcIso(iso)} className={className}>
      {dayOnly ? format.shortDay(iso) : format.dateTime(iso)}
    </time>
  );
}
