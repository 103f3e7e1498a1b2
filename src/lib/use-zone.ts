import { useSearchParams } from 'react-router';
import { zoneOf, type Zone } from './time';

/** The zone this page's link asks times to be shown in (`?tz=utc`), on any page. */
export function useZone(): Zone {
  const [params] = useSearchParams();
  return zoneOf(params);
}
