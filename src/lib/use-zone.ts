import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { withZone, zoneOf, type Zone } from './time';

/** The zone this page's link asks times to be shown in (`?tz=utc`), on any page. */
export function useZone(): Zone {
  const [params] = useSearchParams();
  return zoneOf(params);
}

/** Writes a path of this app so that the page it opens keeps this page's zone. */
export function useZonedPath(): (path: string) => string {
  const zone = useZone();
  return useCallback((path: string) => withZone(path, zone), [zone]);
}
