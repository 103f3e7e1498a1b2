import { useState } from 'react';
import type { Conversation } from '../../api/conversation';
import type { ConversationReviewAnswer } from '../../api/review-answers';
import { copyText } from '../../lib/clipboard';
import { redactText } from '../../lib/redact';
import type { Zone } from '../../lib/time';
import type * as ExportModule from './export';
import type { ExportOptions } from './export';

type Exporter = typeof ExportModule;
let exporter: Promise<Exporter> | null = null;
/** The exporters load when the menu opens, not with the page: most readers never export. */
const loadExporter = () => (exporter ??= import('./export'));

const FORMATS = {
  txt: { run: 'exportPlainText', type: 'text/plain' },
  md: { run: 'exportMarkdown', type: 'text/markdown' },
  csv: { run: 'exportCsv', type: 'text/csv' },
  json: { run: 'exportJson', type: 'application/json' },
} as const satisfies Record<string, { run: keyof Exporter; type: string }>;
const NOT_LOADED = 'The exporter could not be loaded: reload the page and try again';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const item = 'block w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800';

export type ExportMenuProps = {
  conversation: Conversation;
  /** Participants hidden by the reader's filters: their messages are left out. */
  hiddenParticipantIds: ReadonlySet<string>;
  redact: boolean;
  timeZone: Zone;
  /** The conversation's review, when it has loaded: offered for inclusion in the exports. */
  review?: ConversationReviewAnswer;
};

/** Copies and downloads honour what is on screen: filters, redaction and the time zone. */
export function ExportMenu({ conversation, hiddenParticipantIds, redact, timeZone, review }: ExportMenuProps) {
  const [said, setSaid] = useState('');
  const [withReview, setWithReview] = useState(false);
  const options = (): ExportOptions => ({
    review: withReview ? review : undefined,
    conversation,
    hiddenParticipantIds,
    redact: redact ? redactText : undefined,
    timeZone,
    link: window.location.href.split('#')[0],
  });
  const copy = (format: 'txt' | 'md', label: string) =>
    loadExporter().then(
      (exporters) =>
        copyText(exporters[FORMATS[format].run](options())).then(
          () => setSaid(`Copied the transcript as ${label}`),
          () => setSaid('Copy failed: the browser blocked the clipboard'),
        ),
      () => setSaid(NOT_LOADED),
    );
  const save = (format: keyof typeof FORMATS) =>
    loadExporter().then(
      (exporters) => {
        const name = exporters.exportFileName(conversation.id, format);
        // A byte-order mark, or spreadsheet programs read UTF-8 CSV as Latin-1 and garble names and emoji.
        const text = exporters[FORMATS[format].run](options());
        download(name, FORMATS[format].type, format === 'csv' ? `\uFEFF${text}` : text);
        setSaid(`Downloaded ${name}`);
      },
      () => setSaid(NOT_LOADED),
    );
  return (
    <span className="inline-flex items-center gap-2">
      <details className="relative" onToggle={() => void loadExporter()}>
        <summary className="cursor-pointer rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100">
          Copy or export
        </summary>
        <div className="absolute right-0 z-30 mt-1 w-56 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <button type="button" className={item} onClick={() => void copy('txt', 'plain text')}>
            Copy as plain text
          </button>
          <button type="button" className={item} onClick={() => void copy('md', 'Markdown')}>
            Copy as Markdown
          </button>
          <button type="button" className={item} onClick={() => void save('json')}>
            Download JSON
          </button>
          <button type="button" className={item} onClick={() => void save('md')}>
            Download Markdown
          </button>
          <button type="button" className={item} onClick={() => void save('csv')}>
            Download CSV
          </button>
          {review && (
            <label className={`${item} flex items-center gap-2 border-t border-slate-200 dark:border-slate-700`}>
              <input type="checkbox" checked={withReview} onChange={(event) => setWithReview(event.target.checked)} />
              Include notes and verdicts (JSON, Markdown, CSV)
            </label>
          )}
          <button type="button" className={item} onClick={() => window.print()}>
            Print
          </button>
        </div>
      </details>
      <span role="status" className="text-xs text-slate-600 dark:text-slate-300">
        {said}
      </span>
    </span>
  );
}
