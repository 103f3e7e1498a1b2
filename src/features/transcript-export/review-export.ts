import type { ConversationReviewAnswer, NoteAnswer, VerdictAnswer } from '../../api/review-answers';
import type { ReviewStatus, Verdict } from '../../api/reviews';

/** What an export says of a conversation's review: its status, live notes and every verdict. */
export type ExportedReview = {
  status: { status: ReviewStatus; by: string | null; at: string | null };
  notes: Array<{
    id: string;
    author: string;
    at: string;
    firstCommunicationId: string;
    lastCommunicationId: string;
    quote: string | null;
    text: string;
  }>;
  verdicts: Array<{
    id: string;
    resultId: string;
    operatorId: string;
    operatorVersion: number | null;
    reviewer: string;
    at: string;
    verdict: Verdict;
    aiLabel: string | null;
    correction: string | null;
    note: string | null;
  }>;
};

export const VERDICT_WORDS: Record<Verdict, string> = { agree: 'Agree', disagree: 'Disagree', unsure: 'Unsure' };
export const STATUS_WORDS: Record<ReviewStatus, string> = {
  not_reviewed: 'Not reviewed',
  in_review: 'In review',
  reviewed: 'Reviewed',
  needs_follow_up: 'Needs follow-up',
};

/**
 * The review as exported: deleted notes left out, notes pinned only to messages the filters hide
 * left out, and every free text (a note, a quoted passage, a correction, a verdict's note, the AI's
 * label) through `redact` when redacting, as message texts are.
 */
export function exportedReview(
  review: ConversationReviewAnswer,
  visibleMessageIds: ReadonlySet<string>,
  redact: (text: string) => string = (text) => text,
): ExportedReview {
  const maybe = (text: string | null) => (text === null ? null : redact(text));
  const visible = (note: NoteAnswer) =>
    visibleMessageIds.has(note.anchor.firstCommunicationId) || visibleMessageIds.has(note.anchor.lastCommunicationId);
  return {
    status: { status: review.status.status, by: review.status.updatedBy?.name ?? null, at: review.status.updatedAt },
    notes: review.notes
      .filter((note) => note.deletedAt === null && note.text !== null && visible(note))
      .map((note) => ({
        id: note.id,
        author: note.author.name,
        at: note.createdAt,
        firstCommunicationId: note.anchor.firstCommunicationId,
        lastCommunicationId: note.anchor.lastCommunicationId,
        quote: note.anchor.passage ? redact(note.anchor.passage.quote) : null,
        text: redact(note.text!),
      })),
    verdicts: review.verdicts.map((verdict: VerdictAnswer) => ({
      id: verdict.id,
      resultId: verdict.resultId,
      operatorId: verdict.operatorId,
      operatorVersion: verdict.operatorVersion,
      reviewer: verdict.reviewer.name,
      at: verdict.updatedAt,
      verdict: verdict.verdict,
      aiLabel: maybe(verdict.aiLabel),
      correction: maybe(verdict.correction),
      note: maybe(verdict.note),
    })),
  };
}
