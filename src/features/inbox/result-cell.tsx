import { useQuery } from '@tanstack/react-query';
import { latestResultOptions } from './api';
import { cellValueOf, type CellValue } from './triage';

function describe(value: CellValue): string {
  switch (value.kind) {
    case 'label':
      return value.label;
    case 'number':
      return String(value.value);
    case 'text':
      return value.text;
    case 'refused':
      return 'Refused';
    case 'none':
      return '\u2014';
  }
}

/**
 * The latest result of one operator on one conversation, as a cell: the label, the first number of
 * a JSON result, "—" when there is none, a mark when it could not be read. Asked for only while the
 * row is rendered (in view); a row scrolled away before its turn in the queue costs no request.
 */
export function ResultCell({
  conversationId,
  operatorId,
  operatorName,
}: {
  conversationId: string;
  operatorId: string;
  operatorName: string;
}) {
  const query = useQuery(latestResultOptions(conversationId, operatorId));
  let content;
  if (query.isPending) {
    content = (
      <span
        className="inline-block h-3 w-12 animate-pulse rounded bg-slate-200 dark:bg-slate-700"
        aria-label="Loading"
        role="img"
      />
    );
  } else if (query.isError) {
    content = (
      <span
        className="font-medium text-rose-800 dark:text-rose-300"
        title="This result could not be read; it is asked for again later."
      >
        <span aria-hidden="true">&#9888;</span> Not loaded
      </span>
    );
  } else {
    const value = cellValueOf(query.data);
    content = (
      <span className={value.kind === 'label' || value.kind === 'number' ? 'font-medium' : 'text-slate-700 dark:text-slate-300'}>
        {value.kind === 'none' ? <span aria-label="No result">{describe(value)}</span> : describe(value)}
      </span>
    );
  }
  return (
    <div className="flex min-w-0 items-baseline">
      {/* The name gives way first: until the operators' names arrive it is a long ID. */}
      <span className="mr-1 min-w-0 shrink-[4] truncate text-slate-600 md:sr-only dark:text-slate-400">{operatorName}:</span>
      <span className="min-w-0 truncate">{content}</span>
    </div>
  );
}
