import { Link } from 'react-router';
import { isId } from '../../api/ids';
import type { OperatorResult } from '../../api/operator-result';
import { withZone } from '../../lib/time';
import { useZone } from '../../lib/use-zone';
import { LifecycleText } from './operator-lifecycle';
import { OPERATOR_SECTION } from './operator-section';
import { useOperatorVersion } from './operator-version-api';
import { versionTarget } from './operator-version-model';

const muted = 'text-slate-600 dark:text-slate-400';

/**
 * One line for the selected result: the operator version that produced it, with its lifecycle
 * ("Customer sentiment v2 (Deprecated, retires Mar 31, 2027)"), and a link to the whole of it on the
 * result page.
 */
export function OperatorLine({ result, name }: { result: OperatorResult; name: string | undefined }) {
  const zone = useZone();
  const target = versionTarget(result.operator);
  const query = useOperatorVersion(target);
  const version = query.data;
  const label = version?.displayName?.trim() || name || result.operator.id || 'not named';
  const state = !target.ok ? (
    'its definition cannot be looked up'
  ) : version ? (
    <LifecycleText version={version} />
  ) : query.isError ? (
    'its version could not be read'
  ) : null;
  return (
    <p className="text-slate-800 dark:text-slate-200">
      <span className={muted}>Operator: </span>
      <span className="font-medium [overflow-wrap:anywhere]">{label}</span>
      {target.ok && <> v{target.version}</>}
      {state && <span className={muted}> ({state})</span>}
      {target.ok && isId('operatorResult', result.id) && (
        <>
          {' \u00b7 '}
          <Link
            to={withZone(`/operator-results/${result.id}#${OPERATOR_SECTION}`, zone)}
            aria-label={`Operator view: ${label} v${target.version}`}
            className="font-medium whitespace-nowrap text-sky-800 underline dark:text-sky-300"
          >
            Operator view
          </Link>
        </>
      )}
    </p>
  );
}
