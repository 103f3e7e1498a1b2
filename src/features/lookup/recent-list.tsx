import { Link } from 'react-router';
import { Button } from '../../components/button';
import { UNTITLED_CONVERSATION } from '../../lib/conversation-title';
import { zoneFormat } from '../../lib/time';
import { useZone, useZonedPath } from '../../lib/use-zone';
import { clearRecentConversations, useRecentConversations } from './recent';

export function RecentConversations() {
  const recent = useRecentConversations();
  const format = zoneFormat(useZone());
  const zoned = useZonedPath();
  return (
    <section aria-labelledby="recent-heading">
      <div className="flex items-center justify-between gap-2">
        <h2 id="recent-heading" className="text-lg font-semibold text-slate-950 dark:text-white">
          Opened recently on this browser
        </h2>
        {recent.length > 0 && <Button onClick={clearRecentConversations}>Clear</Button>}
      </div>
      {recent.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Conversations you open appear here. They are kept on this browser only.
        </p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-700 dark:border-slate-700 dark:bg-slate-900">
          {recent.map((entry) => (
            <li key={entry.id} className="px-4 py-2.5">
              <Link
                to={zoned(`/conversations/${entry.id}`)}
                className="font-medium text-sky-800 hover:underline dark:text-sky-300"
              >
                {entry.name ?? UNTITLED_CONVERSATION}
              </Link>
              <p className="flex flex-wrap gap-x-3 text-xs text-slate-600 dark:text-slate-400">
                <span className="font-mono break-all">{entry.id}</span>
                <span>opened {format.dateTime(entry.openedAt)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
