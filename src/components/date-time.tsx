import { utcIso, zoneFormat } from '../lib/time';
import { useZone } from '../lib/use-zone';

/** A date and time in the zone the link asks for (`?tz=utc`), named, with ISO-8601 UTC on hover. */
export function DateTime({ iso, className }: { iso: string; className?: string }) {
  const format = zoneFormat(useZone());
  return (
    <time dateTime={utcIso(iso)} title={utcIso(iso)} className={className}>
      {format.dateTime(iso)}
    </time>
  );
}
