import type { Context, Hono } from 'hono';
import { BFF_ERROR_CODES, errorBody } from '../../api/error';
import { summariseIssues } from '../../api/issues';
import { operatorResultSchema, viewResult } from '../../api/operator-result';
import { apiPaths } from '../../api/paths';
import { verdictBodySchema } from '../../api/review-requests';
import type { NewVerdict } from '../../api/reviews';
import type { Db } from '../db/reviews/outcome';
import { createVerdict, deleteVerdict, updateVerdict, verdictOfReviewer, withdrawnVerdict } from '../db/reviews/verdicts';
import type { Storage } from '../db/storage';
import { askTwilio, upstreamRefusal, type Asking } from '../relay-routes';
import { invalidInput, readJson } from './json-body';
import type { ReviewersKnown } from './reviewers-known';
import { conflictAnswer, database, pathId, refusalAnswer, verdictAnswer, versionInQuery, writerId } from './reviewing';

type Options = { storage: Pick<Storage, 'state'> | undefined; asking: Asking; log: Asking['log']; reviewers: ReviewersKnown };

/**
 * What the verdict needs from Twilio's copy of the result: that it belongs to the conversation,
 * and the operator, its version and (for a CLASSIFICATION) the AI's label, never taken from the
 * browser. Through the BFF's upstream, so a result the page has just shown is not asked for again.
 */
async function resultFacts(
  c: Context,
  conversationId: string,
  resultId: string,
  { asking, log }: Options,
): Promise<Pick<NewVerdict, 'operatorId' | 'operatorVersion' | 'outputFormat' | 'aiLabel'> | Response> {
  const answer = await askTwilio(c, apiPaths.operatorResult(resultId), asking);
  if (answer instanceof Response) return answer;
  if (answer.status === 404) {
    return c.json(errorBody(BFF_ERROR_CODES.reviewNotFound, 404, `Twilio has no operator result ${resultId}.`, true), 404);
  }
  if (answer.status !== 200) return upstreamRefusal(c, answer);
  const parsed = operatorResultSchema.safeParse(answer.body);
  if (!parsed.success) {
    const problem = summariseIssues(parsed.error.issues);
    log({ level: 'error', event: 'upstream_shape', resource: 'operatorResult', issues: problem });
    return c.json(
      errorBody(BFF_ERROR_CODES.unexpectedShape, 502, `Twilio answered with data in an unexpected shape (${problem}).`, false),
      502,
    );
  }
  const result = parsed.data;
  if (result.conversationId !== conversationId) {
    return invalidInput(c, `Operator result ${resultId} belongs to another conversation, not to ${conversationId}.`);
  }
  const view = viewResult(result);
  return {
    operatorId: result.operator.id,
    operatorVersion: result.operator.version ?? null,
    outputFormat: result.outputFormat,
    aiLabel: view.format === 'CLASSIFICATION' ? view.label : null,
  };
}

/** A write based on a verdict of theirs that is not there: 409 if they withdrew it, else 404. */
async function verdictGone(c: Context, db: Db, me: string, resultId: string): Promise<Response> {
  const withdrawn = await withdrawnVerdict(db, me, resultId);
  if (withdrawn) return conflictAnswer(c, withdrawn, 'verdict', null);
  return c.json(errorBody(BFF_ERROR_CODES.reviewNotFound, 404, 'You have no verdict on this result.', true), 404);
}

/**
 * A reviewer's own verdict on a result (one each): `PUT` makes it (`expectedVersion: 0`) or
 * changes it (the version last read); `DELETE` withdraws it. Everyone's verdicts are read with the
 * conversation's review, or per result.
 */
export function installVerdictRoutes(app: Hono, options: Options): void {
  const { storage, reviewers } = options;
  const path = '/api/reviews/conversations/:conversationId/results/:resultId/verdict';

  /** The IDs of the path and the database, or the answer that stops here. */
  const begin = async (c: Context) => {
    const conversationId = pathId(c, 'conversation', 'conversationId');
    if (conversationId instanceof Response) return conversationId;
    const resultId = pathId(c, 'operatorResult', 'resultId');
    if (resultId instanceof Response) return resultId;
    const db = database(c, storage);
    if (db instanceof Response) return db;
    return { conversationId, resultId, db };
  };

  const current = (db: Db, me: string, resultId: string) => async () => {
    const verdict = await verdictOfReviewer(db, me, resultId);
    return verdict && verdictAnswer(verdict, me);
  };

  app.put(path, async (c) => {
    const started = await begin(c);
    if (started instanceof Response) return started;
    const { conversationId, resultId, db } = started;
    const body = await readJson(c, verdictBodySchema);
    if (body instanceof Response) return body;
    const me = await writerId(c, db, reviewers);
    if (me instanceof Response) return me;
    const { expectedVersion, ...fields } = body;
    const existing = await verdictOfReviewer(db, me, resultId);
    if (existing && existing.conversationId !== conversationId) {
      return invalidInput(c, `Operator result ${resultId} belongs to another conversation, not to ${conversationId}.`);
    }

    if (expectedVersion === 0 && !existing) {
      const facts = await resultFacts(c, conversationId, resultId, options);
      if (facts instanceof Response) return facts;
      const outcome = await createVerdict(db, me, { conversationId, resultId, ...facts, ...fields });
      if (outcome.ok) return c.json(verdictAnswer(outcome.record, me), 201);
      // The reviewer's fields were checked above: what is left is Twilio's part of the verdict.
      if (outcome.problem === 'invalid') {
        return c.json(
          errorBody(
            BFF_ERROR_CODES.unexpectedShape,
            502,
            `Twilio's copy of this result cannot be reviewed (${outcome.message}).`,
            false,
          ),
          502,
        );
      }
      return refusalAnswer(c, outcome, 'verdict', current(db, me, resultId));
    }
    if (!existing) return verdictGone(c, db, me, resultId);
    const outcome = await updateVerdict(db, me, existing.id, expectedVersion, fields);
    if (!outcome.ok) return refusalAnswer(c, outcome, 'verdict', current(db, me, resultId));
    return c.json(verdictAnswer(outcome.record, me));
  });

  app.delete(path, async (c) => {
    const started = await begin(c);
    if (started instanceof Response) return started;
    const { conversationId, resultId, db } = started;
    const expectedVersion = versionInQuery(c);
    if (expectedVersion instanceof Response) return expectedVersion;
    const me = await writerId(c, db, reviewers);
    if (me instanceof Response) return me;
    const existing = await verdictOfReviewer(db, me, resultId);
    if (!existing || existing.conversationId !== conversationId) return verdictGone(c, db, me, resultId);
    const outcome = await deleteVerdict(db, me, existing.id, expectedVersion);
    if (!outcome.ok) return refusalAnswer(c, outcome, 'verdict', current(db, me, resultId));
    return c.json({ verdict: null });
  });
}
