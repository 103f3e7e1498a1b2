import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { viewResult, type OperatorResult } from '../../api/operator-result';
import type { VerdictAnswer } from '../../api/review-answers';
import { CORRECTION_MAX, NOTE_TEXT_MAX, VERDICTS, type Verdict } from '../../api/reviews';
import { Badge, type BadgeTone } from '../../components/badge';
import { Button, buttonClass } from '../../components/button';
import { DateTime } from '../../components/date-time';
import { agreementQueryOptions, resultVerdictsQueryOptions, useSaveVerdict, useWithdrawVerdict } from './api';
import { ConflictActions } from './conflict-actions';
import { fieldClass, useCanWrite, WhoIsReviewing } from './who-is-reviewing';
import { describeWriteProblem, type WriteProblem } from './write-problem';

export const VERDICT_LABELS: Record<Verdict, string> = { agree: 'Agree', disagree: 'Disagree', unsure: 'Unsure' };
export const VERDICT_TONES: Record<Verdict, BadgeTone> = { agree: 'green', disagree: 'red', unsure: 'amber' };
const KEYS: Record<Verdict, string> = { agree: 'a', disagree: 'd', unsure: 'u' };

/** The label a CLASSIFICATION result gave, or null for any other kind of result. */
export function aiLabelOf(result: OperatorResult): string | null {
  const view = viewResult(result);
  return view.format === 'CLASSIFICATION' ? view.label : null;
}

/**
 * The labels a reviewer may pick as the right one: those the operator has produced (this result's,
 * and the AI labels the agreement figures know for it) and those reviewers already gave.
 */
function useLabelChoices(result: OperatorResult, verdicts: readonly VerdictAnswer[]): string[] {
  const label = aiLabelOf(result);
  const agreement = useQuery({ ...agreementQueryOptions(result.operator.id), enabled: label !== null });
  if (label === null) return [];
  const known = new Set<string>([label]);
  for (const pair of agreement.data?.classifications ?? []) {
    if (pair.operatorId === result.operator.id && pair.aiLabel) known.add(pair.aiLabel);
  }
  for (const verdict of verdicts) if (verdict.correction) known.add(verdict.correction);
  return [...known].sort((a, b) => a.localeCompare(b));
}

/** Everyone's verdicts on one operator result, and the reader's own, to give or change. */
export function ResultVerdicts({ conversationId, result }: { conversationId: string; result: OperatorResult }) {
  const query = useQuery(resultVerdictsQueryOptions(result.id));
  const verdicts = query.data?.verdicts ?? [];
  const { canWrite } = useCanWrite();
  const mine = verdicts.find((verdict) => verdict.mine) ?? null;
  return (
    <section aria-label="Verdicts" className="space-y-2">
      <WhoIsReviewing />
      {canWrite && query.isSuccess && (
        <MyVerdict conversationId={conversationId} result={result} mine={mine} verdicts={verdicts} />
      )}
      {query.isPending ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">Loading verdicts…</p>
      ) : query.isError ? (
        <p role="status" className="text-xs text-rose-800 dark:text-rose-300">
          The verdicts could not be loaded: {query.error.message}{' '}
          <button type="button" className="underline" onClick={() => void query.refetch()}>
            Retry
          </button>
        </p>
      ) : (
        <VerdictList verdicts={verdicts} />
      )}
    </section>
  );
}

