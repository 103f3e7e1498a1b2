import { Link } from 'react-router';
import type { DemoSampleSummary, ServerStatus } from '../../api/status';
import { UNTITLED_CONVERSATION } from '../../lib/conversation-title';
import { useZonedPath } from '../../lib/use-zone';

export function DemoSamples({
  samples,
  drills,
  liveCall = null,
}: {
  samples: DemoSampleSummary[];
  drills: Array<{ id: string; label: string }>;
  liveCall?: ServerStatus['liveCall'];
}) {
  const zoned = useZonedPath();
  return (
    <>
      {liveCall && (
        <section aria-labelledby="live-call-heading">
          <h2 id="live-call-heading" className="text-lg font-semibold text-slate-950 dark:text-white">
            Watch a call as it happens
          </h2>
          <Link
            to={zoned(`/conversations/${liveCall.id}`)}
            className="mt-3 block rounded-xl border border-emerald-300 bg-emerald-50 p-4 hover:border-emerald-600 hover:shadow-sm dark:border-emerald-800 dark:bg-emerald-950/50 dark:hover:border-emerald-500"
          >
            <span className="flex items-center gap-2 font-semibold text-slate-950 dark:text-white">
              <span aria-hidden="true" className="size-2 rounded-full bg-emerald-600 dark:bg-emerald-400" />
              {liveCall.name}
            </span>
            <span className="mt-1 block text-sm text-slate-700 dark:text-slate-300">{liveCall.blurb}</span>
          </Link>
        </section>
      )}
      <section aria-labelledby="samples-heading">
        <h2 id="samples-heading" className="text-lg font-semibold text-slate-950 dark:text-white">
          Sample conversations
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          The server runs on demo data. Open one of these to look around.
        </p>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2">
          {samples.map((sample) => (
            <li key={sample.id}>
              <Link
                to={zoned(`/conversations/${sample.id}`)}
                className="block h-full rounded-xl border border-slate-200 bg-white p-4 hover:border-sky-500 hover:shadow-sm dark:border-slate-700 dark:bg-slate-900 dark:hover:border-sky-400"
              >
                <span className="block font-semibold text-slate-950 dark:text-white">{sample.name ?? UNTITLED_CONVERSATION}</span>
                <span className="mt-1 block text-sm text-slate-700 dark:text-slate-300">{sample.blurb}</span>
                <span className="mt-2 block text-xs text-slate-600 dark:text-slate-400">
                  {sample.channels.join(', ') || 'No channel'} · {sample.status} · {sample.messageCount.toLocaleString()}{' '}
                  {sample.messageCount === 1 ? 'message' : 'messages'}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {drills.length > 0 && (
        <details
          aria-label="Error states and edge cases"
          className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
        >
          <summary className="cursor-pointer font-medium text-slate-900 dark:text-slate-100">
            Error states and edge cases ({drills.length})
          </summary>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            Each makes the demo&rsquo;s Twilio misbehave in one way, to see how the viewer copes.
          </p>
          <ul className="mt-2 grid gap-1 sm:grid-cols-2">
            {drills.map((drill) => (
              <li key={drill.id}>
                <Link to={zoned(`/conversations/${drill.id}`)} className="text-sm text-sky-800 underline dark:text-sky-300">
                  {drill.label}
                </Link>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
