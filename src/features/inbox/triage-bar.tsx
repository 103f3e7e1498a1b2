import { useId } from 'react';
import { Button } from '../../components/button';
import { inputClass } from './range-fields';
import {
  describeTest,
  MAX_TRIAGE_COLUMNS,
  readTest,
  testsFor,
  writeTest,
  type CellValue,
  type Triage,
  type TriageTest,
} from './triage';

type Named = { id: string; name: string };

/** One result column: its operator, and the filter on its values offered from the values seen. */
function ColumnControl({
  column,
  test,
  seen,
  onTest,
  onRemove,
}: {
  column: Named;
  test: TriageTest | null;
  seen: CellValue[];
  onTest: (test: TriageTest | null) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const { labels, numbers } = testsFor(seen);
  const offered = [...labels, ...numbers, { kind: 'none' } as const];
  // The link's own filter stays offered even before any row shows that value.
  if (test && !offered.some((option) => writeTest(option) === writeTest(test))) offered.unshift(test);
  return (
    <li className="flex min-w-0 max-w-full flex-wrap items-center gap-2 rounded-lg border border-slate-200 px-2 py-1.5 dark:border-slate-700">
      <span className="min-w-0 text-sm font-medium [overflow-wrap:anywhere] text-slate-900 dark:text-slate-100">
        {column.name}
      </span>
      <label htmlFor={id} className="sr-only">
        Show only rows where {column.name} is
      </label>
      <select
        id={id}
        value={test ? writeTest(test) : ''}
        onChange={(event) => onTest(event.target.value ? readTest(event.target.value) : null)}
        className={`${inputClass} py-1`}
      >
        <option value="">Any value</option>
        {offered.map((option) => (
          <option key={writeTest(option)} value={writeTest(option)}>
            {describeTest(option)}
          </option>
        ))}
      </select>
      <Button onClick={onRemove} aria-label={`Remove the ${column.name} column`} className="px-2 py-1">
        <span aria-hidden="true">&times;</span>
      </Button>
    </li>
  );
}

/**
 * Triage by what the AI concluded: up to three operators as result columns, each with a filter on
 * its latest result. All of it is in the URL (`?show=`, `?where=`).
 */
export function TriageBar({
  triage,
  operators,
  seen,
  onChange,
}: {
  triage: Triage;
  operators: Named[];
  /** The values each column shows among the rows asked so far: what its filter offers. */
  seen: (operatorId: string) => CellValue[];
  onChange: (triage: Triage) => void;
}) {
  const addId = useId();
  const nameOf = (id: string) => operators.find((operator) => operator.id === id)?.name ?? id;
  const full = triage.columns.length >= MAX_TRIAGE_COLUMNS;
  const setTest = (operatorId: string, test: TriageTest | null) =>
    onChange({
      columns: triage.columns,
      conditions: [
        ...triage.conditions.filter((condition) => condition.operatorId !== operatorId),
        ...(test ? [{ operatorId, test }] : []),
      ].sort((a, b) => triage.columns.indexOf(a.operatorId) - triage.columns.indexOf(b.operatorId)),
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={addId} className="text-xs font-medium text-slate-700 dark:text-slate-300">
        What the AI concluded
      </label>
      <select
        id={addId}
        value=""
        disabled={full}
        onChange={(event) => event.target.value && onChange({ ...triage, columns: [...triage.columns, event.target.value] })}
        className={`${inputClass} w-56 py-1`}
      >
        <option value="">{full ? `At most ${MAX_TRIAGE_COLUMNS} result columns` : 'Add a result column…'}</option>
        {operators
          .filter((operator) => !triage.columns.includes(operator.id))
          .map((operator) => (
            <option key={operator.id} value={operator.id}>
              {operator.name}
            </option>
          ))}
      </select>
      {triage.columns.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Result columns">
          {triage.columns.map((operatorId) => (
            <ColumnControl
              key={operatorId}
              column={{ id: operatorId, name: nameOf(operatorId) }}
              test={triage.conditions.find((condition) => condition.operatorId === operatorId)?.test ?? null}
              seen={seen(operatorId)}
              onTest={(test) => setTest(operatorId, test)}
              onRemove={() =>
                onChange({
                  columns: triage.columns.filter((id) => id !== operatorId),
                  conditions: triage.conditions.filter((condition) => condition.operatorId !== operatorId),
                })
              }
            />
          ))}
        </ul>
      )}
    </div>
  );
}
