import type { ReactNode } from 'react';

function Primitive({ value }: { value: unknown }) {
  if (value === null) return <span className="text-slate-500 italic dark:text-slate-400">null</span>;
  switch (typeof value) {
    case 'string':
      return <span className="break-words whitespace-pre-wrap text-emerald-800 dark:text-emerald-300">&quot;{value}&quot;</span>;
    case 'number':
    case 'bigint':
      return <span className="text-sky-800 dark:text-sky-300">{String(value)}</span>;
    case 'boolean':
      return <span className="text-violet-800 dark:text-violet-300">{String(value)}</span>;
    default:
      return <span>{String(value)}</span>;
  }
}

function summary(value: object): string {
  return Array.isArray(value)
    ? `[${value.length} ${value.length === 1 ? 'item' : 'items'}]`
    : `{${Object.keys(value).length} keys}`;
}

function Node({ name, value, depth }: { name: ReactNode; value: unknown; depth: number }) {
  if (value === null || typeof value !== 'object') {
    return (
      <li className="py-0.5">
        <span className="text-slate-700 dark:text-slate-300">{name}</span>
        <span aria-hidden="true" className="text-slate-400">
          :{' '}
        </span>
        <Primitive value={value} />
      </li>
    );
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return (
    <li className="py-0.5">
      <details open={depth < 3}>
        <summary className="cursor-pointer rounded select-none">
          <span className="text-slate-700 dark:text-slate-300">{name}</span>{' '}
          <span className="text-slate-500 dark:text-slate-400">{summary(value)}</span>
        </summary>
        {entries.length > 0 && (
          <ul className="ml-2 border-l border-slate-200 pl-3 dark:border-slate-700">
            {entries.map(([key, child]) => (
              <Node key={key} name={typeof key === 'number' ? `[${key}]` : key} value={child} depth={depth + 1} />
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

/** Any JSON value as a collapsible tree (native <details>, so keyboard and screen readers just work). */
export function JsonTree({ value, label }: { value: unknown; label: string }) {
  return (
    <ul aria-label={label} className="font-mono text-sm">
      <Node name="result" value={value} depth={0} />
    </ul>
  );
}
