import { Link } from 'react-router';

export function OperatorResultLinks({ ids }: { ids: string[] }) {
  return (
    <section
      aria-labelledby="results-heading"
      className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="results-heading" className="text-base font-semibold text-slate-950 dark:text-white">
        Operator results <span className="font-normal text-slate-600 dark:text-slate-400">({ids.length})</span>
      </h2>
      {ids.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          No language operator has produced a result for this conversation.
        </p>
      ) : (
        <ul className="mt-2 space-y-1.5">
          {ids.map((id) => (
            <li key={id}>
              <Link
                to={`/operator-results/${id}`}
                className="font-mono text-xs break-all text-sky-800 underline decoration-sky-800/30 underline-offset-2 hover:decoration-sky-800 dark:text-sky-300 dark:decoration-sky-300/40"
              >
                {id}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
