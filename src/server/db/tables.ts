import type { ColumnType, Generated } from 'kysely';
import type { HistoryAction, HistoryEntity, IdentitySource, ReviewerRole, ReviewStatus, Verdict } from '../../api/reviews';

/** Read as a Date; written as a Date or left to the column's default. */
type Timestamp = ColumnType<Date, Date | undefined, Date>;

/** The app's tables as Kysely sees them (columns in camelCase; the SQL is snake_case). */
export type Tables = {
  reviewers: {
    id: string;
    source: IdentitySource;
    subject: string;
    name: string;
    email: string | null;
    role: ReviewerRole;
    createdAt: Timestamp;
    updatedAt: Timestamp;
    version: Generated<number>;
  };
  verdicts: {
    id: string;
    conversationId: string;
    resultId: string;
    operatorId: string;
    operatorVersion: number | null;
    outputFormat: string;
    aiLabel: string | null;
    reviewerId: string;
    verdict: Verdict;
    correction: string | null;
    note: string | null;
    createdAt: Timestamp;
    updatedAt: Timestamp;
    updatedBy: string;
    version: Generated<number>;
  };
  notes: {
    id: string;
    conversationId: string;
    authorId: string;
    firstCommunicationId: string;
    lastCommunicationId: string;
    passageStart: number | null;
    passageEnd: number | null;
    passageQuote: string | null;
    text: string | null;
    createdAt: Timestamp;
    updatedAt: Timestamp;
    updatedBy: string;
    deletedAt: Date | null;
    version: Generated<number>;
  };
  conversationReviews: {
    conversationId: string;
    status: ReviewStatus;
    createdAt: Timestamp;
    updatedAt: Timestamp;
    updatedBy: string;
    version: Generated<number>;
  };
  reviewHistory: {
    /** int8: node-postgres reads it as a string. */
    id: ColumnType<string, never, never>;
    at: Timestamp;
    actorId: string | null;
    entity: HistoryEntity;
    entityId: string;
    conversationId: string | null;
    action: HistoryAction;
    version: number;
    before: ColumnType<unknown, string | null, never>;
    after: ColumnType<unknown, string | null, never>;
  };
};

/** The app's tables in the order they can be filled (references point backwards). */
export const TABLE_NAMES = ['reviewers', 'verdicts', 'notes', 'conversation_reviews', 'review_history'] as const;
