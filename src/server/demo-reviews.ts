import { aiHandoff, seedConversation, smsThread } from '../mocks/fixtures/conversations';
import { operatorResults } from '../mocks/fixtures/operator-results';
import type { NewVerdict } from '../api/reviews';
import type { Db } from './db/reviews/outcome';
import { setReviewStatus } from './db/reviews/conversation-reviews';
import { createNote } from './db/reviews/notes';
import { ensureReviewer } from './db/reviews/reviewers';
import { createVerdict } from './db/reviews/verdicts';

function ok<T>(outcome: { ok: true; record: T } | { ok: false }): T {
  if (!outcome.ok) throw new Error(`Seeding the demo reviews failed: ${JSON.stringify(outcome)}`);
  return outcome.record;
}

function verdictOn(
  conversationId: string,
  format: string,
  fields: Pick<NewVerdict, 'verdict' | 'correction' | 'note'>,
): NewVerdict {
  const result = operatorResults.find((r) => r.conversationId === conversationId && r.outputFormat === format)!;
  const label = (result.result as { label?: string } | null)?.label ?? null;
  return {
    conversationId,
    resultId: result.id,
    operatorId: result.operator.id,
    operatorVersion: result.operator.version ?? null,
    outputFormat: result.outputFormat,
    aiLabel: format === 'CLASSIFICATION' ? label : null,
    ...fields,
  };
}

/**
 * A few example reviews for demo mode's own database, made once (while it has no reviewers), through
 * the same repository as real ones: every review state shows in the inbox, and verdicts and notes
 * sit on the sample conversations.
 */
export async function seedDemoReviews(db: Db): Promise<void> {
  const anyone = await db.selectFrom('reviewers').select('id').limit(1).executeTakeFirst();
  if (anyone) return;
  const sam = ok(
    await ensureReviewer(db, { source: 'local', subject: 'demo-sam', name: 'Sam Ortiz', email: null, role: 'reviewer' }),
  );
  const priya = ok(
    await ensureReviewer(db, { source: 'local', subject: 'demo-priya', name: 'Priya Raman', email: null, role: 'reviewer' }),
  );

  ok(await setReviewStatus(db, sam.id, 0, { conversationId: seedConversation.id, status: 'reviewed' }));
  ok(await setReviewStatus(db, priya.id, 0, { conversationId: aiHandoff.id, status: 'in_review' }));
  ok(await setReviewStatus(db, sam.id, 0, { conversationId: smsThread.id, status: 'needs_follow_up' }));

  ok(
    await createVerdict(
      db,
      sam.id,
      verdictOn(seedConversation.id, 'CLASSIFICATION', { verdict: 'agree', correction: null, note: null }),
    ),
  );
  ok(await createVerdict(db, sam.id, verdictOn(seedConversation.id, 'TEXT', { verdict: 'agree', correction: null, note: null })));
  ok(
    await createVerdict(
      db,
      priya.id,
      verdictOn(aiHandoff.id, 'CLASSIFICATION', {
        verdict: 'disagree',
        correction: 'NEUTRAL',
        note: 'Relieved at the end, not happy.',
      }),
    ),
  );
  ok(
    await createVerdict(
      db,
      sam.id,
      verdictOn(aiHandoff.id, 'CLASSIFICATION', { verdict: 'unsure', correction: null, note: null }),
    ),
  );

  const handoff = aiHandoff.communications[3]!;
  ok(
    await createNote(db, priya.id, {
      conversationId: aiHandoff.id,
      anchor: { firstCommunicationId: handoff.id, lastCommunicationId: handoff.id, passage: null },
      text: 'The hand-off to billing happens here: check that the AI agent passed the order number on.',
    }),
  );
  const firstSms = smsThread.communications[0]!;
  const lastSms = smsThread.communications[1]!;
  ok(
    await createNote(db, sam.id, {
      conversationId: smsThread.id,
      anchor: { firstCommunicationId: firstSms.id, lastCommunicationId: lastSms.id, passage: null },
      text: 'Follow up: nobody confirmed the new appointment time.',
    }),
  );
}
