import type { ReactNode } from 'react';
import type { Agreement } from '../../api/review-answers';

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });
const cell = 'px-3 py-2 text-left align-top';
const head = `${cell} text-xs font-semibold text-slate-700 dark:text-slate-300`;
const table = 'w-full min-w-[36rem] border-collapse text-sm';
const card = 'rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-700 dark:bg-slate-900';

type Operator = Agreement['operators'][number];

/** A table's column headings. */
function HeaderRow({ cells }: { cells: ReactNode[] }) {
  return (
    <thead className="border-b border-slate-200 dark:border-slate-700">
      <tr>
        {cells.map((content, index) => (
          <th key={index} scope="col" className={head}>
            {content}
          </th>
        ))}
      </tr>
    </thead>
  );
}
const versionOf = (version: number | null) => (version === null ? 'not named' : `v${version}`);
const keyOf = (row: { operatorId: string; operatorVersion: number | null }) => `${row.operatorId}@${row.operatorVersion}`;

/** Agree, disagree and unsure as one bar, so the operators can be compared at a glance. */
function ShareBar({ row }: { row: Operator }) {
  const parts = [
    ['agree', row.shares.agree, 'bg-emerald-600 dark:bg-emerald-400'],
    ['disagree', row.shares.disagree, 'bg-rose-600 dark:bg-rose-400'],
    ['unsure', row.shares.unsure, 'bg-amber-500 dark:bg-amber-300'],
  ] as const;
  return (
    <div aria-hidden="true" className="flex h-2 w-full min-w-24 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700">
      {parts.map(([name, share, colour]) => (
        <span key={name} className={colour} style={{ width: `${share * 100}%` }} />
      ))}
    </div>
  );
}

/**
 * How often reviewers agree with each operator, per version, and for CLASSIFICATION operators the
 * AI's label against the reviewers' (the correction, or the AI's own where they agreed).
 */
export function AgreementView({ agreement, nameOf }: { agreement: Agreement; nameOf: (operatorId: string) => string }) {
  if (agreement.operators.length === 0) {
    return (
      <p className={`${card} text-sm text-slate-700 dark:text-slate-300`}>
        No verdict has been given yet. Once reviewers agree or disagree with operator results, each operator{'\u2019'}s figures
        appear here.
      </p>
    );
  }
  const byOperator = new Map<string, Agreement['classifications']>();
  for (const pair of agreement.classifications) {
    const list = byOperator.get(keyOf(pair)) ?? [];
    list.push(pair);
    byOperator.set(keyOf(pair), list);
  }
  const ordered = [...agreement.operators].sort((a, b) => b.shares.disagree - a.shares.disagree || b.verdicts - a.verdicts);
  return (
    <div className="space-y-6">
      <section aria-labelledby="by-operator-heading" className={card}>
        <h2 id="by-operator-heading" className="text-base font-semibold text-slate-950 dark:text-white">
          By operator and version
        </h2>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Most disagreed with first.</p>
        <div className="relative mt-3 overflow-x-auto">
          <table className={table}>
            <HeaderRow
              cells={[
                'Operator',
                'Version',
                'Agree',
                'Disagree',
                'Unsure',
                <span className="sr-only">Shares</span>,
                'Results reviewed',
                'Verdicts',
              ]}
            />
            <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
              {ordered.map((row) => (
                <tr key={keyOf(row)}>
                  <th
                    scope="row"
                    className={`${cell} min-w-36 font-medium text-slate-900 [overflow-wrap:anywhere] dark:text-slate-100`}
                  >
                    {nameOf(row.operatorId)}
                  </th>
                  <td className={cell}>{versionOf(row.operatorVersion)}</td>
                  <td className={cell}>{percent.format(row.shares.agree)}</td>
                  <td className={`${cell} ${row.shares.disagree >= 0.5 ? 'font-semibold text-rose-800 dark:text-rose-300' : ''}`}>
                    {percent.format(row.shares.disagree)}
                  </td>
                  <td className={cell}>{percent.format(row.shares.unsure)}</td>
                  <td className={`${cell} w-32`}>
                    <ShareBar row={row} />
                  </td>
                  <td className={cell}>{row.results.toLocaleString('en')}</td>
                  <td className={cell}>{row.verdicts.toLocaleString('en')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {[...byOperator].map(([key, pairs]) => {
        const { operatorId, operatorVersion } = pairs[0]!;
        const headingId = `labels-${key.replace(/[^a-zA-Z0-9]/g, '-')}`;
        return (
          <section key={key} aria-labelledby={headingId} className={card}>
            <h2 id={headingId} className="text-base font-semibold text-slate-950 [overflow-wrap:anywhere] dark:text-white">
              {nameOf(operatorId)} {versionOf(operatorVersion)}: the AI{'\u2019'}s label against the reviewers{'\u2019'}
            </h2>
            <div className="relative mt-3 overflow-x-auto">
              <table className="w-full min-w-[20rem] border-collapse text-sm">
                <HeaderRow cells={['AI label', 'Reviewers\u2019 label', 'Verdicts']} />
                <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
                  {pairs.map((pair) => {
                    const differs = pair.reviewerLabel !== null && pair.reviewerLabel !== pair.aiLabel;
                    return (
                      <tr
                        key={`${pair.aiLabel}\u0000${pair.reviewerLabel}`}
                        className={differs ? 'bg-rose-50 dark:bg-rose-950/40' : ''}
                      >
                        <td className={`${cell} break-words`}>{pair.aiLabel ?? '(none)'}</td>
                        <td className={`${cell} break-words ${differs ? 'font-semibold text-rose-900 dark:text-rose-200' : ''}`}>
                          {pair.reviewerLabel ?? 'Unsure, no label given'}
                        </td>
                        <td className={cell}>{pair.count.toLocaleString('en')}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
