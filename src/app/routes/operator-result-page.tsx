import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { checkId, idKindOf, isId } from '../../api/ids';
import type { OperatorResult } from '../../api/operator-result';
import { Badge } from '../../components/badge';
import { CopyButton } from '../../components/copy-button';
import { IdHeading } from '../../components/id-heading';
import { InvalidId } from '../../components/invalid-id';
import { PanelBoundary } from '../../components/panel-boundary';
import { QueryView } from '../../components/query-view';
import { SkeletonBlock } from '../../components/skeleton';
import { conversationQueryOptions } from '../../features/conversation/api';
import { chronological } from '../../lib/chronological';
import { useOperator, useOperatorResult } from '../../features/operator-results/api';
import { ReferenceList } from '../../features/operator-results/reference-list';
import { classifyReferences } from '../../features/operator-results/result-summary';
import { ResolvedContext } from '../../features/operator-results/resolved-context';
import { FORMAT_LABELS } from '../../features/operator-results/labels';
import { OperatorSection } from '../../features/operator-results/operator-section';
import { Provenance } from '../../features/operator-results/provenance';
import { ResultBody } from '../../features/operator-results/result-body';
import { ResultVerdicts } from '../../features/reviews/result-verdicts';
import { withZone } from '../../lib/time';
import { useDocumentTitle } from '../../lib/use-document-title';
import { lookup } from '../../lib/lookup';
import { useZone } from '../../lib/use-zone';

export function Component() {
  const { operatorResultId = '' } = useParams();
  const check = checkId('operatorResult', operatorResultId);
  if (!check.ok) return <InvalidIdPage value={operatorResultId} problem={check.problem} />;
  return <OperatorResultView key={check.id} id={check.id} />;
}

function InvalidIdPage({ value, problem }: { value: string; problem: string }) {
  useDocumentTitle('Invalid operator result ID');
  return <InvalidId label="operator result ID" value={value} problem={problem} />;
}

function OperatorResultView({ id }: { id: string }) {
  const query = useOperatorResult(id);
  useDocumentTitle(
    query.data ? `${lookup(FORMAT_LABELS, query.data.outputFormat) ?? query.data.outputFormat} result` : 'Operator result',
  );
  return (
    <div className="mx-auto max-w-4xl">
      <QueryView
        query={query}
        subject="operator result"
        loading={<ResultSkeleton />}
        heading={<IdHeading title="Operator result" id={id} />}
      >
        {(result) => <ResultLayout result={result} />}
      </QueryView>
    </div>
  );
}

function ResultSkeleton() {
  return (
    <div aria-busy="true" className="space-y-4">
      <p role="status" className="sr-only">
        Loading operator result…
      </p>
      <SkeletonBlock className="h-8 w-1/2" />
      <SkeletonBlock className="h-32" />
      <SkeletonBlock className="h-64" />
    </div>
  );
}

const card = 'rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-700 dark:bg-slate-900';

