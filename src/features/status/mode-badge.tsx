import { Badge } from '../../components/badge';
import { useServerStatus } from './api';

/** Tells, at all times, whether the page shows demo data or a live account. */
export function ModeBadge() {
  const { data } = useServerStatus();
  if (!data) return null;
  if (data.mode === 'demo') {
    return (
      <Badge tone="amber" title="No Twilio credentials are configured: the server serves sample conversations.">
        Demo data
      </Badge>
    );
  }
  return (
    <Badge tone="green" title="Conversations come from this Twilio account.">
      Live · {data.accountSidPrefix}
      {data.region ? ` · ${data.region}` : ''}
    </Badge>
  );
}
