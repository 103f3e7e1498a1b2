import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { NoteAnswer } from '../../api/review-answers';
import type { NoteAnchor } from '../../api/reviews';
import { Button } from '../../components/button';
import { DateTime } from '../../components/date-time';
import { conversationReviewQueryOptions, useDeleteNote } from './api';
import { ConflictActions } from './conflict-actions';
import { describeAnchor, noteFragment } from './note-anchor';
import { EditNoteForm, NewNoteForm } from './note-forms';
import { NoteText } from './note-text';
import { useCanWrite } from './who-is-reviewing';
import { describeWriteProblem, type WriteProblem } from './write-problem';

export type NotesPanelProps = {
  conversationId: string;
  /** A message's position in time order (1 for the first), to say where a note is pinned. */
  position: (communicationId: string) => number | undefined;
  /** Where a new note is being written, or null. */
  draft: NoteAnchor | null;
  onDraftDone: (note: NoteAnswer | null) => void;
  /** Brings a note's message into view in the transcript. */
  onShowMessage: (note: NoteAnswer) => void;
  /** A note to bring into view and focus (a `#note-` link, a marker in the transcript); a new `seq` each time. */
  focus: { id: string; seq: number } | null;
};

/** Every note on the conversation, oldest first, deleted ones as tombstones; the reader's own to edit or delete. */
export function NotesPanel({ conversationId, position, draft, onDraftDone, onShowMessage, focus }: NotesPanelProps) {
  const review = useQuery(conversationReviewQueryOptions(conversationId));
  const notes = review.data?.notes ?? [];
  const live = notes.filter((note) => note.deletedAt === null).length;
  const [announcement, setAnnouncement] = useState('');
  return (
    <section aria-labelledby="notes-heading" className="space-y-2">
      <h3 id="notes-heading" className="text-sm font-semibold text-slate-950 dark:text-white">
        Notes <span className="font-normal text-slate-600 dark:text-slate-400">({live})</span>
      </h3>
      {draft && (
        <NewNoteForm
          key={JSON.stringify(draft)}
          conversationId={conversationId}
          anchor={draft}
          where={describeAnchor(draft, position)}
          onDone={(note) => {
            if (note) setAnnouncement('Note saved');
            onDraftDone(note);
          }}
        />
      )}
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {review.isPending ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">Loading notes…</p>
      ) : review.isError ? (
        <p role="status" className="text-xs text-rose-800 dark:text-rose-300">
          The notes could not be loaded ({review.error.message}).{' '}
          <button type="button" className="underline" onClick={() => void review.refetch()}>
            Retry
          </button>
        </p>
      ) : notes.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          No notes yet. Press <kbd>c</kbd> on a message, or select a passage of a message, to write one.
        </p>
      ) : (
        <ol className="space-y-2">
          {notes.map((note) => (
            <NoteItem
              key={note.id}
              {...{ conversationId, note, position, onShowMessage }}
              focusSeq={focus?.id === note.id ? focus.seq : null}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function NoteItem({
  conversationId,
  note,
  position,
  onShowMessage,
  focusSeq,
}: {
  conversationId: string;
  note: NoteAnswer;
  position: (id: string) => number | undefined;
  onShowMessage: (note: NoteAnswer) => void;
  focusSeq: number | null;
}) {
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focusSeq === null || !item.current) return;
    item.current.scrollIntoView({ block: 'nearest' });
    item.current.focus({ preventScroll: true });
  }, [focusSeq]);
  const { canWrite } = useCanWrite();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<WriteProblem | null>(null);
  const remove = useDeleteNote(conversationId);
  const where = describeAnchor(note.anchor, position);
  const author = note.mine ? `${note.author.name} (you)` : note.author.name;
  const deleted = note.deletedAt !== null || note.text === null;
  return (
    <li
      ref={item}
      id={noteFragment(note.id)}
      tabIndex={-1}
      aria-label={`Note by ${note.author.name} on ${where.toLowerCase()}`}
      className="scroll-mt-24 rounded-md border border-slate-200 p-2 focus-visible:outline-2 focus-visible:outline-sky-600 target:ring-2 target:ring-sky-600 dark:border-slate-700"
    >
      <p className="flex flex-wrap items-center gap-x-2 text-xs text-slate-600 dark:text-slate-400">
        <strong className="text-slate-900 dark:text-slate-100">{author}</strong>
        <DateTime iso={note.createdAt} />
        {note.updatedAt !== note.createdAt && !deleted && <span>(edited)</span>}
      </p>
      <p className="mt-0.5 flex flex-wrap gap-x-3 text-xs">
        <button type="button" onClick={() => onShowMessage(note)} className="text-sky-800 underline dark:text-sky-300">
          {where}
        </button>
        <a href={`#${noteFragment(note.id)}`} aria-label="Link to this note" className="text-sky-800 underline dark:text-sky-300">
          Link
        </a>
      </p>
      {note.anchor.passage && (
        <blockquote className="mt-1 border-l-4 border-slate-300 pl-2 text-xs text-slate-700 italic [overflow-wrap:anywhere] dark:border-slate-600 dark:text-slate-300">
          {note.anchor.passage.quote}
        </blockquote>
      )}
      {deleted ? (
        <p className="mt-1 text-xs text-slate-600 italic dark:text-slate-400">
          Deleted by {note.updatedBy.name}
          {note.deletedAt && (
            <>
              , <DateTime iso={note.deletedAt} />
            </>
          )}
          . Its text stays in the review{'\u2019'}s history.
        </p>
      ) : editing ? (
        <EditNoteForm conversationId={conversationId} note={note} onDone={() => setEditing(false)} />
      ) : (
        <div className="mt-1">
          <NoteText text={note.text!} />
        </div>
      )}
      {note.mine && canWrite && !deleted && !editing && (
        <div className="mt-1 flex flex-wrap gap-2">
          <Button className="!px-2 !py-0.5 !text-xs" onClick={() => setEditing(true)}>
            Edit
          </Button>
          {confirming ? (
            <>
              <Button
                className="!px-2 !py-0.5 !text-xs"
                onClick={() =>
                  remove.mutate(
                    { noteId: note.id, expectedVersion: note.version },
                    {
                      onError: (error) => setProblem(describeWriteProblem(error, 'note')),
                      onSettled: () => setConfirming(false),
                    },
                  )
                }
                disabled={remove.isPending}
              >
                Yes, delete it
              </Button>
              <Button className="!px-2 !py-0.5 !text-xs" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
            </>
          ) : (
            <Button className="!px-2 !py-0.5 !text-xs" onClick={() => setConfirming(true)}>
              Delete
            </Button>
          )}
        </div>
      )}
      {problem && (
        <div className="mt-1">
          <ConflictActions
            problem={problem}
            onOverwrite={null}
            queryKey={conversationReviewQueryOptions(conversationId).queryKey}
          />
        </div>
      )}
    </li>
  );
}
