import type { Hono } from 'hono';
import { checkId } from '../../api/ids';
import { reviewStatusBodySchema, STATUSES_BATCH_MAX } from '../../api/review-requests';
import { operatorIdSchema } from '../../api/reviews';
import { agreementByOperator, classificationTable } from '../db/reviews/agreement';
import { reviewCounts, reviewOfConversation, reviewsOfConversations, setReviewStatus } from '../db/reviews/conversation-reviews';
import { historyOfConversation } from '../db/reviews/history';
import { notesOfConversation } from '../db/reviews/notes';
import { verdictsOfConversation, verdictsOfResult } from '../db/reviews/verdicts';
import type { Storage } from '../db/storage';
import type { Logger } from '../log';
import type { Asking } from '../relay-routes';
import { invalidInput, readJson, reviewBodyLimit } from './json-body';
import { installNoteRoutes } from './note-routes';
import { ReviewersKnown } from './reviewers-known';
import { database, noteAnswer, pathId, readerId, refusalAnswer, statusAnswer, verdictAnswer, writerId } from './reviewing';
import { installVerdictRoutes } from './verdict-routes';

export type ReviewRouteOptions = { storage: Pick<Storage, 'state'> | undefined; asking: Asking; log: Logger };

const HISTORY_PAGE = 500;

/**
 * The review API, under /api/reviews (the answers' shapes: src/api/review-answers.ts; the bodies:
 * src/api/review-requests.ts). Reads answer what the database holds; each write is one transaction
 * of the repository (src/server/db/reviews/), and a write based on a stale version gets 409.
 */
export function installReviewRoutes(app: Hono, options: ReviewRouteOptions): void {
  const { storage } = options;
  const reviewers = new ReviewersKnown();
  app.use('/api/reviews/*', reviewBodyLimit);

  app.get('/api/reviews/conversations/:conversationId', async (c) => {
    const conversationId = pathId(c, 'conversation', 'conversationId');
    if (conversationId instanceof Response) return conversationId;
    const db = database(c, storage);
    if (db instanceof Response) return db;
    const me = await readerId(c, db, reviewers);
    // One snapshot, so the status, verdicts and notes agree with each other.
    const [status, verdicts, notes] = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute((trx) =>
        Promise.all([
          reviewOfConversation(trx, conversationId),
          verdictsOfConversation(trx, conversationId),
          notesOfConversation(trx, conversationId, { includeDeleted: true }),
        ]),
      );
    return c.json({
      conversationId,
      status: statusAnswer(status, me),
      verdicts: verdicts.map((verdict) => verdictAnswer(verdict, me)),
      notes: notes.map((note) => noteAnswer(note, me)),
    });
  });

  app.get('/api/reviews/statuses', async (c) => {
    const raw = c.req.query('conversationIds');
    if (!raw) return invalidInput(c, 'Add ?conversationIds= with the conversation IDs, separated by commas.');
    const ids = [...new Set(raw.split(','))];
    if (ids.length > STATUSES_BATCH_MAX) return invalidInput(c, `Ask for at most ${STATUSES_BATCH_MAX} conversations at once.`);
    for (const id of ids) {
      const check = checkId('conversation', id);
      if (!check.ok) return invalidInput(c, `conversationIds: "${id.slice(0, 60)}": ${check.problem}`);
    }
    const db = database(c, storage);
    if (db instanceof Response) return db;
    const me = await readerId(c, db, reviewers);
    const [statuses, counts] = await Promise.all([reviewsOfConversations(db, ids), reviewCounts(db, ids)]);
    return c.json({
      statuses: ids.map((id) => ({
        ...statusAnswer(statuses.get(id)!, me),
        ...(counts.get(id) ?? { verdicts: 0, notes: 0 }),
      })),
    });
  });

  app.put('/api/reviews/conversations/:conversationId/status', async (c) => {
    const conversationId = pathId(c, 'conversation', 'conversationId');
    if (conversationId instanceof Response) return conversationId;
    const db = database(c, storage);
    if (db instanceof Response) return db;
    const body = await readJson(c, reviewStatusBodySchema);
    if (body instanceof Response) return body;
    const me = await writerId(c, db, reviewers);
    if (me instanceof Response) return me;
    const outcome = await setReviewStatus(db, me, body.expectedVersion, { conversationId, status: body.status });
    if (!outcome.ok) {
      return refusalAnswer(c, outcome, 'review status', async () =>
        statusAnswer(await reviewOfConversation(db, conversationId), me),
      );
    }
    return c.json(statusAnswer(outcome.record, me));
  });

  app.get('/api/reviews/conversations/:conversationId/history', async (c) => {
    const conversationId = pathId(c, 'conversation', 'conversationId');
    if (conversationId instanceof Response) return conversationId;
    const after = c.req.query('after');
    if (after !== undefined && !/^\d{1,18}$/.test(after)) return invalidInput(c, '?after= must be the id of a history entry.');
    const limitText = c.req.query('limit') ?? String(HISTORY_PAGE);
    const limit = /^\d{1,3}$/.test(limitText) ? Number(limitText) : 0;
    if (limit < 1 || limit > HISTORY_PAGE) return invalidInput(c, `?limit= must be a whole number from 1 to ${HISTORY_PAGE}.`);
    const db = database(c, storage);
    if (db instanceof Response) return db;
    // One more than asked says whether a next page exists, so a full last page does not offer an empty one.
    const entries = await historyOfConversation(db, conversationId, { after, limit: limit + 1 });
    const page = entries.slice(0, limit);
    return c.json({ entries: page, next: entries.length > limit ? page.at(-1)!.id : null });
  });

  app.get('/api/reviews/results/:resultId/verdicts', async (c) => {
    const resultId = pathId(c, 'operatorResult', 'resultId');
    if (resultId instanceof Response) return resultId;
    const db = database(c, storage);
    if (db instanceof Response) return db;
    const me = await readerId(c, db, reviewers);
    const verdicts = await verdictsOfResult(db, resultId);
    return c.json({ resultId, verdicts: verdicts.map((verdict) => verdictAnswer(verdict, me)) });
  });

  app.get('/api/reviews/agreement', async (c) => {
    const operatorId = c.req.query('operatorId');
    if (operatorId !== undefined && !operatorIdSchema.safeParse(operatorId).success) {
      const check = checkId('operator', operatorId);
      return invalidInput(c, `operatorId: ${check.ok ? 'not an operator ID' : check.problem}`);
    }
    const db = database(c, storage);
    if (db instanceof Response) return db;
    const [operators, classifications] = await Promise.all([
      agreementByOperator(db, { operatorId }),
      classificationTable(db, { operatorId }),
    ]);
    return c.json({ operators, classifications });
  });

  installNoteRoutes(app, { storage, reviewers });
  installVerdictRoutes(app, { ...options, reviewers });
}
