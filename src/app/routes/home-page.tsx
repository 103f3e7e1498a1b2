import { Link } from 'react-router';
import { primaryButtonClass } from '../../components/button';
import { LookupForm } from '../../features/lookup/lookup-form';
import { DemoSamples } from '../../features/lookup/demo-samples';
import { RecentConversations } from '../../features/lookup/recent-list';
import { useServerStatus } from '../../features/status/api';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useZonedPath } from '../../lib/use-zone';

export function Component() {
  useDocumentTitle(null);
  const status = useServerStatus();
  const zoned = useZonedPath();
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <section
        aria-labelledby="lookup-heading"
        className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6 dark:border-slate-700 dark:bg-slate-900"
      >
        <h1 id="lookup-heading" className="text-xl font-semibold text-slate-950 sm:text-2xl dark:text-white">
          Open a conversation
        </h1>
        <p className="mt-1 mb-4 text-sm text-slate-700 dark:text-slate-300">
          Read a Conversation Intelligence conversation: its participants, transcript and operator results.
        </p>
        <LookupForm />
      </section>
      <section
        aria-labelledby="browse-heading"
        className="flex flex-col gap-3 rounded-xl border border-sky-200 bg-sky-50 p-5 sm:flex-row sm:items-center sm:justify-between sm:p-6 dark:border-sky-900 dark:bg-sky-950/40"
      >
        <div>
          <h2 id="browse-heading" className="text-lg font-semibold text-slate-950 dark:text-white">
            No ID at hand?
          </h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            Browse the account&rsquo;s conversations: filter by status, channel, time and operator, and sort out what the AI
            concluded.{' '}
            <Link to={zoned('/conversations?window=24h')} className="font-medium text-sky-800 underline dark:text-sky-300">
              The last 24 hours
            </Link>
          </p>
        </div>
        <Link to={zoned('/conversations')} className={`${primaryButtonClass} shrink-0`}>
          Browse conversations
        </Link>
      </section>
      {status.data?.mode === 'demo' && status.data.samples.length > 0 && (
        <DemoSamples samples={status.data.samples} drills={status.data.drills} liveCall={status.data.liveCall} />
      )}
      <RecentConversations />
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Reviewing?{' '}
        <Link to={zoned('/agreement')} className="font-medium text-sky-800 underline dark:text-sky-300">
          See how often reviewers agree with each operator
        </Link>
        .
      </p>
    </div>
  );
}
