import { useEffect, useState } from 'react';
import type { ReviewStatusAnswer } from '../../api/review-answers';
import type { NoteAnchor } from '../../api/reviews';
import { Button } from '../../components/button';
import { passageFromSelection } from './note-anchor';
import { NotesPanel, type NotesPanelProps } from './notes-panel';
import { ReviewHistory } from './review-history';
import { ReviewStatusLine } from './review-status';
import { useCanWrite, WhoIsReviewing } from './who-is-reviewing';

/** The passage the reader last selected in a message, kept while they reach for the button. */
function useSelectedPassage(enabled: boolean): NoteAnchor | null {
  const [passage, setPassage] = useState<NoteAnchor | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const onChange = () => {
      const selection = document.getSelection();
      const found = passageFromSelection(selection);
      // A selection that collapses (a click on the button itself) keeps the last passage; a new
      // selection elsewhere replaces it.
      if (found || (selection && !selection.isCollapsed)) setPassage(found);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [enabled]);
  return passage;
}

/**
 * The conversation's review: who is reviewing, its status, the notes, and the history of changes.
 * `onNote` starts a note (the page decides where it is pinned); a selected passage offers its own.
 */
export function ReviewPanel({
  onNote,
  onReviewed,
  ...notes
}: NotesPanelProps & {
  onNote: (anchor: NoteAnchor) => void;
  /** Opened from a list: "Mark reviewed" goes on to its next unreviewed conversation. */
  onReviewed?: (written: ReviewStatusAnswer) => void;
}) {
  const { canWrite } = useCanWrite();
  const passage = useSelectedPassage(canWrite);
  return (
    <section
      aria-labelledby="review-heading"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="review-heading" className="text-base font-semibold text-slate-950 dark:text-white">
        Review
      </h2>
      <WhoIsReviewing />
      <ReviewStatusLine conversationId={notes.conversationId} onReviewed={onReviewed} />
      {canWrite && passage && !notes.draft && (
        <Button
          // Pressing the button must not take the selection away before it is read.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onNote(passage)}
        >
          Note on the selected passage
        </Button>
      )}
      <NotesPanel {...notes} />
      <ReviewHistory conversationId={notes.conversationId} />
    </section>
  );
}
