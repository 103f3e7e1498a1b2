import { Badge } from '../../components/badge';
import { valueAsJson, type ParameterRow } from './operator-version-model';

const muted = 'text-slate-600 dark:text-slate-400';

function UsedBy({ row }: { row: ParameterRow }) {
  const { used } = row;
  if (used.source === 'none') return <span className={`italic ${muted}`}>Not set, and no default</span>;
  return (
    <>
      <code className="font-mono text-xs [overflow-wrap:anywhere]">{valueAsJson(used.value)}</code>
      {used.source === 'default' && <span className={muted}> (the default: the run set none)</span>}
    </>
  );
}

/**
 * The parameters the version declares, with their types, defaults and descriptions, each beside the
 * value this run used; a value the run passed that the version does not declare is shown too.
 */
export function OperatorParameters({ rows }: { rows: ParameterRow[] }) {
  if (rows.length === 0) return <p className={`text-sm ${muted}`}>This version takes no parameters, and the run passed none.</p>;
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800">
      {rows.map((row) => (
        <li key={row.name} className="py-2">
          <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <code className="font-mono text-sm font-semibold [overflow-wrap:anywhere] text-slate-950 dark:text-white">
              {row.name}
            </code>
            {row.type && <span className={`font-mono text-xs ${muted}`}>{row.type}</span>}
            {row.required === true && <span className={`text-xs ${muted}`}>required</span>}
            {!row.declared && <Badge tone="amber">Not declared by this version</Badge>}
          </p>
          {row.description && <p className="mt-0.5 text-sm text-slate-800 dark:text-slate-200">{row.description}</p>}
          <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-sm">
            <dt className={muted}>This run</dt>
            <dd className="text-slate-900 dark:text-slate-100">
              <UsedBy row={row} />
            </dd>
            {row.declared && (
              <>
                <dt className={muted}>Default</dt>
                <dd className="text-slate-900 dark:text-slate-100">
                  {row.default ? (
                    <code className="font-mono text-xs [overflow-wrap:anywhere]">{valueAsJson(row.default.value)}</code>
                  ) : (
                    <span className={`italic ${muted}`}>None</span>
                  )}
                </dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}
