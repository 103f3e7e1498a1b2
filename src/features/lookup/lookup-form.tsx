import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { ConversationListItem } from '../../api/conversation';
import { parseLookupInput } from '../../api/ids';
import { ApiErrorState } from '../../components/api-error-state';
import { primaryButtonClass } from '../../components/button';
import { channelLookupOptions, channelThing, noConversationFor } from '../../lib/channel-lookup';
import { useZonedPath } from '../../lib/use-zone';
import { ChannelMatches } from './channel-matches';

/** Where a pasted channel SID's search stands: under way, several conversations found, or failed. */
type ChannelSearch =
  | { channelId: string; state: 'looking' }
  | { channelId: string; state: 'several'; items: ConversationListItem[] }
  | { channelId: string; state: 'failed'; error: unknown };

/**
 * The paste box: accepts an ID, a link or text around one, and says precisely what is wrong. A
 * Call, Message or other channel SID is looked up in the account's list (`channelId`): one
 * conversation opens at once, several are listed, none is said plainly.
 */
export function LookupForm() {
  const navigate = useNavigate();
  const zoned = useZonedPath();
  const queryClient = useQueryClient();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [search, setSearch] = useState<ChannelSearch | null>(null);
  // Only the latest submission may act on its answer: typing again or submitting again drops the rest.
  const attempt = useRef(0);
  const inputId = useId();
  const hintId = useId();
  const problemId = useId();

  const findChannel = async (channelId: string) => {
    const mine = ++attempt.current;
    setSearch({ channelId, state: 'looking' });
    try {
      const { items } = await queryClient.fetchQuery(channelLookupOptions(channelId));
      if (mine !== attempt.current) return;
      if (items.length === 1) {
        void navigate(zoned(`/conversations/${items[0]!.id}`));
      } else if (items.length === 0) {
        setSearch(null);
        setProblem(noConversationFor(channelId));
      } else {
        setSearch({ channelId, state: 'several', items });
      }
    } catch (error) {
      if (mine === attempt.current) setSearch({ channelId, state: 'failed', error });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = parseLookupInput(value);
    if (!target.ok) {
      setProblem(target.problem);
      return;
    }
    if (target.kind === 'channel') {
      void findChannel(target.id);
      return;
    }
    void navigate(zoned(target.kind === 'conversation' ? `/conversations/${target.id}` : `/operator-results/${target.id}`));
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
            attempt.current++;
            setValue(event.target.value);
            setProblem(null);
            setSearch(null);
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
      {search?.state === 'looking' && (
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          Looking for the conversation of this {channelThing(search.channelId)}&hellip;
        </p>
      )}
      {search?.state === 'several' && <ChannelMatches channelId={search.channelId} items={search.items} />}
      {search?.state === 'failed' && (
        <ApiErrorState
          error={search.error}
          subject="conversation list"
          onRetry={() => void findChannel(search.channelId)}
          retrying={false}
        />
      )}
      <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
        &ldquo;conv_conversation_&rdquo; followed by 26 characters. A console link, an operator result ID, a Call SID or a Message
        SID works too.
      </p>
    </form>
  );
}
