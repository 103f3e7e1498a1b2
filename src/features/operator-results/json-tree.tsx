import { createContext, useContext, useState, type ReactNode } from 'react';
import { copyText } from '../../lib/clipboard';
import { childPath, copyableValue } from './json-path';

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

const Announce = createContext<(message: string) => void>(() => {});

function CopyActions({ path, value }: { path: string; value: unknown }) {
  const announce = useContext(Announce);
  const copy = (text: string, what: string) =>
    copyText(text).then(
      () => announce(`Copied the ${what} of ${path}`),
      () => announce('Copy failed: the browser blocked the clipboard'),
    );
  const button =
    'rounded px-1 text-[0.7rem] font-sans text-slate-600 underline decoration-dotted underline-offset-2 hover:text-slate-950 dark:text-slate-400 dark:hover:text-white';
  return (
    <span className="ml-2 inline-flex gap-1 align-baseline">
      <button
        type="button"
        className={button}
        aria-label={`Copy value of ${path}`}
        onClick={() => void copy(copyableValue(value), 'value')}
      >
        value
      </button>
      <button type="button" className={button} aria-label={`Copy path ${path}`} onClick={() => void copy(path, 'path')}>
        path
      </button>
    </span>
  );
}

function Node({ name, path, value, depth }: { name: ReactNode; path: string; value: unknown; depth: number }) {
  if (value === null || typeof value !== 'object') {
    return (
      <li className="py-0.5">
        <span className="text-slate-700 dark:text-slate-300">{name}</span>
        <span aria-hidden="true" className="text-slate-400">
          :{' '}
        </span>
        <Primitive value={value} />
        <CopyActions path={path} value={value} />
      </li>
    );
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return (
    <li className="flex items-start py-0.5">
      {/* The copy buttons sit beside the <summary>, not in it: a summary is itself a control. */}
      <details open={depth < 3} className="min-w-0">
        <summary className="cursor-pointer rounded select-none">
          <span className="text-slate-700 dark:text-slate-300">{name}</span>{' '}
          <span className="text-slate-500 dark:text-slate-400">{summary(value)}</span>
        </summary>
        {entries.length > 0 && (
          <ul className="ml-2 border-l border-slate-200 pl-3 dark:border-slate-700">
            {entries.map(([key, child]) => (
              <Node
                key={key}
                name={typeof key === 'number' ? `[${key}]` : key}
                path={childPath(path, key)}
                value={child}
                depth={depth + 1}
              />
            ))}
          </ul>
        )}
      </details>
      <CopyActions path={path} value={value} />
    </li>
  );
}

/**
 * Any JSON value as a collapsible tree (native <details>), with copy-value and copy-path on every
 * node; `rootName` names the top node ("result", "schema"). A `wide` tree keeps each line whole and
 * scrolls sideways instead: a deep one (a JSON schema) would otherwise be squeezed to a few
 * characters a line on a phone, as every level takes its indent and its copy buttons.
 */
export function JsonTree({
  value,
  label,
  rootName = 'result',
  wide = false,
}: {
  value: unknown;
  label: string;
  rootName?: string;
  wide?: boolean;
}) {
  const [message, setMessage] = useState('');
  const tree = (
    <ul aria-label={label} className={`font-mono text-sm ${wide ? 'w-max min-w-full' : ''}`}>
      <Node name={rootName} path="$" value={value} depth={0} />
    </ul>
  );
  return (
    <Announce.Provider value={setMessage}>
      {wide ? <div className="relative overflow-x-auto pb-1">{tree}</div> : tree}
      <p role="status" className="mt-2 min-h-4 text-xs text-slate-600 dark:text-slate-300">
        {message}
      </p>
    </Announce.Provider>
  );
}
