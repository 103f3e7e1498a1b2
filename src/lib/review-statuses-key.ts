/**
 * Where the inbox keeps the review statuses of its rows in the query cache (one entry per page of
 * rows). A review feature that changes a status, or who is asking, makes them stale with this key.
 */
export const REVIEW_STATUSES_KEY = ['review-statuses'] as const;
