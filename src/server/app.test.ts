import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { liveStatus, setupTwilioNetwork } from '../../tests/twilio-network';
import { BFF_ERROR_CODES } from '../api/error';
import { TWILIO_INTELLIGENCE_BASE } from '../api/paths';
import { aiHandoff, seedConversation } from '../mocks/fixtures/conversations';
import { missingOperatorResultId, operatorResults } from '../mocks/fixtures/operator-results';
import { createApp } from './app';
import type { LogEntry } from './log';
import { twilioUpstream } from './upstream';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'super-secret-auth-token-7f3a9c';
const { network, upstreamRequests } = setupTwilioNetwork();
const status = liveStatus;
const logs: LogEntry[] = [];
const app = createApp({
  upstream: twilioUpstream({ credentials: { kind: 'authToken', accountSid: SID, authToken: TOKEN }, timeoutMs: 300 }),
  status,
  log: (entry) => logs.push(entry),
});

const conversationUrl = `/api/v3/Conversations/${seedConversation.id}`;
const upstreamConversationUrl = `${TWILIO_INTELLIGENCE_BASE}/v3/Conversations/:id`;

async function get(path: string) {
  const response = await app.request(path);
  const text = await response.text();
  return { response, text, body: JSON.parse(text) as Record<string, unknown> };
}

