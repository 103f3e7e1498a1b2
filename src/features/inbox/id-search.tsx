import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type Ref } from 'react';
import { useNavigate } from 'react-router';
import { parseLookupInput } from '../../api/ids';
import { Button } from '../../components/button';
import { channelLookupOptions } from '../../lib/channel-lookup';
import { withZone, type Zone } from '../../lib/time';
import { inputClass } from './range-fields';

/**
 * The inbox's search field: a conversation or result ID opens it; a Call, Message or other channel
 * SID opens its conversation when one holds it, and otherwise becomes the `channelId` filter, so
 * several are listed and none is said. Its own component: a keystroke re-renders the field only.
 */
export function IdSearch({
  zone,
  inputRef,
  hrefFor,
  onChannel,
}: {
  zone: Zone;
  inputRef: Ref<HTMLInputElement>;
  hrefFor: (conversationId: string) => string;
  onChannel: (channelId: string) => void;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const target = parseLookupInput(text);
    if (!target.ok) return setProblem(target.problem);
    if (target.kind === 'conversation') return void navigate(withZone(`/conversations/${target.id}`, zone));
    if (target.kind === 'operatorResult') return void navigate(withZone(`/operator-results/${target.id}`, zone));
    try {
      const found = await queryClient.fetchQuery(channelLookupOptions(target.id));
      if (found.items.length === 1) return void navigate(hrefFor(found.items[0]!.id));
    } catch {
      // The list, filtered by the SID, says what went wrong, with its own Retry.
    }
    onChannel(target.id);
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-1" noValidate>
      <label htmlFor={id} className="text-xs font-medium text-slate-700 dark:text-slate-300">
        Find by conversation ID, Call SID or Message SID (or a link with one)
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          ref={inputRef}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-problem` : undefined}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="CA… / SM… / conv_conversation_…"
          className={`${inputClass} min-w-0 flex-1 font-mono`}
        />
        <Button type="submit">Find</Button>
      </div>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="text-sm font-medium text-rose-800 dark:text-rose-300">
          {problem}
        </p>
      )}
    </form>
  );
}
