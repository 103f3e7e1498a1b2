import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useZonedPath } from '../lib/use-zone';

/** A link back to the home page that keeps the zone the reader chose (`?tz=utc`). */
export function HomeLink({ className, children }: { className: string; children: ReactNode }) {
  const zoned = useZonedPath();
  return (
    <Link to={zoned('/')} className={className}>
      {children}
    </Link>
  );
}