function ResultLayout({ result }: { result: OperatorResult }) {
  // Only a conversation ID becomes a link; any other value is shown as text. The links back keep
  // the zone the reader chose.
  const zone = useZone();
  const conversationPath = isId('conversation', result.conversationId) ? `/conversations/${result.conversationId}` : null;
  const conversationLink = conversationPath && withZone(conversationPath, zone);
  const inConversation = conversationPath && withZone(`${conversationPath}?result=${encodeURIComponent(result.id)}`, zone);
  const messageLink = conversationPath ? (id: string) => withZone(`${conversationPath}#${id}`, zone) : null;
  const operator = useOperator(result.operator.id).data;
  const truncated = result.metadata?.system?.inputTruncated === true;
  return (
    <div className="space-y-4">
      {conversationLink && (
        <Link to={conversationLink} className="inline-block text-sm font-medium text-sky-800 underline dark:text-sky-300">
          ← Back to the conversation
        </Link>
      )}
      <header className={card}>
        <p className="text-sm font-medium text-slate-700 dark:text-slate-300">
          {operator?.displayName?.trim() || 'Operator result'}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-xl font-semibold text-slate-950 sm:text-2xl dark:text-white">Operator result</h1>
          <Badge tone={lookup(FORMAT_LABELS, result.outputFormat) ? 'violet' : 'outline'}>
            {lookup(FORMAT_LABELS, result.outputFormat) ?? result.outputFormat}
          </Badge>
        </div>
        <p className="mt-1 font-mono text-xs break-all text-slate-600 dark:text-slate-400">{result.id}</p>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          From conversation{' '}
          {conversationLink ? (
            <Link to={conversationLink} className="font-mono text-xs break-all text-sky-800 underline dark:text-sky-300">
              {result.conversationId}
            </Link>
          ) : (
            <>
              <code className="font-mono text-xs [overflow-wrap:anywhere]">{result.conversationId || '(not named)'}</code> (not an
              ID this viewer can open)
            </>
          )}
        </p>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          {inConversation && (
            <Link
              to={inConversation}
              className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-800 dark:bg-sky-600 dark:text-slate-950"
            >
              Show its evidence in the conversation
            </Link>
          )}
          <CopyButton value={result.id} label="Copy ID" />
          <CopyButton value={() => window.location.href} label="Copy link" />
        </div>
      </header>
      {truncated && (
        <p
          role="note"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
        >
          <strong>Input truncated:</strong> the conversation was too long for the model, so this result did not see all of it.
        </p>
      )}
      <section aria-labelledby="result-heading" className={card}>
        <h2 id="result-heading" className="mb-3 text-base font-semibold text-slate-950 dark:text-white">
          Result
        </h2>
        <PanelBoundary name="result">
          <ResultBody result={result} />
        </PanelBoundary>
      </section>
      {result.referenceIds.length > 0 && (
        <section aria-labelledby="references-heading" className={card}>
          <h2 id="references-heading" className="text-base font-semibold text-slate-950 dark:text-white">
            What it refers to ({new Set(result.referenceIds).size})
          </h2>
          <PanelBoundary name="references">
            <ResultReferences result={result} messageLink={messageLink} />
          </PanelBoundary>
        </section>
      )}
      {conversationPath && (
        <section aria-labelledby="verdicts-heading" className={card}>
          <h2 id="verdicts-heading" className="mb-2 text-base font-semibold text-slate-950 dark:text-white">
            Reviewers{'\u2019'} verdicts
          </h2>
          <PanelBoundary name="verdicts">
            <ResultVerdicts conversationId={result.conversationId} result={result} />
          </PanelBoundary>
        </section>
      )}
      <section aria-labelledby="provenance-heading" className={card}>
        <h2 id="provenance-heading" className="text-base font-semibold text-slate-950 dark:text-white">
          How it was produced
        </h2>
        <PanelBoundary name="provenance">
          <Provenance result={result} />
        </PanelBoundary>
      </section>
      <OperatorSection result={result} />
      {result.executionDetails?.resolvedContext && (
        <section aria-labelledby="context-heading" className={card}>
          <h2 id="context-heading" className="text-base font-semibold text-slate-950 dark:text-white">
            Context it was given
          </h2>
          <PanelBoundary name="resolved context">
            <ResolvedContext context={result.executionDetails.resolvedContext} />
          </PanelBoundary>
        </section>
      )}
    </div>
  );
}

/**
 * The result's references, each for what it is. Which are messages or participants is read from
 * the conversation itself, so a link is only made to a message it holds; until it has loaded (or if
 * it cannot be), every reference is shown as text.
 */
function ResultReferences({ result, messageLink }: { result: OperatorResult; messageLink: ((id: string) => string) | null }) {
  const mayBeInConversation = result.referenceIds.some((id) => {
    const kind = idKindOf(id);
    return kind === 'communication' || kind === 'participant';
  });
  const conversation = useQuery({
    ...conversationQueryOptions(result.conversationId),
    enabled: messageLink !== null && mayBeInConversation,
  });
  const data = conversation.data;
  const references = useMemo(() => {
    const positions = new Map(data ? chronological(data.communications).map((c, i) => [c.id, i + 1]) : []);
    const participants = new Set(data?.participants.map((participant) => participant.id));
    return classifyReferences(result.referenceIds, {
      messagePosition: (id) => positions.get(id),
      hasParticipant: (id) => participants.has(id),
    });
  }, [data, result.referenceIds]);
  const nameOf = (id: string) => data?.participants.find((participant) => participant.id === id)?.name?.trim() || id;
  return (
    <div className="mt-2 space-y-2">
      {conversation.isLoading && (
        <p role="status" className="text-xs text-slate-600 dark:text-slate-400">
          Reading the conversation to tell its messages and participants apart…
        </p>
      )}
      {conversation.isError && (
        <p role="status" className="text-xs text-slate-600 dark:text-slate-400">
          The conversation could not be read, so its messages are not linked.
        </p>
      )}
      <ReferenceList references={references} messageLink={messageLink} participantName={nameOf} />
    </div>
  );
}