function VerdictList({ verdicts }: { verdicts: readonly VerdictAnswer[] }) {
  if (verdicts.length === 0)
    return <p className="text-xs text-slate-600 dark:text-slate-400">No reviewer has given a verdict yet.</p>;
  return (
    <div>
      <p className="text-xs font-semibold text-slate-800 dark:text-slate-200">
        Reviewers{'\u2019'} verdicts ({verdicts.length})
      </p>
      <ul className="mt-1 space-y-1.5">
        {verdicts.map((verdict) => (
          <li key={verdict.id} className="rounded-md bg-slate-50 p-2 text-xs dark:bg-slate-800/60">
            <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className="font-semibold text-slate-900 dark:text-slate-100">
                {verdict.reviewer.name}
                {verdict.mine && ' (you)'}
              </span>
              <Badge tone={VERDICT_TONES[verdict.verdict]}>{VERDICT_LABELS[verdict.verdict]}</Badge>
              <DateTime iso={verdict.updatedAt} className="text-slate-600 dark:text-slate-400" />
            </span>
            {verdict.correction && (
              <p className="mt-1 [overflow-wrap:anywhere] text-slate-800 dark:text-slate-200">
                Correction: <strong>{verdict.correction}</strong>
                {verdict.aiLabel && <span className="text-slate-600 dark:text-slate-400"> (the AI said {verdict.aiLabel})</span>}
              </p>
            )}
            {verdict.note && (
              <p className="mt-1 whitespace-pre-wrap [overflow-wrap:anywhere] text-slate-800 dark:text-slate-200">
                {verdict.note}
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function MyVerdict({
  conversationId,
  result,
  mine,
  verdicts,
}: {
  conversationId: string;
  result: OperatorResult;
  mine: VerdictAnswer | null;
  verdicts: readonly VerdictAnswer[];
}) {
  const ids = { correction: useId(), note: useId(), labels: useId() };
  const [correction, setCorrection] = useState(mine?.correction ?? '');
  const [note, setNote] = useState(mine?.note ?? '');
  const [problem, setProblem] = useState<WriteProblem | null>(null);
  const [saved, setSaved] = useState('');
  const save = useSaveVerdict(conversationId, result.id);
  const withdraw = useWithdrawVerdict(conversationId, result.id);
  const labels = useLabelChoices(result, verdicts);
  const busy = save.isPending || withdraw.isPending;

  const send = (verdict: Verdict, expectedVersion = mine?.version ?? 0) => {
    setProblem(null);
    setSaved('');
    save.mutate(
      {
        verdict,
        correction: verdict === 'agree' ? null : correction.trim() || null,
        note: note.trim() || null,
        expectedVersion,
      },
      {
        onSuccess: (answer) => setSaved(`Saved: ${VERDICT_LABELS[answer.verdict]}`),
        onError: (error) => setProblem(describeWriteProblem(error, 'verdict')),
      },
    );
  };
  const current = mine?.verdict ?? null;
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-2 dark:border-slate-700">
      <div role="group" aria-label="Your verdict on this result" className="flex flex-wrap gap-1.5">
        {VERDICTS.map((verdict) => (
          <button
            key={verdict}
            type="button"
            aria-pressed={current === verdict}
            aria-keyshortcuts={KEYS[verdict]}
            disabled={busy}
            onClick={() => send(verdict)}
            className={`${buttonClass} ${current === verdict ? '!border-sky-700 !bg-sky-700 !text-white dark:!border-sky-400 dark:!bg-sky-400 dark:!text-slate-950' : ''}`}
          >
            {VERDICT_LABELS[verdict]}
          </button>
        ))}
      </div>
      <div className="space-y-1.5">
        {current !== 'agree' && (
          <div>
            <label htmlFor={ids.correction} className="block text-xs font-medium text-slate-800 dark:text-slate-200">
              {labels.length > 0 ? 'Correction: the right label (pick one or type your own)' : 'Correction (optional)'}
            </label>
            <input
              id={ids.correction}
              list={labels.length > 0 ? ids.labels : undefined}
              value={correction}
              maxLength={CORRECTION_MAX}
              onChange={(event) => setCorrection(event.target.value)}
              className={fieldClass}
            />
            {labels.length > 0 && (
              <datalist id={ids.labels}>
                {labels.map((label) => (
                  <option key={label} value={label} />
                ))}
              </datalist>
            )}
          </div>
        )}
        <div>
          <label htmlFor={ids.note} className="block text-xs font-medium text-slate-800 dark:text-slate-200">
            Note on your verdict (optional)
          </label>
          <textarea
            id={ids.note}
            value={note}
            rows={2}
            maxLength={NOTE_TEXT_MAX}
            onChange={(event) => setNote(event.target.value)}
            className={fieldClass}
          />
        </div>
        <div className="flex flex-wrap gap-2">
          {current && (
            <Button onClick={() => send(current)} disabled={busy}>
              Save correction and note
            </Button>
          )}
          {mine && (
            <Button
              onClick={() =>
                withdraw.mutate(mine.version, {
                  onSuccess: () => setSaved('Verdict withdrawn'),
                  onError: (error) => setProblem(describeWriteProblem(error, 'verdict')),
                })
              }
              disabled={busy}
            >
              Withdraw my verdict
            </Button>
          )}
        </div>
        {!current && (
          <p className="text-xs text-slate-600 dark:text-slate-400">Choose a verdict to save it with the correction and note.</p>
        )}
      </div>
      <p role="status" className="text-xs text-slate-700 dark:text-slate-300">
        {saved}
      </p>
      {problem && (
        <ConflictActions
          problem={problem}
          onOverwrite={problem.conflict && current ? () => send(current, problem.conflict!.version) : null}
          queryKey={resultVerdictsQueryOptions(result.id).queryKey}
        />
      )}
    </div>
  );
}
