import type { ReactNode } from 'react';
import type { OperatorResult } from '../../api/operator-result';
import { DateTime } from '../../components/date-time';
import { TRIGGER_LABELS } from './labels';
import { lookup } from '../../lib/lookup';

/** One line of a definition list: a label, and what it says (stacked on a phone). */
export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-0.5 py-2 sm:grid-cols-[12rem_minmax(0,1fr)] sm:gap-4">
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="text-sm break-words text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}

export const Missing = () => <span className="text-slate-500 italic dark:text-slate-400">Not provided</span>;
export const Code = ({ children }: { children: ReactNode }) => <code className="font-mono text-xs break-all">{children}</code>;
export const When = ({ iso }: { iso: string | null | undefined }) => (iso ? <DateTime iso={iso} /> : <Missing />);

export function Provenance({ result }: { result: OperatorResult }) {
  const system = result.metadata?.system;
  const trigger = result.executionDetails?.trigger;
  const range = result.executionDetails?.communications;
  const configuration = result.intelligenceConfiguration;
  const parameters = result.operator.parameters ?? {};
  return (
    <dl className="divide-y divide-slate-100 dark:divide-slate-800">
      <Row label="Operator">
        <Code>{result.operator.id}</Code>
        {typeof result.operator.version === 'number' && (
          <span className="ml-2 text-slate-600 dark:text-slate-400">version {result.operator.version}</span>
        )}
      </Row>
      <Row label="Parameters">
        {Object.keys(parameters).length === 0 ? (
          <span className="text-slate-600 dark:text-slate-400">None</span>
        ) : (
          <Code>{JSON.stringify(parameters)}</Code>
        )}
      </Row>
      <Row label="Configuration">
        {configuration?.id ? (
          <>
            <Code>{configuration.id}</Code>
            {typeof configuration.version === 'number' && (
              <span className="ml-2 text-slate-600 dark:text-slate-400">version {configuration.version}</span>
            )}
            {configuration.ruleId && (
              <span className="block text-slate-600 dark:text-slate-400">
                rule <Code>{configuration.ruleId}</Code>
              </span>
            )}
          </>
        ) : (
          <Missing />
        )}
      </Row>
      <Row label="Trigger">
        {trigger?.on ? (lookup(TRIGGER_LABELS, trigger.on) ?? trigger.on) : <Missing />}
        {trigger?.timestamp && (
          <span className="block text-slate-600 dark:text-slate-400">
            at <When iso={trigger.timestamp} />
          </span>
        )}
      </Row>
      <Row label="Messages covered">
        {range?.first && range.last ? (
          <>
            <Code>{range.first}</Code> to <Code>{range.last}</Code>
          </>
        ) : (
          <Missing />
        )}
      </Row>
      <Row label="Created">
        <When iso={result.dateCreated} />
      </Row>
      <Row label="Model">{system?.resolvedModel ? <Code>{system.resolvedModel}</Code> : <Missing />}</Row>
      <Row label="Latency">{typeof system?.latencyMs === 'number' ? `${system.latencyMs.toLocaleString()} ms` : <Missing />}</Row>
      <Row label="Characters in / out">
        {typeof system?.inputCharacters === 'number' || typeof system?.outputCharacters === 'number' ? (
          `${system?.inputCharacters?.toLocaleString() ?? '?'} / ${system?.outputCharacters?.toLocaleString() ?? '?'}`
        ) : (
          <Missing />
        )}
      </Row>
      <Row label="Input truncated">
        {system?.inputTruncated === true ? (
          <span className="font-semibold text-amber-800 dark:text-amber-300">
            Yes: the operator did not see the whole conversation
          </span>
        ) : system?.inputTruncated === false ? (
          'No'
        ) : (
          <Missing />
        )}
      </Row>
    </dl>
  );
}
