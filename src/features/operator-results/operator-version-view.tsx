import { useId, type ReactNode } from 'react';
import type { OperatorVersion } from '../../api/operator';
import type { OperatorResult } from '../../api/operator-result';
import { lookup } from '../../lib/lookup';
import { JsonTree } from './json-tree';
import { FORMAT_LABELS } from './labels';
import { LifecycleBadge } from './operator-lifecycle';
import { OperatorParameters } from './operator-parameters';
import { OperatorPrompt, TrainingExamples } from './operator-prompt';
import { AUTHOR_LABELS, parameterRows, STATUS_LABELS } from './operator-version-model';
import { Code, Missing, Row, When } from './provenance';

const muted = 'text-slate-600 dark:text-slate-400';

function Part({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h3 id={id} className="text-sm font-semibold text-slate-950 dark:text-white">
        {title}
      </h3>
      {children}
    </section>
  );
}

function Lifecycle({ version }: { version: OperatorVersion }) {
  const status = version.status?.trim();
  return (
    <>
      {status ? (lookup(STATUS_LABELS, status) ?? status) : <Missing />}
      {version.dateCreated && (
        <span className={`block ${muted}`}>
          published <When iso={version.dateCreated} />
        </span>
      )}
      {version.dateDeprecated && (
        <span className={`block ${muted}`}>
          deprecated <When iso={version.dateDeprecated} />
        </span>
      )}
      {version.retirementDate && (
        <span className={`block ${muted}`}>
          retirement date <When iso={version.retirementDate} />
        </span>
      )}
      {version.dateRetired && (
        <span className={`block ${muted}`}>
          retired <When iso={version.dateRetired} />
        </span>
      )}
    </>
  );
}

const onOff = (value: unknown) => (value === true ? 'on' : value === false ? 'off' : 'not said');

function ContextUsed({ context }: { context: unknown }) {
  const { memory, knowledge } = (context ?? {}) as { memory?: { enabled?: unknown }; knowledge?: { enabled?: unknown } };
  return (
    <>
      Memory {onOff(memory?.enabled)}, knowledge {onOff(knowledge?.enabled)}
    </>
  );
}

/**
 * The operator version that produced a result, as Twilio keeps it: what it is, who wrote it, what it
 * must answer, the parameters it takes beside the values this run used, and (for the account's own
 * operators) the prompt and training examples it was given. Twilio's own operators keep the last
 * two private.
 */
export function OperatorVersionView({
  version,
  result,
  number,
}: {
  version: OperatorVersion;
  result: OperatorResult;
  number: number;
}) {
  const rows = parameterRows(version.parameters, result.operator.parameters);
  const author = version.author?.trim();
  const byTwilio = author === 'TWILIO';
  const format = version.outputFormat?.trim();
  const prompt = typeof version.prompt === 'string' && version.prompt.trim() ? version.prompt : null;
  const hasExamples = Array.isArray(version.trainingExamples);
  return (
    <div className="space-y-5">
      <div>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="text-base font-semibold [overflow-wrap:anywhere] text-slate-950 dark:text-white">
            {version.displayName?.trim() || 'An operator without a name'}
          </span>
          <span className={`text-sm ${muted}`}>version {number}</span>
          <LifecycleBadge version={version} />
        </p>
        {version.description?.trim() && (
          <p className="mt-1 text-sm [overflow-wrap:anywhere] text-slate-800 dark:text-slate-200">{version.description}</p>
        )}
      </div>
      <dl className="divide-y divide-slate-100 dark:divide-slate-800">
        <Row label="Written by">{author ? (lookup(AUTHOR_LABELS, author) ?? author) : <Missing />}</Row>
        <Row label="Output format">{format ? (lookup(FORMAT_LABELS, format) ?? format) : <Missing />}</Row>
        <Row label="Status">
          <Lifecycle version={version} />
        </Row>
        {version.context != null && (
          <Row label="Context it may use">
            <ContextUsed context={version.context} />
          </Row>
        )}
        <Row label="Operator ID">
          <Code>{result.operator.id}</Code>
        </Row>
      </dl>
      {(format === 'JSON' || version.outputSchema != null) && (
        <Part title="Output schema">
          {version.outputSchema != null ? (
            <JsonTree value={version.outputSchema} label="Output schema as a tree" rootName="schema" wide />
          ) : (
            <p className={`text-sm ${muted}`}>This version declares no output schema.</p>
          )}
        </Part>
      )}
      <Part title="Parameters">
        <OperatorParameters rows={rows} />
      </Part>
      {byTwilio && (!prompt || !hasExamples) && (
        <p className="rounded-md border border-slate-200 p-3 text-sm text-slate-800 dark:border-slate-700 dark:text-slate-200">
          Twilio wrote this operator and keeps its prompt and training examples private: Twilio does not return them, so they
          cannot be shown.
        </p>
      )}
      {(prompt || !byTwilio) && (
        <Part title="Prompt">
          {prompt ? (
            <OperatorPrompt prompt={prompt} rows={rows} />
          ) : (
            <p className={`text-sm ${muted}`}>Twilio did not return a prompt for this version.</p>
          )}
        </Part>
      )}
      {(hasExamples || !byTwilio) && (
        <Part title="Training examples">
          {hasExamples ? (
            <TrainingExamples version={version} />
          ) : (
            <p className={`text-sm ${muted}`}>Twilio did not return training examples for this version.</p>
          )}
        </Part>
      )}
    </div>
  );
}
