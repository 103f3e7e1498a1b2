import type { KnownChannel, KnownStatus } from '../api/conversation';
import { Badge, type BadgeTone } from './badge';
import { lookup } from '../lib/lookup';

// Every value the API documents, no more (checked by the compiler); any other is shown as it came.
const STATUS_TONES: Record<string, BadgeTone> = {
  ACTIVE: 'green',
  INACTIVE: 'amber',
  CLOSED: 'neutral',
} satisfies Record<KnownStatus, BadgeTone>;
const STATUS_LABELS: Record<string, string> = {
  ACTIVE: 'Active',
  INACTIVE: 'Inactive',
  CLOSED: 'Closed',
} satisfies Record<KnownStatus, string>;

/** "Closed" for CLOSED; undefined for a value this viewer does not know. */
export const statusLabel = (status: string): string | undefined => lookup(STATUS_LABELS, status);

export function StatusBadge({ status }: { status: string }) {
  const label = statusLabel(status);
  return (
    <Badge
      tone={lookup(STATUS_TONES, status) ?? 'outline'}
      title={label ? `Status: ${status}` : `Status value not known to this viewer: ${status}`}
    >
      {status === 'ACTIVE' && <span aria-hidden="true" className="size-1.5 rounded-full bg-emerald-600 dark:bg-emerald-400" />}
      {label ?? status}
    </Badge>
  );
}

const CHANNEL_LABELS: Record<string, string> = {
  VOICE: 'Voice',
  SMS: 'SMS',
  RCS: 'RCS',
  EMAIL: 'Email',
  WHATSAPP: 'WhatsApp',
  CHAT: 'Chat',
  API: 'API',
  SYSTEM: 'System',
} satisfies Record<KnownChannel, string>;

/** "WhatsApp" for WHATSAPP; undefined for a value this viewer does not know. */
export const channelLabel = (channel: string): string | undefined => lookup(CHANNEL_LABELS, channel);

export function ChannelBadge({ channel }: { channel: string }) {
  const label = channelLabel(channel);
  return (
    <Badge
      tone={label ? 'blue' : 'outline'}
      title={label ? `Channel: ${channel}` : `Channel value not known to this viewer: ${channel}`}
    >
      {label ?? channel}
    </Badge>
  );
}

/** The status in words, for sentences ("closed"); a value not known to the viewer as it came. */
export const statusInWords = (status: string) => lookup(STATUS_LABELS, status)?.toLowerCase() ?? status;
