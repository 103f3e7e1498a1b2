import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedConversation } from '../mocks/fixtures/conversations';
import { twilioUpstream } from './upstream';

const SID = 'AC0123456789abcdef0123456789abcdef';
const KEY = 'SK0123456789abcdef0123456789abcdef';
const seen: Request[] = [];
const network = setupServer(
  http.get('https://*/v3/Conversations/:id', ({ request }) => {
    seen.push(request);
    return HttpResponse.json(seedConversation);
  }),
);

beforeAll(() => network.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  seen.length = 0;
});
afterAll(() => network.close());

const path = `/v3/Conversations/${seedConversation.id}`;

describe('twilioUpstream', () => {
  it('authenticates with an API key and secret when given them', async () => {
    const upstream = twilioUpstream({
      credentials: { kind: 'apiKey', accountSid: SID, apiKey: KEY, apiSecret: 'key-secret' },
      timeoutMs: 1000,
    });
    const answer = await upstream.get(path);
    expect(answer.status).toBe(200);
    expect(seen[0]!.headers.get('authorization')).toBe(`Basic ${Buffer.from(`${KEY}:key-secret`).toString('base64')}`);
  });

  it.each([
    [{ region: 'ie1', edge: 'dublin' }, 'intelligence.dublin.ie1.twilio.com'],
    [{ region: 'au1' }, 'intelligence.au1.twilio.com'],
    [{}, 'intelligence.twilio.com'],
  ])('honours region and edge %j', async (placement, host) => {
    const upstream = twilioUpstream({
      credentials: { kind: 'authToken', accountSid: SID, authToken: 't' },
      timeoutMs: 1000,
      ...placement,
    });
    await upstream.get(path);
    expect(new URL(seen[0]!.url).host).toBe(host);
    expect(new URL(seen[0]!.url).pathname).toBe(path);
  });

  it('passes the body through untouched, unknown fields included', async () => {
    const upstream = twilioUpstream({ credentials: { kind: 'authToken', accountSid: SID, authToken: 't' }, timeoutMs: 1000 });
    const answer = await upstream.get(path);
    expect(answer.body).toEqual(seedConversation);
    expect(answer.headers['content-type']).toContain('application/json');
  });
});