describe('GET /api/v3/Conversations/:id', () => {
  it('answers the upstream JSON unchanged, unknown fields included', async () => {
    network.use(
      http.get(upstreamConversationUrl, () => HttpResponse.json({ ...seedConversation, futureField: { nested: [1, 2] } })),
    );
    const { response, body } = await get(conversationUrl);
    expect(response.status).toBe(200);
    expect(body).toEqual({ ...seedConversation, futureField: { nested: [1, 2] } });
  });

  it('authenticates to Twilio with HTTP Basic and the configured account', async () => {
    await get(conversationUrl);
    expect(upstreamRequests).toHaveLength(1);
    const authorization = upstreamRequests[0]!.headers.get('authorization');
    expect(authorization).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`);
    expect(upstreamRequests[0]!.url).toBe(`${TWILIO_INTELLIGENCE_BASE}/v3/Conversations/${seedConversation.id}`);
  });

  it.each([
    ['a wrong prefix', 'conversation_01k1etk2y5f1y9fpe2epfdtvv2', 'starts with "conv_conversation_"'],
    ['upper case', 'conv_conversation_01K1ETK2Y5F1Y9FPE2EPFDTVV2', 'lower case'],
    ['too short', 'conv_conversation_01k1etk2y5', 'Too short'],
    ['path traversal', '..%2F..%2Fv3%2FConversations', 'starts with'],
    ['an encoded slash inside', 'conv_conversation_01k1etk2y5f1y9fpe2e%2Fdtvv2', 'Character'],
  ])('rejects %s with 400 in the v3 error shape and never calls Twilio', async (_label, id, message) => {
    const { response, body } = await get(`/api/v3/Conversations/${id}`);
    expect(response.status).toBe(400);
    expect(body).toMatchObject({ code: 90400, httpStatusCode: 400, userError: true });
    expect(String(body.message)).toContain(message);
    expect(upstreamRequests).toHaveLength(0);
  });

  it.each([401, 403, 404, 500, 503])('keeps the status and body of an upstream %i', async (statusCode) => {
    const upstreamBody = {
      code: 20000 + statusCode,
      message: `upstream said ${statusCode}`,
      httpStatusCode: statusCode,
      userError: statusCode < 500,
    };
    network.use(http.get(upstreamConversationUrl, () => HttpResponse.json(upstreamBody, { status: statusCode })));
    const { response, body } = await get(conversationUrl);
    expect(response.status).toBe(statusCode);
    expect(body).toEqual(upstreamBody);
  });

  it('passes 429 through with its rate-limit headers', async () => {
    network.use(
      http.get(upstreamConversationUrl, () =>
        HttpResponse.json(
          { code: 20429, message: 'Too Many Requests', httpStatusCode: 429, userError: true },
          {
            status: 429,
            headers: { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '7', 'Retry-After': '7' },
          },
        ),
      ),
    );
    const { response, body } = await get(conversationUrl);
    expect(response.status).toBe(429);
    expect(body.code).toBe(20429);
    expect(response.headers.get('x-ratelimit-reset')).toBe('7');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('wraps an upstream error that is not JSON in the v3 error shape, keeping the status', async () => {
    network.use(http.get(upstreamConversationUrl, () => HttpResponse.text('<html>Bad gateway</html>', { status: 502 })));
    const { response, body } = await get(conversationUrl);
    expect(response.status).toBe(502);
    expect(body).toMatchObject({ code: 90520, httpStatusCode: 502 });
  });

  // MSW's network error is what a refused or reset connection looks like to the client.
  it('answers 502 when Twilio cannot be reached', async () => {
    network.use(http.get(upstreamConversationUrl, () => HttpResponse.error()));
    const { response, body } = await get(conversationUrl);
    expect(response.status).toBe(502);
    expect(body).toMatchObject({ code: 90502, message: 'Twilio could not be reached.' });
  });

  it('answers 502 naming the problem when a 200 is not JSON at all', async () => {
    network.use(http.get(upstreamConversationUrl, () => HttpResponse.text('<html>maintenance</html>', { status: 200 })));
    const { response, body } = await get(conversationUrl);
    expect(response.status).toBe(502);
    expect(body.code).toBe(90510);
    expect(String(body.message)).toMatch(/\(root\): expected object/);
  });

  it('answers 504 after a bounded wait when Twilio hangs', async () => {
    network.use(
      http.get(upstreamConversationUrl, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const started = Date.now();
    const { response, body } = await get(conversationUrl);
    expect(response.status).toBe(504);
    expect(body).toMatchObject({ code: 90504 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('answers 502 naming the problem when a 200 body breaks the contract', async () => {
    const { communications: _dropped, ...rest } = seedConversation;
    network.use(
      http.get(upstreamConversationUrl, () => HttpResponse.json({ ...rest, createdAt: 12, communications: [{ id: 'nope' }] })),
    );
    const { response, body } = await get(conversationUrl);
    expect(response.status).toBe(502);
    expect(body.code).toBe(90510);
    expect(String(body.message)).toMatch(/createdAt: expected string/);
  });

  it('never puts the auth token in a response body, a header or a log line', async () => {
    const paths = [
      conversationUrl,
      '/api/status',
      '/api/v3/Conversations/bad',
      `/api/v3/OperatorResults/${missingOperatorResultId}`,
    ];
    for (const path of paths) {
      const { response, text } = await get(path);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(SID);
      for (const [, value] of response.headers) expect(value).not.toContain(TOKEN);
    }
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
  });

  it('marks every API response as not cacheable and sets the security headers', async () => {
    const { response } = await get(conversationUrl);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('GET /api/v3/OperatorResults/:id', () => {
  it('passes every format through with its result intact', async () => {
    for (const result of operatorResults.filter((r) => r.conversationId === aiHandoff.id)) {
      const { response, body } = await get(`/api/v3/OperatorResults/${result.id}`);
      expect(response.status).toBe(200);
      expect(body).toEqual(result);
    }
  });

  it('keeps a refusal that the typed library would drop', async () => {
    const [first] = operatorResults;
    network.use(
      http.get(`${TWILIO_INTELLIGENCE_BASE}/v3/OperatorResults/:id`, () =>
        HttpResponse.json({ ...first, result: {}, refusal: 'I cannot help with that.' }),
      ),
    );
    const { body } = await get(`/api/v3/OperatorResults/${first!.id}`);
    expect(body.refusal).toBe('I cannot help with that.');
  });

  it('answers 404 for a listed result that Twilio does not have', async () => {
    const { response, body } = await get(`/api/v3/OperatorResults/${missingOperatorResultId}`);
    expect(response.status).toBe(404);
    expect(body.code).toBe(20404);
  });

  it('rejects a conversation ID in place of a result ID without calling Twilio', async () => {
    const { response, body } = await get(`/api/v3/OperatorResults/${seedConversation.id}`);
    expect(response.status).toBe(400);
    expect(String(body.message)).toContain('This is a conversation ID, not an operator result ID.');
    expect(upstreamRequests).toHaveLength(0);
  });
});

describe('GET /api/v3/Conversations', () => {
  it('sends OR filters to Twilio as repeated keys, through the official library', async () => {
    const { response } = await get('/api/v3/Conversations?channels=VOICE&channels=SMS&status=CLOSED&pageSize=5');
    expect(response.status).toBe(200);
    expect(upstreamRequests).toHaveLength(1);
    expect(upstreamRequests[0]!.url).toBe(
      `${TWILIO_INTELLIGENCE_BASE}/v3/Conversations?pageSize=5&status=CLOSED&channels=SMS&channels=VOICE`,
    );
  });

  it('passes a 429 on the list through with its rate-limit headers', async () => {
    network.use(
      http.get(`${TWILIO_INTELLIGENCE_BASE}/v3/Conversations`, () =>
        HttpResponse.json(
          { code: 20429, message: 'Too Many Requests', httpStatusCode: 429, userError: true },
          { status: 429, headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '4' } },
        ),
      ),
    );
    const { response, body } = await get('/api/v3/Conversations?status=ACTIVE');
    expect(response.status).toBe(429);
    expect(body.code).toBe(20429);
    expect(response.headers.get('x-ratelimit-reset')).toBe('4');
  });
});

describe('other routes', () => {
  it('reports the mode and a safe account prefix', async () => {
    const { body } = await get('/api/status');
    expect(body).toEqual(status);
  });

  it('answers unknown API routes with a v3-shaped 404', async () => {
    const { response, body } = await get('/api/v3/Operators');
    expect(response.status).toBe(404);
    expect(body).toMatchObject({ code: 90404, httpStatusCode: 404 });
  });
});

describe('a failure of the server itself', () => {
  it('answers 500 with the BFF’s own code, not one from outside its range', async () => {
    const entries: LogEntry[] = [];
    const failing = createApp({
      upstream: {
        get: () => {
          throw new TypeError('cannot read properties of undefined');
        },
      },
      status,
      log: (entry) => entries.push(entry),
    });
    const response = await failing.request(conversationUrl);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      code: BFF_ERROR_CODES.internal,
      httpStatusCode: 500,
      message: 'The server failed to handle this request.',
      userError: false,
    });
    expect(BFF_ERROR_CODES.internal).toBe(90500);
    expect(entries).toContainEqual(expect.objectContaining({ level: 'error', event: 'unhandled', name: 'TypeError' }));
  });
});
