import { useId, useState } from 'react';
import type { OperatorVersion } from '../../api/operator';
import { promptParts, trainingExamplesOf, valueAsText, type ParameterRow, type PromptPart } from './operator-version-model';

const muted = 'text-slate-600 dark:text-slate-400';
const box = 'rounded-md border border-slate-200 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-800/60';
const mark = {
  filled: 'rounded-sm bg-sky-100 px-0.5 text-sky-950 ring-1 ring-sky-300 dark:bg-sky-900/70 dark:text-sky-50 dark:ring-sky-700',
  missing:
    'rounded-sm bg-rose-100 px-0.5 text-rose-950 ring-1 ring-rose-300 dark:bg-rose-950 dark:text-rose-100 dark:ring-rose-800',
};

function Placeholder({ part, asWritten }: { part: Extract<PromptPart, { kind: 'placeholder' }>; asWritten: boolean }) {
  const { used, written } = part;
  const whence =
    used.source === 'run'
      ? `${written}, this run\u2019s value`
      : used.source === 'default'
        ? `${written}, its default: the run set none`
        : `${written}: the run set no value and there is no default`;
  const shown = asWritten || used.source === 'none' ? written : valueAsText(used.value);
  return (
    <mark data-placeholder={part.name} title={whence} className={used.source === 'none' ? mark.missing : mark.filled}>
      {shown}
      {!asWritten && <span className="sr-only"> (from {whence})</span>}
    </mark>
  );
}

/**
 * The operator's prompt, its `{{parameters.x}}` placeholders filled in with what this run used and
 * marked, or shown as written; a reviewer reads what the model was told.
 */
export function OperatorPrompt({ prompt, rows }: { prompt: string; rows: ParameterRow[] }) {
  const [asWritten, setAsWritten] = useState(false);
  const checkboxId = useId();
  const parts = promptParts(prompt, rows);
  const placeholders = parts.filter((part) => part.kind === 'placeholder').length;
  return (
    <div className="space-y-2">
      {placeholders > 0 && (
        <div className="flex flex-wrap items-center justify-between gap-2 text-xs">
          <p className={muted}>
            {asWritten
              ? 'Its placeholders, as the prompt has them.'
              : `Marked: the ${placeholders === 1 ? 'value' : 'values'} this run used in place of ${placeholders === 1 ? 'a placeholder' : 'its placeholders'}.`}
          </p>
          <span className="flex items-center gap-1.5">
            <input id={checkboxId} type="checkbox" checked={asWritten} onChange={(event) => setAsWritten(event.target.checked)} />
            <label htmlFor={checkboxId} className="text-slate-800 dark:text-slate-200">
              Show the placeholders
            </label>
          </span>
        </div>
      )}
      <div className={`${box} text-sm break-words whitespace-pre-wrap text-slate-900 dark:text-slate-100`}>
        {parts.map((part, index) =>
          part.kind === 'text' ? part.text : <Placeholder key={index} part={part} asWritten={asWritten} />,
        )}
      </div>
    </div>
  );
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2) ?? String(value);

/** An example as text; JSON (an object, or a string holding one, as a JSON operator's output) laid out to be read. */
function asText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') return pretty(value);
  if (/^\s*[[{]/.test(value)) {
    try {
      return pretty(JSON.parse(value));
    } catch {
      // Not JSON after all: shown as it came.
    }
  }
  return value;
}

/** The examples the operator was trained with: what it was given, and what it should have answered. */
export function TrainingExamples({ version }: { version: OperatorVersion }) {
  const examples = trainingExamplesOf(version);
  if (examples.length === 0) return <p className={`text-sm ${muted}`}>This version has no training examples.</p>;
  return (
    <ol className="space-y-2">
      {examples.map((example, index) => (
        <li key={index} className={box}>
          <p className={`mb-1 text-xs font-medium ${muted}`}>Example {index + 1}</p>
          <dl className="space-y-1 text-sm">
            <dt className={`text-xs ${muted}`}>Input</dt>
            <dd className="break-words whitespace-pre-wrap text-slate-900 dark:text-slate-100">{asText(example.input)}</dd>
            <dt className={`text-xs ${muted}`}>Expected output</dt>
            <dd className="font-mono text-xs break-words whitespace-pre-wrap text-slate-900 dark:text-slate-100">
              {example.output === undefined ? (
                <span className={`font-sans italic ${muted}`}>Not given</span>
              ) : (
                asText(example.output)
              )}
            </dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}
