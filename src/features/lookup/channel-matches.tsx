import { Link } from 'react-router';
import type { ConversationListItem } from '../../api/conversation';
import { ChannelBadge, StatusBadge } from '../../components/conversation-badges';
import { DateTime } from '../../components/date-time';
import { channelThing } from '../../lib/channel-lookup';
import { UNTITLED_CONVERSATION } from '../../lib/conversation-title';
import { useZonedPath } from '../../lib/use-zone';

/** The conversations that hold one pasted channel SID, when there are several: the reader picks. */
export function ChannelMatches({ channelId, items }: { channelId: string; items: ConversationListItem[] }) {
  const zoned = useZonedPath();
  return (
    <section aria-labelledby="channel-matches-heading" className="space-y-2">
      <h2 id="channel-matches-heading" className="text-sm font-semibold text-slate-900 dark:text-slate-100">
        {items.length} conversations hold this {channelThing(channelId)}
      </h2>
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-700 dark:border-slate-700">
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
            <Link to={zoned(`/conversations/${item.id}`)} className="font-medium text-sky-800 underline dark:text-sky-300">
              {item.name || UNTITLED_CONVERSATION}
            </Link>
            <StatusBadge status={item.status} />
            {item.channels.map((channel, index) => (
              <ChannelBadge key={index} channel={channel} />
            ))}
            <DateTime iso={item.createdAt} className="text-slate-600 dark:text-slate-400" />
          </li>
        ))}
      </ul>
    </section>
  );
}
