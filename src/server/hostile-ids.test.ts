import { describe, expect, it } from 'vitest';
import { liveStatus, setupTwilioNetwork } from '../../tests/twilio-network';
import { BFF_ERROR_CODES } from '../api/error';
import { isId, type IdKind } from '../api/ids';
import { decoded, hostileIdsFor, inPath, VALID_IDS, type HostileId } from '../../tests/hostile-ids';
import { hostileListQueries, type HostileListQuery } from '../../tests/hostile-list-queries';
import { createApp } from './app';
import { twilioUpstream } from './upstream';

/**
 * Every BFF route that takes an ID, given the hostile-ID corpus (tests/hostile-ids.ts), and the
 * conversation list given hostile queries (tests/hostile-list-queries.ts): each value is answered
 * with 400 in the v3 error shape, and nothing reaches Twilio. Twilio is faked with MSW
 * at the network level, so a request that got past validation would be seen here even though the
 * real `twilioUpstream` (with fake credentials) made it.
 */

const { upstreamRequests } = setupTwilioNetwork();
const status = liveStatus;
const app = createApp({
  upstream: twilioUpstream({
    credentials: { kind: 'authToken', accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'hostile-ids-test-token' },
    timeoutMs: 2_000,
  }),
  status,
  log: () => {},
  // No caching between cases: every valid request must really go upstream.
  operatorCacheTtlMs: 0,
});

type Route = {
  name: string;
  kind: IdKind;
  url: (value: string) => string;
  /** The ID is a path segment (so the router may not match some values), not a query value. */
  inPathSegment: boolean;
};

const routes: Route[] = [
  {
    name: 'GET /api/v3/Conversations/:id',
    kind: 'conversation',
    url: (value) => `/api/v3/Conversations/${value}`,
    inPathSegment: true,
  },
  {
    name: 'GET /api/v3/OperatorResults/:id',
    kind: 'operatorResult',
    url: (value) => `/api/v3/OperatorResults/${value}`,
    inPathSegment: true,
  },
  {
    name: 'GET /api/v3/ControlPlane/Operators/:id',
    kind: 'operator',
    url: (value) => `/api/v3/ControlPlane/Operators/${value}`,
    inPathSegment: true,
  },
  {
    name: 'GET /api/v3/ControlPlane/Operators/:id/Versions/:version',
    kind: 'operator',
    url: (value) => `/api/v3/ControlPlane/Operators/${value}/Versions/1`,
    inPathSegment: true,
  },
  {
    name: 'GET /api/v3/OperatorResults?conversationId=',
    kind: 'conversation',
    url: (value) => `/api/v3/OperatorResults?conversationId=${value}`,
    inPathSegment: false,
  },
  {
    name: 'GET /api/v3/OperatorResults?conversationId=…&operatorId=',
    kind: 'operator',
    url: (value) => `/api/v3/OperatorResults?conversationId=${VALID_IDS.conversation}&operatorId=${value}`,
    inPathSegment: false,
  },
  {
    name: 'GET /api/v3/OperatorResults?conversationId=…&intelligenceConfigurationId=',
    kind: 'intelligenceConfiguration',
    url: (value) => `/api/v3/OperatorResults?conversationId=${VALID_IDS.conversation}&intelligenceConfigurationId=${value}`,
    inPathSegment: false,
  },
  {
    name: 'GET /api/v3/Conversations?operatorIds=',
    kind: 'operator',
    url: (value) => `/api/v3/Conversations?operatorIds=${value}`,
    inPathSegment: false,
  },
  {
    // An OR list: the hostile value comes after a valid one, so checking only the first would not do.
    name: 'GET /api/v3/Conversations?intelligenceConfigurationIds=…&intelligenceConfigurationIds=',
    kind: 'intelligenceConfiguration',
    url: (value) =>
      `/api/v3/Conversations?intelligenceConfigurationIds=${VALID_IDS.intelligenceConfiguration}&intelligenceConfigurationIds=${value}`,
    inPathSegment: false,
  },
  {
    name: 'GET /api/v3/Conversations?conversationConfigurationId=',
    kind: 'conversationConfiguration',
    url: (value) => `/api/v3/Conversations?conversationConfigurationId=${value}`,
    inPathSegment: false,
  },
];

async function get(path: string) {
  const response = await app.request(path);
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Left empty: the status and shape assertions then say what came back.
  }
  return { response, text, body };
}

