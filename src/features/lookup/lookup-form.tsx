import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { parseLookupInput } from '../../api/ids';
import { primaryButtonClass } from '../../components/button';

/** The paste box: accepts an ID, a link or text around one, and says precisely what is wrong. */
export function LookupForm() {
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const problemId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = parseLookupInput(value);
    if (!target.ok) {
      setProblem(target.problem);
      return;
    }
    if (target.kind === 'channel') {
      setProblem(
        `This is a Twilio SID (${target.id.slice(0, 2)}\u2026), not a conversation ID. Paste the conversation ID or its link.`,
      );
      return;
    }
    void navigate(target.kind === 'conversation' ? `/conversations/${target.id}` : `/operator-results/${target.id}`);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-900 dark:text-slate-100">
        Conversation ID or link
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={inputId}
          name="conversation"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setProblem(null);
          }}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="conv_conversation_…"
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${problemId} ${hintId}` : hintId}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-950 placeholder:text-slate-500 aria-invalid:border-rose-600 dark:border-slate-600 dark:bg-slate-900 dark:text-white dark:placeholder:text-slate-400 dark:aria-invalid:border-rose-400"
        />
        <button type="submit" className={primaryButtonClass}>
          Open
        </button>
      </div>
      {problem && (
        <p id={problemId} role="alert" className="text-sm font-medium text-rose-800 dark:text-rose-300">
          {problem}
        </p>
      )}
      <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
        &ldquo;conv_conversation_&rdquo; followed by 26 characters. A console link or an operator result ID works too.
      </p>
    </form>
  );
}
