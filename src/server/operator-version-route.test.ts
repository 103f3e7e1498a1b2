import { http, HttpResponse, type RequestHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { inProcessUpstream } from '../../tests/in-process-twilio';
import { BFF_ERROR_CODES } from '../api/error';
import { MAX_OPERATOR_VERSION } from '../api/operator-version';
import { OPERATORS } from '../mocks/fixtures/operator-results';
import { operatorVersions } from '../mocks/fixtures/operator-versions';
import { plainDemoStatus } from '../mocks/fixtures/server-status';
import { handlers } from '../mocks/handlers';
import { TWILIO_V3 } from '../mocks/twilio-http';
import { createApp } from './app';

/** The app over the emulated Twilio, with `twilio` handlers in front of it; `calls` lists what reached Twilio. */
function setup(ttlMs = 60_000, twilio: RequestHandler[] = []) {
  const calls: string[] = [];
  let clock = 1_000_000;
  const upstream = inProcessUpstream(() => [...twilio, ...handlers]);
  const app = createApp({
    upstream: { get: (path) => (calls.push(path), upstream.get(path)) },
    status: plainDemoStatus,
    log: () => {},
    operatorCacheTtlMs: ttlMs,
    now: () => clock,
  });
  const get = async (path: string) => {
    const response = await app.request(path);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { calls, get, advance: (ms: number) => (clock += ms) };
}

const deprecated = operatorVersions.find((v) => v.status === 'DEPRECATED')!;
const route = (id: string, version: string) => `/api/v3/ControlPlane/Operators/${id}/Versions/${version}`;

describe('GET /api/v3/ControlPlane/Operators/:id/Versions/:version', () => {
  it('answers the version as Twilio gave it, from the right upstream path', async () => {
    const { calls, get } = setup();
    expect(await get(route(deprecated.id!, String(deprecated.version)))).toEqual({ status: 200, body: deprecated });
    expect(calls).toEqual([`/v3/ControlPlane/Operators/${deprecated.id}/Versions/${deprecated.version}`]);
  });

  it('keeps a version for as long as an operator definition, and asks again after that', async () => {
    const { calls, get, advance } = setup(60_000);
    const path = route(deprecated.id!, String(deprecated.version));
    await get(path);
    expect(await get(path)).toEqual({ status: 200, body: deprecated });
    expect(calls).toHaveLength(1);
    // Another version of the same operator is another entry.
    await get(route(deprecated.id!, '3'));
    expect(calls).toHaveLength(2);
    advance(60_001);
    await get(path);
    expect(calls).toHaveLength(3);
  });

  it('is not mistaken for the operator lookup, and the two are cached apart', async () => {
    const { calls, get } = setup();
    const operator = await get(`/api/v3/ControlPlane/Operators/${deprecated.id}`);
    const version = await get(route(deprecated.id!, '2'));
    expect(operator.body.status).toBeUndefined();
    expect(version.body.status).toBe('DEPRECATED');
    expect(calls).toEqual([
      `/v3/ControlPlane/Operators/${deprecated.id}`,
      `/v3/ControlPlane/Operators/${deprecated.id}/Versions/2`,
    ]);
  });

  it.each([
    ['a version the operator never had', route(OPERATORS.summary, '99')],
    ['an operator Twilio does not know', route('intelligence_operator_00000000000000000000000000', '1')],
    ['an operator whose definition lookup fails, but has no versions', route(OPERATORS.intent, '1')],
  ])('passes Twilio\u2019s 404 through for %s, and does not cache it', async (_label, path) => {
    const { calls, get } = setup();
    const first = await get(path);
    expect(first.status).toBe(404);
    expect(first.body).toMatchObject({ code: 20404, httpStatusCode: 404 });
    await get(path);
    expect(calls).toHaveLength(2);
  });

  it('reads a version number sent as a string, as the spec\u2019s own example does', async () => {
    const body = { ...deprecated, version: '2' };
    const { get } = setup(60_000, [
      http.get(`${TWILIO_V3}/ControlPlane/Operators/:id/Versions/:version`, () => HttpResponse.json(body)),
    ]);
    expect(await get(route(deprecated.id!, '2'))).toEqual({ status: 200, body });
  });

  it('refuses an answer in a shape the contract cannot read, naming the field', async () => {
    const { get } = setup(60_000, [
      http.get(`${TWILIO_V3}/ControlPlane/Operators/:id/Versions/:version`, () =>
        HttpResponse.json({ ...deprecated, parameters: ['not', 'a', 'record'] }),
      ),
    ]);
    const answer = await get(route(deprecated.id!, '2'));
    expect(answer.status).toBe(502);
    expect(answer.body.code).toBe(BFF_ERROR_CODES.unexpectedShape);
    expect(String(answer.body.message)).toContain('parameters');
  });

  const hostileVersions: Array<[string, string, string]> = [
    ['zero', '0', 'start at 1'],
    ['a leading zero', '03', 'without leading zeros'],
    ['zeros only', '000', 'without leading zeros'],
    ['a minus sign', '-1', 'without a sign'],
    ['a plus sign', '+1', 'without a sign'],
    ['an encoded plus sign', '%2B1', 'without a sign'],
    ['a decimal', '1.0', 'Character 2 of the operator version is "."'],
    ['an exponent', '1e3', 'Character 2 of the operator version is "e"'],
    ['hexadecimal', '0x10', 'Character 2 of the operator version is "x"'],
    ['a word', 'latest', 'Character 1 of the operator version is "l"'],
    ['NaN', 'NaN', 'Character 1 of the operator version is "N"'],
    ['Infinity', 'Infinity', 'Character 1 of the operator version is "I"'],
    ['a leading space', '%201', 'Character 1 of the operator version is a space'],
    ['a trailing space', '1%20', 'Character 2 of the operator version is a space'],
    ['a NUL byte', '1%00', 'a control character (U+0000)'],
    ['a line break (header injection)', '1%0d%0aX-Injected:%20yes', 'a control character (U+000D)'],
    ['full-width digits', encodeURIComponent('\uff13'), 'not a plain ASCII character'],
    ['Arabic-Indic digits', encodeURIComponent('\u0663'), 'not a plain ASCII character'],
    ['one above the largest', String(MAX_OPERATOR_VERSION + 1), `at most ${MAX_OPERATOR_VERSION}`],
    ['twenty digits', '9'.repeat(20), `at most ${MAX_OPERATOR_VERSION}`],
    ['a thousand digits', '7'.repeat(1000), `at most ${MAX_OPERATOR_VERSION}`],
    ['an encoded slash', '1%2F..%2F..%2FConversations', 'Character 2 of the operator version is "/"'],
    // The URL resolves the dot segments first: what remains is an operator ID with a slash in it.
    ['a path after it', '1/../../Conversations', 'only lower-case letters and digits'],
    ['a second segment', '1/2', 'Character 2 of the operator version is "/"'],
    ['a query smuggled in encoded', '1%3FpageSize%3D1', 'Character 2 of the operator version is "?"'],
    ['a percent sign', '1%25', 'Character 2 of the operator version is "%"'],
    ['nothing', '', 'Add the operator version'],
  ];

  it.each(hostileVersions)('rejects a version with %s with 400 before calling Twilio', async (_label, version, problem) => {
    const { calls, get } = setup();
    const answer = await get(route(OPERATORS.summary, version));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: BFF_ERROR_CODES.invalidId, httpStatusCode: 400, userError: true });
    expect(String(answer.body.message)).toContain(problem);
    expect(calls).toEqual([]);
  });

  it.each([
    ['a result ID', 'intelligence_operatorresult_01kf3q9x1a2b3c4d5e6f7g8h9j', 'not an operator ID'],
    ['upper case', 'INTELLIGENCE_OPERATOR_01KD2B7M4S9T0V1W2X3Y4Z5A6B', 'all lower case'],
    ['too short', 'intelligence_operator_short', 'Too short'],
    ['an encoded traversal', '..%2F..%2FConversations', 'starts with "intelligence_operator_"'],
    ['an encoded line break', `${OPERATORS.summary}%0d%0a`, 'a control character'],
  ])(
    'rejects an operator ID that is %s with 400 before calling Twilio, even with a good version',
    async (_label, id, problem) => {
      const { calls, get } = setup();
      const answer = await get(route(id, '1'));
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe(BFF_ERROR_CODES.invalidId);
      expect(String(answer.body.message)).toContain(problem);
      expect(calls).toEqual([]);
    },
  );

  it('checks the operator ID before the version, so the message names the first problem', async () => {
    const { get } = setup();
    const answer = await get(route('intelligence_operator_short', '03'));
    expect(String(answer.body.message)).toContain('Too short');
  });

  it.each(['1', '42', String(MAX_OPERATOR_VERSION)])('sends version %s to Twilio as it is', async (version) => {
    const { calls, get } = setup();
    expect((await get(route(OPERATORS.summary, version))).status).not.toBe(400);
    expect(calls).toEqual([`/v3/ControlPlane/Operators/${OPERATORS.summary}/Versions/${version}`]);
  });
});
