import { randomUUID } from 'node:crypto';
import { ID_PREFIXES } from '../../../api/ids';
import type { NewNote, NewVerdict, ReviewerIdentity } from '../../../api/reviews';
import { ttid } from '../../../mocks/fixtures/ttid';
import type { Reviewer } from '../reviews/reviewers';
import { ensureReviewer } from '../reviews/reviewers';
import type { Db } from '../reviews/outcome';

/** A fresh ID of `kind`: tests in one database keep apart by using their own conversations and results. */
export const freshId = (kind: keyof typeof ID_PREFIXES) => ttid(ID_PREFIXES[kind], randomUUID());

export async function addReviewer(db: Db, identity: Partial<ReviewerIdentity> = {}): Promise<Reviewer> {
  const subject = identity.subject ?? `reviewer-${randomUUID()}`;
  const outcome = await ensureReviewer(db, {
    source: 'local',
    subject,
    name: subject.slice(0, 20),
    email: null,
    role: 'reviewer',
    ...identity,
  });
  if (!outcome.ok) throw new Error(`Could not add a reviewer: ${JSON.stringify(outcome)}`);
  return outcome.record;
}

export function aNote(overrides: Partial<NewNote> = {}): NewNote {
  const message = freshId('communication');
  return {
    conversationId: freshId('conversation'),
    anchor: { firstCommunicationId: message, lastCommunicationId: message, passage: null },
    text: 'The agent promised a refund by Friday.',
    ...overrides,
  };
}

export function aVerdict(overrides: Partial<NewVerdict> = {}): NewVerdict {
  return {
    conversationId: freshId('conversation'),
    resultId: freshId('operatorResult'),
    operatorId: freshId('operator'),
    operatorVersion: 2,
    outputFormat: 'CLASSIFICATION',
    aiLabel: 'positive',
    verdict: 'agree',
    correction: null,
    note: null,
    ...overrides,
  };
}

/** Unwraps a successful write, failing the test with the refusal otherwise. */
export function written<T>(outcome: { ok: true; record: T } | { ok: false }): T {
  if (!outcome.ok) throw new Error(`Expected the write to succeed: ${JSON.stringify(outcome)}`);
  return outcome.record;
}
