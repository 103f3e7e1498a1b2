import type { OperatorVersion } from '../../api/operator';
import { Badge, type BadgeTone } from '../../components/badge';
import { DateTime } from '../../components/date-time';
import { lifecycleOf, type Lifecycle } from './operator-version-model';

type Shown = NonNullable<Lifecycle>;

const TONES: Record<Shown['status'], BadgeTone> = { PREVIEW: 'blue', DEPRECATED: 'amber', RETIRED: 'red', other: 'outline' };

/**
 * "Deprecated · retires Mar 31, 2027", "Retired on Sep 30, 2026": the day in the zone the page shows
 * times in; `separator` sits between a status and what follows ("·" on a badge, "," in a sentence).
 */
function Phrase({ lifecycle, separator }: { lifecycle: Shown; separator: string }) {
  const { label, date } = lifecycle;
  if (!date) return <>{label}</>;
  return (
    <>
      {label}
      {date.kind === 'retired' ? ' on ' : `${separator} ${date.kind} `}
      <DateTime iso={date.iso} dayOnly />
    </>
  );
}

/** A badge for a version that is not simply active: preview, deprecated (with its retirement date), retired. */
export function LifecycleBadge({ version }: { version: OperatorVersion }) {
  const lifecycle = lifecycleOf(version);
  if (!lifecycle) return null;
  return (
    <Badge tone={TONES[lifecycle.status]}>
      <span>
        <Phrase lifecycle={lifecycle} separator={' \u00b7'} />
      </span>
    </Badge>
  );
}

/** The same in words, for a line of text: "Deprecated, retires Mar 31, 2027"; nothing when Twilio gave no status. */
export function LifecycleText({ version }: { version: OperatorVersion }) {
  if (!version.status?.trim()) return null;
  const lifecycle = lifecycleOf(version);
  return lifecycle ? <Phrase lifecycle={lifecycle} separator="," /> : <>Active</>;
}
