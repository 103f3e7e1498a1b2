import { useId, useState, type FormEvent } from 'react';
import type { NoteAnswer } from '../../api/review-answers';
import { NOTE_TEXT_MAX, type NoteAnchor } from '../../api/reviews';
import { Button, primaryButtonClass } from '../../components/button';
import { conversationReviewQueryOptions, useCreateNote, useEditNote } from './api';
import { ConflictActions } from './conflict-actions';
import { fieldClass } from './who-is-reviewing';
import { describeWriteProblem, type WriteProblem } from './write-problem';

const characters = (text: string) => Array.from(text).length;

function NoteTextArea({ value, onChange, label }: { value: string; onChange: (text: string) => void; label: string }) {
  const id = useId();
  const count = characters(value);
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <textarea
        id={id}
        value={value}
        rows={3}
        // The form refuses over-long text with a message instead of cutting what was pasted.
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-count`}
        className={fieldClass}
        // The reader asked to write a note: the box is where they type next.
        autoFocus
      />
      <p
        id={`${id}-count`}
        className={`text-right text-[0.7rem] ${count > NOTE_TEXT_MAX ? 'font-semibold text-rose-800 dark:text-rose-300' : 'text-slate-600 dark:text-slate-400'}`}
      >
        {count.toLocaleString('en')} / {NOTE_TEXT_MAX.toLocaleString('en')} characters
      </p>
    </div>
  );
}

function tooLong(text: string): WriteProblem | null {
  const count = characters(text);
  return count > NOTE_TEXT_MAX
    ? {
        message: `The note is ${count.toLocaleString('en')} characters; at most ${NOTE_TEXT_MAX.toLocaleString('en')} fit. Shorten it and save again.`,
        conflict: null,
      }
    : null;
}

/** A new note on a message, a range or a passage. */
export function NewNoteForm({
  conversationId,
  anchor,
  where,
  onDone,
}: {
  conversationId: string;
  anchor: NoteAnchor;
  /** The anchor in words ("A passage of message 4"). */
  where: string;
  onDone: (note: NoteAnswer | null) => void;
}) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<WriteProblem | null>(null);
  const create = useCreateNote(conversationId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const refused = text.trim() === '' ? { message: 'Write something first: the note is empty.', conflict: null } : tooLong(text);
    if (refused) return setProblem(refused);
    setProblem(null);
    create.mutate(
      { anchor, text },
      { onSuccess: (note) => onDone(note), onError: (error) => setProblem(describeWriteProblem(error, 'note')) },
    );
  };
  return (
    <form
      onSubmit={submit}
      aria-label="New note"
      className="space-y-2 rounded-md border border-sky-300 bg-sky-50/60 p-2 dark:border-sky-800 dark:bg-sky-950/40"
    >
      <p className="text-xs font-semibold text-slate-800 dark:text-slate-200">New note: {where}</p>
      {anchor.passage && (
        <blockquote className="border-l-4 border-slate-300 pl-2 text-xs text-slate-700 italic [overflow-wrap:anywhere] dark:border-slate-600 dark:text-slate-300">
          {anchor.passage.quote}
        </blockquote>
      )}
      <NoteTextArea value={text} onChange={setText} label="Note" />
      <div className="flex gap-2">
        <button type="submit" className={primaryButtonClass} disabled={create.isPending}>
          Save note
        </button>
        <Button onClick={() => onDone(null)}>Cancel</Button>
      </div>
      {problem && (
        <ConflictActions
          problem={problem}
          onOverwrite={null}
          queryKey={conversationReviewQueryOptions(conversationId).queryKey}
        />
      )}
    </form>
  );
}

/** The author's edit of their note; a conflict keeps what they typed and offers reload or overwrite. */
export function EditNoteForm({ conversationId, note, onDone }: { conversationId: string; note: NoteAnswer; onDone: () => void }) {
  const [text, setText] = useState(note.text ?? '');
  const [problem, setProblem] = useState<WriteProblem | null>(null);
  const edit = useEditNote(conversationId);
  const send = (expectedVersion: number) => {
    const refused =
      text.trim() === ''
        ? { message: 'The note is empty: delete it instead, or write something.', conflict: null }
        : tooLong(text);
    if (refused) return setProblem(refused);
    setProblem(null);
    edit.mutate(
      { noteId: note.id, text, expectedVersion },
      { onSuccess: onDone, onError: (error) => setProblem(describeWriteProblem(error, 'note')) },
    );
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        send(note.version);
      }}
      aria-label="Edit note"
      className="mt-2 space-y-2"
    >
      <NoteTextArea value={text} onChange={setText} label="Your note" />
      <div className="flex gap-2">
        <button type="submit" className={primaryButtonClass} disabled={edit.isPending}>
          Save changes
        </button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
      {problem && (
        <ConflictActions
          problem={problem}
          onOverwrite={problem.conflict ? () => send(problem.conflict!.version) : null}
          queryKey={conversationReviewQueryOptions(conversationId).queryKey}
        />
      )}
    </form>
  );
}
