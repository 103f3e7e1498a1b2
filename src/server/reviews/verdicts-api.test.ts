import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessUpstream } from '../../../tests/in-process-twilio';
import {
  agreementSchema,
  conflictBodySchema,
  conversationReviewSchema,
  resultVerdictsSchema,
  verdictSchema,
  verdictWithdrawnSchema,
} from '../../api/review-answers';
import { TWILIO_INTELLIGENCE_BASE } from '../../api/paths';
import { aiHandoff, seedConversation } from '../../mocks/fixtures/conversations';
import { handlers } from '../../mocks/handlers';
import { operatorResults } from '../../mocks/fixtures/operator-results';
import { freshId } from '../db/testing/review-fixtures';
import { reviewApp, type ReviewApp } from './testing/review-app';

/** What the emulated Twilio answers: the happy path, and whatever a test puts in front of it. */
let twilio = [...handlers];
const asked: string[] = [];
let api: ReviewApp;
beforeAll(async () => {
  const upstream = inProcessUpstream(() => twilio);
  api = await reviewApp({ upstream: { get: (path) => (asked.push(path), upstream.get(path)) } });
});
afterAll(() => api.database.remove());

const resultOf = (conversationId: string, format: string) =>
  operatorResults.find((r) => r.conversationId === conversationId && r.outputFormat === format)!;
const classification = resultOf(aiHandoff.id, 'CLASSIFICATION');
const verdictPath = (conversationId: string, resultId: string) =>
  `/api/reviews/conversations/${conversationId}/results/${resultId}/verdict`;
const onClassification = verdictPath(aiHandoff.id, classification.id);

