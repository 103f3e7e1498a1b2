import type { ReviewStatus } from '../api/reviews';
import { Badge, type BadgeTone } from './badge';

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  not_reviewed: 'Not reviewed',
  in_review: 'In review',
  reviewed: 'Reviewed',
  needs_follow_up: 'Needs follow-up',
};

const TONES: Record<ReviewStatus, BadgeTone> = {
  not_reviewed: 'outline',
  in_review: 'blue',
  reviewed: 'green',
  needs_follow_up: 'amber',
};

/** A conversation's review status, as the conversation page and the inbox both show it. */
export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  return <Badge tone={TONES[status]}>{REVIEW_STATUS_LABELS[status]}</Badge>;
}
