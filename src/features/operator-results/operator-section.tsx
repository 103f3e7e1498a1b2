import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { OperatorVersion } from '../../api/operator';
import type { OperatorResult } from '../../api/operator-result';
import { describeError } from '../../components/api-error-state';
import { Button } from '../../components/button';
import { ErrorState } from '../../components/error-state';
import { PanelBoundary } from '../../components/panel-boundary';
import { SkeletonBlock } from '../../components/skeleton';
import { ApiError } from '../../lib/api-client';
import { LifecycleBadge } from './operator-lifecycle';
import { useOperatorVersion } from './operator-version-api';
import { versionTarget, type VersionTarget } from './operator-version-model';
import { OperatorVersionView } from './operator-version-view';

/** The fragment that opens the section: a link to `/operator-results/:id#operator` lands on it, open. */
export const OPERATOR_SECTION = 'operator';

const muted = 'text-slate-600 dark:text-slate-400';

function VersionFailure({
  query,
  target,
}: {
  query: UseQueryResult<OperatorVersion>;
  target: Extract<VersionTarget, { ok: true }>;
}) {
  const { error } = query;
  const described =
    error instanceof ApiError && error.status === 404
      ? {
          title: `Twilio has no version ${target.version} of this operator`,
          detail:
            'The result names this version, but Twilio answered that the account has no such operator version: it may have been deleted, or the result may come from another account.',
          retry: false,
        }
      : describeError(error, 'operator version');
  return (
    <ErrorState
      title={described.title}
      headingLevel={3}
      onRetry={described.retry ? () => void query.refetch() : undefined}
      retrying={query.isFetching}
    >
      <p>{described.detail}</p>
    </ErrorState>
  );
}

function Details({
  result,
  target,
  query,
}: {
  result: OperatorResult;
  target: VersionTarget;
  query: UseQueryResult<OperatorVersion>;
}) {
  if (!target.ok) return <p className={`text-sm ${muted}`}>The operator version cannot be shown. {target.reason}</p>;
  if (query.data) return <OperatorVersionView version={query.data} result={result} number={target.version} />;
  if (query.isError) return <VersionFailure query={query} target={target} />;
  return (
    <div aria-busy="true" className="space-y-2">
      <p role="status" className={`text-sm ${muted}`}>
        {query.failureReason instanceof ApiError && query.failureReason.status === 429
          ? 'Twilio is rate-limiting requests; the operator version is asked for again shortly\u2026'
          : 'Loading the operator version\u2026'}
      </p>
      <SkeletonBlock className="h-5 w-1/2" />
      <SkeletonBlock className="h-24" />
    </div>
  );
}

/**
 * "Why the operator concluded this": the operator version behind a result, opened on demand (its
 * prompt and schema are long) and by the `#operator` fragment, so a link can open it. Its loading
 * and failures stay inside it; the rest of the result page is never held up by them.
 */
export function OperatorSection({ result }: { result: OperatorResult }) {
  const location = useLocation();
  const navigate = useNavigate();
  const open = location.hash === `#${OPERATOR_SECTION}`;
  const target = versionTarget(result.operator);
  const query = useOperatorVersion(target);
  const section = useRef<HTMLElement>(null);
  const [landedOpen] = useState(open);

  // Landing on `#operator`, the section is brought to the top: once at once, and again when the
  // version has arrived, since a page that ended below a loading section could not scroll it there.
  const settled = !target.ok || query.isSuccess || query.isError;
  useEffect(() => {
    if (!landedOpen) return;
    // After the layout has put a newly opened page at its top.
    const frame = requestAnimationFrame(() => section.current?.scrollIntoView?.({ block: 'start' }));
    return () => cancelAnimationFrame(frame);
  }, [landedOpen, settled]);

  const toggle = () =>
    void navigate(
      { pathname: location.pathname, search: location.search, hash: open ? '' : OPERATOR_SECTION },
      { replace: true },
    );

  return (
    <section
      ref={section}
      id={OPERATOR_SECTION}
      aria-labelledby="operator-heading"
      className="scroll-mt-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="operator-heading" className="text-base font-semibold text-slate-950 dark:text-white">
          Why the operator concluded this
        </h2>
        {query.data && <LifecycleBadge version={query.data} />}
      </div>
      <p className={`mt-1 text-sm ${muted}`}>
        The operator version that produced this result: what it was told, the parameters this run used and the answer it had to
        give.
      </p>
      <Button className="mt-3" aria-expanded={open} aria-controls="operator-details" onClick={toggle}>
        {open ? 'Hide the operator' : 'Show the operator'}
      </Button>
      <div id="operator-details" hidden={!open} className="mt-4">
        {open && (
          <PanelBoundary name="operator">
            <Details result={result} target={target} query={query} />
          </PanelBoundary>
        )}
      </div>
    </section>
  );
}
