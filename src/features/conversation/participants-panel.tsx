import { useEffect, useRef } from 'react';
import { Badge } from '../../components/badge';
import { redactText } from '../../lib/redact';
import { findMatches } from '../../lib/search';
import { HighlightedText } from './highlighted-text';
import { sameTarget, type Hit } from './use-transcript-search';
import { ParticipantAvatar } from './participant-avatar';
import type { ParticipantView } from '../../lib/participant-directory';

const plural = (count: number, word: string) => `${count.toLocaleString()} ${word}${count === 1 ? '' : 's'}`;

/** A name or address as shown: redacted when asked, with find-in-transcript matches marked. */
function Shown({ text, query, redact, current }: { text: string; query: string; redact: boolean; current: number }) {
  const shown = redact ? redactText(text) : text;
  return <HighlightedText text={shown} matches={query ? findMatches(shown, query) : undefined} current={current} />;
}

/** The anchor of a participant's entry (find brings it into view). */
export const participantElementId = (id: string) => `participant-${id}`;

export function ParticipantsPanel({
  participants,
  query = '',
  redact = false,
  current = null,
}: {
  participants: ParticipantView[];
  query?: string;
  redact?: boolean;
  /** The find bar's current match, emphasised (and brought into view) when it is in this panel. */
  current?: Hit | null;
}) {
  const entries = useRef(new Map<string, HTMLLIElement>());
  // On the next frame, as the transcript does: a keystroke in the find box ends with the browser
  // scrolling the box's caret into view.
  const currentParticipant = current && current.target.kind !== 'message' ? current.target.participantId : null;
  useEffect(() => {
    if (currentParticipant === null) return;
    const frame = requestAnimationFrame(() => entries.current.get(currentParticipant)?.scrollIntoView({ block: 'center' }));
    return () => cancelAnimationFrame(frame);
  }, [currentParticipant, current]);
  return (
    <section
      aria-labelledby="participants-heading"
      className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="participants-heading" className="text-base font-semibold text-slate-950 dark:text-white">
        Participants <span className="font-normal text-slate-600 dark:text-slate-400">({participants.length})</span>
      </h2>
      {participants.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">This conversation lists no participants.</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {participants.map((participant) => (
            <li
              key={participant.id}
              id={participantElementId(participant.id)}
              ref={(element) => {
                if (element) entries.current.set(participant.id, element);
                else entries.current.delete(participant.id);
              }}
              className="flex scroll-mt-24 gap-3"
            >
              <ParticipantAvatar participant={participant} />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className={`font-medium ${participant.colour.text} ${participant.hasName ? '' : 'italic'}`}>
                    <Shown
                      text={participant.name}
                      query={query}
                      redact={redact}
                      current={
                        sameTarget(current, { kind: 'participant-name', participantId: participant.id }) ? current!.local : -1
                      }
                    />
                  </span>
                  <Badge tone={participant.type === null ? 'outline' : 'neutral'}>{participant.typeLabel}</Badge>
                </div>
                <p className="text-xs text-slate-600 dark:text-slate-400">{plural(participant.messageCount, 'message')}</p>
                {participant.addressValues.length > 0 && (
                  <ul
                    className="mt-1 space-y-0.5"
                    aria-label={`Addresses of ${redact ? redactText(participant.name) : participant.name}`}
                  >
                    {participant.addressValues.map((address, index) => (
                      <li key={index}>
                        <code className="font-mono text-xs break-all text-slate-800 dark:text-slate-200">
                          <Shown
                            text={address}
                            query={query}
                            redact={redact}
                            current={
                              sameTarget(current, { kind: 'participant-address', participantId: participant.id, index })
                                ? current!.local
                                : -1
                            }
                          />
                        </code>
                      </li>
                    ))}
                  </ul>
                )}
                <p className="mt-0.5 font-mono text-[0.7rem] break-all text-slate-500 dark:text-slate-400">{participant.id}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
