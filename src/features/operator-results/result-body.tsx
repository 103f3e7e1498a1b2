import { viewResult, type OperatorResult } from '../../api/operator-result';
import { Badge } from '../../components/badge';
import { JsonTree } from './json-tree';
import { refusalOf } from '../../lib/refusal';

export function ResultBody({ result }: { result: OperatorResult }) {
  const refusal = refusalOf(result);
  if (refusal) {
    return (
      <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100">
        <p className="font-semibold">The model refused to produce this result</p>
        <p className="mt-1 text-sm">{refusal}</p>
      </div>
    );
  }
  const view = viewResult(result);
  switch (view.format) {
    case 'TEXT':
      return (
        <p className="text-base leading-relaxed whitespace-pre-wrap text-slate-900 [overflow-wrap:anywhere] dark:text-slate-100">
          {view.text}
        </p>
      );
    case 'CLASSIFICATION':
      return (
        <p className="flex items-center gap-3">
          <span className="text-sm text-slate-600 dark:text-slate-400">Label</span>
          <span className="rounded-lg bg-sky-700 px-3 py-1 font-mono text-lg font-semibold text-white dark:bg-sky-600 dark:text-slate-950">
            {view.label}
          </span>
        </p>
      );
    case 'EXTRACTION':
      return view.entities.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No entities were extracted.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Extracted entities</caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                <th scope="col" className="py-2 pr-4 font-semibold">
                  Label
                </th>
                <th scope="col" className="py-2 font-semibold">
                  Text
                </th>
              </tr>
            </thead>
            <tbody>
              {view.entities.map((entity, index) => (
                <tr key={index} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                  <td className="py-2 pr-4 align-top">
                    <Badge tone="violet">{entity.label}</Badge>
                  </td>
                  <td className="py-2 break-words">{entity.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'JSON':
      return <JsonTree value={view.value} label="Result as a tree" />;
    case 'unknown':
      return (
        <div className="space-y-2">
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {['TEXT', 'CLASSIFICATION', 'EXTRACTION'].includes(view.declared)
              ? `This result says it is ${view.declared}, but its content has another shape. It is shown as it is.`
              : `This viewer does not know the output format \u201c${view.declared}\u201d. The result is shown as it is.`}
          </p>
          <JsonTree value={view.value ?? null} label="Result as a tree" />
        </div>
      );
  }
}