describe('a verdict on an operator result', () => {
  it('takes the operator, its version and the AI label from Twilio, never from the browser', async () => {
    const ana = api.person('Ana Lima');
    const smuggled = await api.send('PUT', onClassification, {
      as: ana,
      body: { verdict: 'agree', expectedVersion: 0, operatorId: freshId('operator'), aiLabel: 'NEGATIVE' },
    });
    expect(smuggled.status).toBe(400);
    expect(await smuggled.json()).toMatchObject({ code: 91400, message: '(root): unknown fields "operatorId", "aiLabel"' });

    asked.length = 0;
    const made = await api.send('PUT', onClassification, {
      as: ana,
      body: { verdict: 'disagree', correction: 'NEUTRAL', note: 'Relieved, not happy.', expectedVersion: 0 },
    });
    expect(made.status).toBe(201);
    expect(asked).toEqual([`/v3/OperatorResults/${classification.id}`]);
    expect(verdictSchema.parse(await made.json())).toMatchObject({
      conversationId: aiHandoff.id,
      resultId: classification.id,
      operatorId: classification.operator.id,
      operatorVersion: classification.operator.version,
      outputFormat: 'CLASSIFICATION',
      aiLabel: 'POSITIVE',
      reviewer: { name: 'Ana Lima' },
      verdict: 'disagree',
      correction: 'NEUTRAL',
      note: 'Relieved, not happy.',
      version: 1,
      mine: true,
    });
  });

  it('is refused when the result belongs to another conversation, and when Twilio has no such result; nothing is stored', async () => {
    const bo = api.person('Bo');
    const elsewhere = await api.send('PUT', verdictPath(seedConversation.id, classification.id), {
      as: bo,
      body: { verdict: 'agree', expectedVersion: 0 },
    });
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.json()).toMatchObject({
      code: 91400,
      message: `Operator result ${classification.id} belongs to another conversation, not to ${seedConversation.id}.`,
    });
    const unknown = freshId('operatorResult');
    twilio = [
      http.get(`${TWILIO_INTELLIGENCE_BASE}/v3/OperatorResults/${unknown}`, () =>
        HttpResponse.json({ code: 20404, message: 'Not found', httpStatusCode: 404 }, { status: 404 }),
      ),
      ...handlers,
    ];
    const missing = await api.send('PUT', verdictPath(aiHandoff.id, unknown), {
      as: bo,
      body: { verdict: 'agree', expectedVersion: 0 },
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 91404, message: `Twilio has no operator result ${unknown}.` });
    twilio = [...handlers];
    const stored = resultVerdictsSchema.parse(
      await (await api.send('GET', `/api/reviews/results/${classification.id}/verdicts`, { as: bo })).json(),
    );
    expect(stored.verdicts.filter((verdict) => verdict.mine)).toEqual([]);
  });

  it('says so when Twilio cannot be asked, and stores nothing', async () => {
    const cy = api.person('Cy');
    twilio = [http.get(`${TWILIO_INTELLIGENCE_BASE}/v3/OperatorResults/:id`, () => HttpResponse.error()), ...handlers];
    const down = await api.send('PUT', onClassification, { as: cy, body: { verdict: 'agree', expectedVersion: 0 } });
    twilio = [...handlers];
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({ code: 90502 });
    const again = await api.send('PUT', onClassification, { as: cy, body: { verdict: 'agree', expectedVersion: 0 } });
    expect(again.status).toBe(201);
  });

  it('is one per reviewer per result: changed with its version; a stale change or a second one gets 409 with the current verdict', async () => {
    const dee = api.person('Dee');
    const first = verdictSchema.parse(
      await (await api.send('PUT', onClassification, { as: dee, body: { verdict: 'unsure', expectedVersion: 0 } })).json(),
    );
    const second = await api.send('PUT', onClassification, { as: dee, body: { verdict: 'agree', expectedVersion: 0 } });
    expect(second.status).toBe(409);
    expect(conflictBodySchema(verdictSchema).parse(await second.json()).conflict).toMatchObject({
      version: 1,
      changedBy: { name: 'Dee' },
      current: first,
    });
    const changed = await api.send('PUT', onClassification, { as: dee, body: { verdict: 'agree', expectedVersion: 1 } });
    expect(changed.status).toBe(200);
    const now = verdictSchema.parse(await changed.json());
    expect(now).toMatchObject({ id: first.id, verdict: 'agree', version: 2 });
    const stale = await api.send('PUT', onClassification, {
      as: dee,
      body: { verdict: 'disagree', correction: 'NEGATIVE', expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(conflictBodySchema(verdictSchema).parse(await stale.json()).conflict.current).toEqual(now);
  });

  it('is withdrawn with its version; a change based on it afterwards gets 409 saying it was deleted', async () => {
    const eve = api.person('Eve');
    await api.send('PUT', onClassification, { as: eve, body: { verdict: 'agree', expectedVersion: 0 } });
    expect((await api.send('DELETE', `${onClassification}?expectedVersion=2`, { as: eve })).status).toBe(409);
    const withdrawn = await api.send('DELETE', `${onClassification}?expectedVersion=1`, { as: eve });
    expect(withdrawn.status).toBe(200);
    expect(verdictWithdrawnSchema.parse(await withdrawn.json())).toEqual({ verdict: null });
    const late = await api.send('PUT', onClassification, { as: eve, body: { verdict: 'unsure', expectedVersion: 1 } });
    expect(late.status).toBe(409);
    expect(conflictBodySchema(verdictSchema).parse(await late.json())).toMatchObject({
      message: expect.stringMatching(/^Eve deleted this verdict at /),
      conflict: { deleted: true, changedBy: { name: 'Eve' }, current: null },
    });
    const never = await api.send(
      'DELETE',
      `${verdictPath(seedConversation.id, resultOf(seedConversation.id, 'TEXT').id)}?expectedVersion=1`,
      { as: eve },
    );
    expect(never.status).toBe(404);
  });

  it('is refused with 502 for a result whose operator is named in a way the contract does not know, storing nothing', async () => {
    const unfamiliar = operatorResults.find((r) => !r.operator.id.startsWith('intelligence_operator_'))!;
    const path = verdictPath(unfamiliar.conversationId, unfamiliar.id);
    const response = await api.send('PUT', path, { as: api.person('Hal'), body: { verdict: 'agree', expectedVersion: 0 } });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      code: 90510,
      message: expect.stringContaining("Twilio's copy of this result cannot be reviewed (operatorId: must be an operator ID"),
    });
    const stored = resultVerdictsSchema.parse(
      await (await api.send('GET', `/api/reviews/results/${unfamiliar.id}/verdicts`)).json(),
    );
    expect(stored.verdicts).toEqual([]);
  });

  it("shows everyone's verdicts with names and times, per conversation and per result", async () => {
    const text = resultOf(seedConversation.id, 'TEXT');
    const [fay, gus] = [api.person('Fay'), api.person('Gus')];
    await api.send('PUT', verdictPath(seedConversation.id, text.id), { as: fay, body: { verdict: 'agree', expectedVersion: 0 } });
    await api.send('PUT', verdictPath(seedConversation.id, text.id), {
      as: gus,
      body: { verdict: 'disagree', correction: 'It was about a refund.', expectedVersion: 0 },
    });
    const state = conversationReviewSchema.parse(
      await (await api.send('GET', `/api/reviews/conversations/${seedConversation.id}`, { as: gus })).json(),
    );
    expect(state.verdicts.map((v) => [v.reviewer.name, v.verdict, v.correction, v.mine])).toEqual([
      ['Fay', 'agree', null, false],
      ['Gus', 'disagree', 'It was about a refund.', true],
    ]);
    expect(state.verdicts.every((v) => v.createdAt && v.aiLabel === null && v.outputFormat === 'TEXT')).toBe(true);
    const perResult = resultVerdictsSchema.parse(
      await (await api.send('GET', `/api/reviews/results/${text.id}/verdicts`)).json(),
    );
    expect(perResult.verdicts.map((v) => v.reviewer.name)).toEqual(['Fay', 'Gus']);
  });

  it('counts into agreement by operator and version, with the label table for a CLASSIFICATION', async () => {
    const agreement = agreementSchema.parse(
      await (await api.send('GET', `/api/reviews/agreement?operatorId=${classification.operator.id}`)).json(),
    );
    // Ana disagreed (NEUTRAL), Cy and Dee agreed; Eve withdrew hers.
    expect(agreement.operators).toEqual([
      {
        operatorId: classification.operator.id,
        operatorVersion: classification.operator.version,
        results: 1,
        verdicts: 3,
        agree: 2,
        disagree: 1,
        unsure: 0,
        shares: { agree: 2 / 3, disagree: 1 / 3, unsure: 0 },
      },
    ]);
    expect(agreement.classifications.map((row) => [row.aiLabel, row.reviewerLabel, row.count])).toEqual([
      ['POSITIVE', 'NEUTRAL', 1],
      ['POSITIVE', 'POSITIVE', 2],
    ]);
    expect((await api.send('GET', '/api/reviews/agreement?operatorId=twilio/sentiment')).status).toBe(400);
  });
});
