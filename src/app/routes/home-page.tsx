import { Link } from 'react-router';
import { LookupForm } from '../../features/lookup/lookup-form';
import { DemoSamples } from '../../features/lookup/demo-samples';
import { RecentConversations } from '../../features/lookup/recent-list';
import { useServerStatus } from '../../features/status/api';
import { useDocumentTitle } from '../../lib/use-document-title';

export function Component() {
  useDocumentTitle(null);
  const status = useServerStatus();
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
      {status.data?.mode === 'demo' && status.data.samples.length > 0 && (
        <DemoSamples samples={status.data.samples} drills={status.data.drills} />
      )}
      <RecentConversations />
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Reviewing?{' '}
        <Link to="/agreement" className="font-medium text-sky-800 underline dark:text-sky-300">
          See how often reviewers agree with each operator
        </Link>
        .
      </p>
    </div>
  );
}
