import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conversationPageSchema, conversationSchema } from '../api/conversation';
import {
  configurationPageSchema,
  operatorPageSchema,
  operatorSchema,
  operatorVersionPageSchema,
  operatorVersionSchema,
} from '../api/operator';
import { operatorResultPageSchema, operatorResultSchema } from '../api/operator-result';
import {
  asJson,
  configuration,
  conversation,
  conversationListItem,
  languageOperator,
  operatorResult,
  operatorVersion,
  operatorVersionItem,
  page,
  PROPERTY_SEED,
} from '../../tests/spec-bodies';
import { plainDemoStatus } from '../mocks/fixtures/server-status';
import { createApp } from './app';

const SEED_CONVERSATION = 'conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2';
const SEED_RESULT = 'intelligence_operatorresult_01k6fc25s7epm9qtk8rszbv3q5';
const SEED_OPERATOR = 'intelligence_operator_01kcgy1ew0e9x8re6jq542zt8b';

/** The BFF with a Twilio that answers `body` to every request. */
function relaying(body: unknown) {
  return createApp({
    upstream: { get: async () => ({ status: 200, body, headers: {} }) },
    status: plainDemoStatus,
    log: () => {},
  });
}

const settings = { seed: PROPERTY_SEED, numRuns: 100 };

/** Every body the spec allows for a route goes through the BFF untouched, with 200. */
async function passesThrough(path: string, body: unknown) {
  const answer = await relaying(body).request(path);
  const text = await answer.text();
  expect(answer.status, text).toBe(200);
  expect(JSON.parse(text)).toEqual(body);
}

describe('answers the spec allows pass through the server with 200, as they came', () => {
  it.each([
    ['GET /v3/Conversations/{id}', `/api/v3/Conversations/${SEED_CONVERSATION}`, conversation],
    ['GET /v3/OperatorResults/{id}', `/api/v3/OperatorResults/${SEED_RESULT}`, operatorResult()],
    [
      'GET /v3/OperatorResults?conversationId=',
      `/api/v3/OperatorResults?conversationId=${SEED_CONVERSATION}`,
      page(operatorResult()),
    ],
    ['GET /v3/ControlPlane/Operators/{id}', `/api/v3/ControlPlane/Operators/${SEED_OPERATOR}`, languageOperator],
    ['GET /v3/Conversations', '/api/v3/Conversations?status=CLOSED&channels=VOICE&channels=SMS', page(conversationListItem)],
    ['GET /v3/ControlPlane/Operators', '/api/v3/ControlPlane/Operators?pageSize=50', page(languageOperator)],
    ['GET /v3/ControlPlane/Configurations', '/api/v3/ControlPlane/Configurations', page(configuration, 2)],
    [
      'GET /v3/ControlPlane/Operators/{id}/Versions/{version}',
      `/api/v3/ControlPlane/Operators/${SEED_OPERATOR}/Versions/4`,
      operatorVersion,
    ],
  ] as Array<[string, string, fc.Arbitrary<unknown>]>)('%s', async (_route, path, body) => {
    await fc.assert(
      fc.asyncProperty(body.map(asJson), (generated) => passesThrough(path, generated)),
      settings,
    );
  });
});

describe('the contract reads every answer the spec allows', () => {
  it.each([
    ['a conversation', conversationSchema, conversation],
    ['a page of conversations', conversationPageSchema, page(conversationListItem)],
    ['an operator result', operatorResultSchema, operatorResult()],
    ['a page of operator results', operatorResultPageSchema, page(operatorResult())],
    ['an operator', operatorSchema, languageOperator],
    ['a page of operators', operatorPageSchema, page(languageOperator)],
    ['an operator version', operatorVersionSchema, operatorVersion],
    ['a page of operator versions', operatorVersionPageSchema, page(operatorVersionItem)],
    ['a page of configurations', configurationPageSchema, page(configuration, 2)],
  ] as Array<[string, { safeParse(value: unknown): { success: boolean; error?: unknown } }, fc.Arbitrary<unknown>]>)(
    '%s',
    (_name, schema, body) => {
      fc.assert(
        fc.property(body.map(asJson), (generated) => {
          const parsed = schema.safeParse(generated);
          expect(parsed.success, JSON.stringify(parsed.error)).toBe(true);
        }),
        settings,
      );
    },
  );
});

describe('what the page cannot live without is still refused, naming the field', () => {
  it('a conversation without an id', async () => {
    const body = asJson(fc.sample(conversation, { seed: 1, numRuns: 1 })[0]!) as Record<string, unknown>;
    delete body.id;
    const answer = await relaying(body).request(`/api/v3/Conversations/${SEED_CONVERSATION}`);
    expect(answer.status).toBe(502);
    expect(((await answer.json()) as { message: string }).message).toContain('id: expected string');
  });

  it('a communication list that is not a list', async () => {
    const body = { ...(asJson(fc.sample(conversation, { seed: 2, numRuns: 1 })[0]!) as object), communications: 'none' };
    const answer = await relaying(body).request(`/api/v3/Conversations/${SEED_CONVERSATION}`);
    expect(answer.status).toBe(502);
    expect(((await answer.json()) as { message: string }).message).toContain('communications: expected array');
  });
});
