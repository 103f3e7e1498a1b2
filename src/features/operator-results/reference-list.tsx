import { Link, type To } from 'react-router';
import type { Reference } from './result-summary';

/**
 * A result's references, each shown for what it is: a message of the conversation as a link to it,
 * a participant by name, and anything else (a Call SID, an ID of something elsewhere) as text. No
 * link is made to a message the conversation does not hold.
 */
export function ReferenceList({
  references,
  messageLink,
  participantName,
}: {
  references: readonly Reference[];
  messageLink: ((id: string) => To) | null;
  participantName: (id: string) => string;
}) {
  return (
    <ul className="space-y-1 text-xs">
      {references.map((reference) => (
        <li key={reference.id} className="[overflow-wrap:anywhere] text-slate-700 dark:text-slate-300">
          {reference.kind === 'message' ? (
            <>
              {messageLink ? (
                <Link to={messageLink(reference.id)} className="font-medium text-sky-800 underline dark:text-sky-300">
                  Message {reference.position.toLocaleString()}
                </Link>
              ) : (
                <span className="font-medium">Message {reference.position.toLocaleString()}</span>
              )}{' '}
              <code className="font-mono text-[0.7rem] break-all text-slate-600 dark:text-slate-400">{reference.id}</code>
            </>
          ) : reference.kind === 'participant' ? (
            <span>
              Participant <span className="font-medium text-slate-900 dark:text-slate-100">{participantName(reference.id)}</span>
            </span>
          ) : (
            <span>
              <code className="font-mono break-all text-slate-900 dark:text-slate-100">{reference.id}</code>
              <span className="text-slate-600 dark:text-slate-400">
                {' '}
                ({reference.describes ?? 'a reference this viewer cannot open'})
              </span>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
