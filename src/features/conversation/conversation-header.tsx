import type { ReactNode } from 'react';
import type { Conversation } from '../../api/conversation';
import { CopyButton } from '../../components/copy-button';
import { DateTime } from '../../components/date-time';
import { UNTITLED_CONVERSATION } from '../../lib/conversation-title';
import { redactText } from '../../lib/redact';
import { formatDuration } from '../../lib/time';
import { ChannelBadge, StatusBadge } from '../../components/conversation-badges';

function Field({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`min-w-0 ${wide ? 'col-span-2 sm:col-span-1' : ''}`}>
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}

function Ids({ ids, empty }: { ids: string[]; empty: string }) {
  if (ids.length === 0) return <span className="text-slate-600 italic dark:text-slate-400">{empty}</span>;
  return (
    <ul className="space-y-0.5">
      {/* The API does not promise these are distinct: the position keeps each its own. */}
      {ids.map((id, index) => (
        <li key={index}>
          <code className="font-mono text-xs break-all">{id}</code>
        </li>
      ))}
    </ul>
  );
}

export function ConversationHeader({ conversation, redact = false }: { conversation: Conversation; redact?: boolean }) {
  const name = conversation.name?.trim() ? (redact ? redactText(conversation.name.trim()) : conversation.name.trim()) : null;
  const link = typeof window === 'undefined' ? '' : `${window.location.origin}/conversations/${conversation.id}`;
  return (
    <header className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-6 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="mr-1 text-xl font-semibold break-words text-slate-950 sm:text-2xl dark:text-white">
          {name ?? <span className="italic">{UNTITLED_CONVERSATION}</span>}
        </h1>
        <StatusBadge status={conversation.status} />
        {conversation.channels.map((channel, index) => (
          <ChannelBadge key={index} channel={channel} />
        ))}
      </div>
      <p className="mt-1 font-mono text-xs break-all text-slate-600 dark:text-slate-400">{conversation.id}</p>
      <div className="mt-3 flex flex-wrap gap-2 print:hidden">
        <CopyButton value={conversation.id} label="Copy ID" />
        <CopyButton value={link} label="Copy link" />
        <a
          href="#transcript-heading"
          className="self-center text-sm font-medium text-sky-800 underline lg:hidden dark:text-sky-300"
        >
          Jump to the transcript
        </a>
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 lg:grid-cols-3">
        <Field label="Started">
          <DateTime iso={conversation.createdAt} />
        </Field>
        <Field label="Last updated">
          <DateTime iso={conversation.updatedAt} />
        </Field>
        <Field label="Duration">{formatDuration(conversation.createdAt, conversation.updatedAt)}</Field>
        <Field label="Channel IDs" wide>
          <Ids ids={conversation.channelIds} empty="None" />
        </Field>
        <Field label="Account" wide>
          {conversation.accountId ? (
            <code className="font-mono text-xs break-all">{conversation.accountId}</code>
          ) : (
            <span className="text-slate-600 italic dark:text-slate-400">Not provided</span>
          )}
        </Field>
        <Field label="Intelligence configurations" wide>
          <Ids ids={conversation.intelligenceConfigurationIds} empty="None" />
        </Field>
        <Field label="Conversation configuration" wide>
          <Ids
            ids={conversation.conversationConfigurationId ? [conversation.conversationConfigurationId] : []}
            empty="Not provided"
          />
        </Field>
      </dl>
    </header>
  );
}
