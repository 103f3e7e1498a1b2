import { useQueries, useQuery } from '@tanstack/react-query';
import { isId } from '../../api/ids';
import type { Agreement } from '../../api/review-answers';
import { Button } from '../../components/button';
import { PanelBoundary } from '../../components/panel-boundary';
import { SkeletonBlock } from '../../components/skeleton';
import { operatorQueryOptions } from '../../features/operator-results/api';
import { agreementQueryOptions } from '../../features/reviews/api';
import { AgreementView } from '../../features/reviews/agreement-view';
import { useDocumentTitle } from '../../lib/use-document-title';

export function Component() {
  useDocumentTitle('Agreement by operator');
  const query = useQuery(agreementQueryOptions());
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <header>
        <h1 className="text-xl font-semibold text-slate-950 sm:text-2xl dark:text-white">Agreement by operator</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          How often reviewers agree with what each operator concluded, version by version. The operators to fix first are at the
          top.
        </p>
      </header>
      {query.data ? (
        <PanelBoundary name="agreement">
          <NamedAgreement agreement={query.data} />
        </PanelBoundary>
      ) : query.isError ? (
        <div
          role="alert"
          className="rounded-xl border border-rose-300 bg-rose-50 p-4 text-sm text-rose-950 dark:border-rose-800 dark:bg-rose-950/60 dark:text-rose-100"
        >
          <p className="font-semibold">The agreement figures could not be loaded.</p>
          <p className="mt-1">{query.error.message}</p>
          <Button className="mt-2" onClick={() => void query.refetch()} disabled={query.isFetching}>
            Retry
          </Button>
        </div>
      ) : (
        <div aria-busy="true">
          <p role="status" className="sr-only">
            Loading the agreement figures…
          </p>
          <SkeletonBlock className="h-48" />
        </div>
      )}
    </div>
  );
}

/** The figures with each operator's name, looked up by its ID; an ID stays shown where the name is unknown. */
function NamedAgreement({ agreement }: { agreement: Agreement }) {
  const ids = [...new Set(agreement.operators.map((row) => row.operatorId))].filter((id) => isId('operator', id));
  const names = useQueries({
    queries: ids.map(operatorQueryOptions),
    combine: (answers) =>
      new Map(answers.flatMap((answer, i) => (answer.data?.displayName ? [[ids[i]!, answer.data.displayName]] : []))),
  });
  return <AgreementView agreement={agreement} nameOf={(id) => names.get(id) ?? id} />;
}