describe('the hostile-ID corpus', () => {
  it.each(routes.map((route) => [route.kind, route] as const))('has at least 50 values for the %s slot', (_kind, route) => {
    const corpus = hostileIdsFor(route.kind);
    expect(corpus.length).toBeGreaterThanOrEqual(50);
    expect(new Set(corpus.map((entry) => entry.label)).size).toBe(corpus.length);
  });

  it.each(routes.map((route) => [route.kind, route] as const))('holds no value that is a valid ID once decoded (%s)', (kind) => {
    const valid = hostileIdsFor(kind).filter((entry) => isId(kind, decoded(entry)));
    expect(valid.map((entry) => entry.label)).toEqual([]);
  });
});

describe.each(routes)('$name', (route) => {
  // The control: the counter sees a request that passes validation.
  it('sends a valid ID to Twilio (control for the counter below)', async () => {
    const { response } = await get(route.url(encodeURIComponent(VALID_IDS[route.kind])));
    expect(response.status).not.toBe(400);
    expect(upstreamRequests).toHaveLength(1);
  });

  it.each(hostileIdsFor(route.kind).map((entry) => [entry.label, entry] as const))(
    'rejects %s with 400 in the v3 error shape and never calls Twilio',
    async (_label, entry: HostileId) => {
      const { response, body, text } = await get(route.url(inPath(entry)));
      const context = `${route.url(inPath(entry)).slice(0, 200)} answered ${response.status}: ${text.slice(0, 300)}`;

      if (route.inPathSegment && entry.routerCannotMatch) {
        // This value cannot reach the ID route at all (the reason is on the corpus entry: a dot segment
        // that URL parsing resolves away, or an empty segment). The router's 404 is then right, in the
        // same error shape; what matters is that nothing went upstream.
        expect([400, 404], context).toContain(response.status);
        expect(body, context).toMatchObject({
          code: response.status === 400 ? BFF_ERROR_CODES.invalidId : BFF_ERROR_CODES.notFound,
          httpStatusCode: response.status,
          userError: true,
        });
      } else {
        expect(response.status, context).toBe(400);
        expect(body, context).toMatchObject({ code: BFF_ERROR_CODES.invalidId, httpStatusCode: 400, userError: true });
        expect(typeof body.message, context).toBe('string');
        if (entry.problem !== undefined) expect(String(body.message), context).toContain(entry.problem);
      }
      expect(response.headers.get('content-type'), context).toMatch(/^application\/json/);
      expect(response.headers.get('cache-control'), context).toBe('no-store');
      expect(upstreamRequests, context).toHaveLength(0);
    },
  );
});

describe('GET /api/v3/Conversations, given a hostile list query', () => {
  it('has a corpus of at least 60 queries with distinct labels', () => {
    expect(hostileListQueries.length).toBeGreaterThanOrEqual(60);
    expect(new Set(hostileListQueries.map((entry) => entry.label)).size).toBe(hostileListQueries.length);
  });

  it('sends a valid query to Twilio (control for the counter below)', async () => {
    const { response } = await get(
      '/api/v3/Conversations?status=CLOSED&channels=VOICE&createdAtAfter=2026-11-01T00:00:00Z&pageSize=5',
    );
    expect(response.status).toBe(200);
    expect(upstreamRequests).toHaveLength(1);
  });

  it.each(hostileListQueries.map((entry) => [entry.label, entry] as const))(
    'rejects %s with 400 naming the parameter, and never calls Twilio',
    async (_label, entry: HostileListQuery) => {
      const { response, body, text } = await get(`/api/v3/Conversations?${entry.query}`);
      const context = `${entry.query.slice(0, 200)} answered ${response.status}: ${text.slice(0, 300)}`;
      expect(response.status, context).toBe(400);
      expect(body, context).toMatchObject({ code: entry.code, httpStatusCode: 400, userError: true });
      expect(body.params, context).toEqual({ parameter: entry.parameter });
      expect(String(body.message), context).toContain(entry.problem);
      // The message explains; it never echoes a long hostile value back.
      expect(String(body.message).length, context).toBeLessThan(400);
      expect(response.headers.get('content-type'), context).toMatch(/^application\/json/);
      expect(response.headers.get('cache-control'), context).toBe('no-store');
      expect(upstreamRequests, context).toHaveLength(0);
    },
  );
});
