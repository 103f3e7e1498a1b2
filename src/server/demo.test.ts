import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { askTwilio, twilioAnswer } from '../../tests/ask-twilio';
import { KNOWN_OUTPUT_FORMATS } from '../api/operator-result';
import { serverStatusSchema } from '../api/status';
import { benchConversation, benchConversationId } from '../mocks/fixtures/bench-conversations';
import { DEMO_ACCOUNT } from '../mocks/fixtures/builders';
import {
  activeCall,
  aiHandoff,
  demoSamples,
  longChat,
  seedConversation,
  smsThread,
  unusualData,
  whatsappOrder,
} from '../mocks/fixtures/conversations';
import { missingOperatorResultId, operatorResults } from '../mocks/fixtures/operator-results';
import { billingDispute } from '../mocks/fixtures/repeated-runs';
import { LIVE_CALL_ID, LIVE_CALL_NAME } from '../mocks/fixtures/live-call';
import { loadConfig } from './config';
import { demoHandlers } from './demo';
import { buildServer } from './server';

const server = buildServer(loadConfig({}), { log: () => {}, localSecret: randomBytes(32) });
afterAll(() => server.close());

async function get(path: string) {
  const response = await server.app.request(path);
  const text = await response.text();
  return { response, text, body: JSON.parse(text) as Record<string, unknown> };
}

describe('demo mode: /api/status', () => {
  it('says the server runs in demo mode', async () => {
    const { response, body } = await get('/api/status');
    expect(response.status).toBe(200);
    expect(serverStatusSchema.safeParse(body).success).toBe(true);
    expect(body.mode).toBe('demo');
    expect(body.region).toBeNull();
  });

  it('lists the samples in display order, the seed conversation first, each summed up', async () => {
    const { body } = await get('/api/status');
    expect(body.samples).toEqual([
      {
        id: seedConversation.id,
        name: 'Customer Support Call - Order #12345',
        blurb: 'The example from Twilio\u2019s API reference: a short voice support call.',
        channels: ['VOICE'],
        status: 'CLOSED',
        messageCount: 3,
      },
      {
        id: aiHandoff.id,
        name: 'Refund request handed from AI agent to billing',
        blurb: 'A chat where an AI agent hands off to a human agent; three participants, five operator results.',
        channels: ['CHAT'],
        status: 'CLOSED',
        messageCount: 10,
      },
      {
        id: smsThread.id,
        name: 'Appointment reschedule by SMS',
        blurb: 'An SMS thread that spans two days.',
        channels: ['SMS'],
        status: 'INACTIVE',
        messageCount: 8,
      },
      {
        id: whatsappOrder.id,
        name: 'WhatsApp: where is my order?',
        blurb: 'A WhatsApp conversation with an AI agent.',
        channels: ['WHATSAPP'],
        status: 'CLOSED',
        messageCount: 7,
      },
      {
        id: activeCall.id,
        name: 'Internet outage (call in progress)',
        blurb: 'A call that is still in progress.',
        channels: ['VOICE'],
        status: 'ACTIVE',
        messageCount: 7,
      },
      {
        id: unusualData.id,
        // A conversation without a name is listed with null, not left out.
        name: null,
        blurb: 'Missing names, an unknown participant, an empty message and unknown channel values.',
        channels: ['EMAIL', 'VIDEO'],
        status: 'CLOSED',
        messageCount: 6,
      },
      {
        id: longChat.id,
        name: 'Platform support chat (2,000 messages)',
        blurb: 'A long chat of 2,000 messages over several days.',
        channels: ['CHAT'],
        status: 'CLOSED',
        messageCount: 2000,
      },
      {
        id: billingDispute.id,
        name: 'Double charge disputed by chat',
        blurb: 'A chat whose sentiment was read every three messages, by operators of the account and of Twilio.',
        channels: ['CHAT'],
        status: 'CLOSED',
        messageCount: 12,
      },
    ]);
  });

  it('offers the live call, which the demo’s Twilio answers as it happens', async () => {
    const { body } = await get('/api/status');
    expect(body.liveCall).toMatchObject({ id: LIVE_CALL_ID, name: LIVE_CALL_NAME });
    const call = await get(`/api/v3/Conversations/${LIVE_CALL_ID}`);
    expect(call.response.status).toBe(200);
    expect(call.body).toMatchObject({ id: LIVE_CALL_ID, status: 'ACTIVE' });
  });

  it('contains no auth token and not the full account SID', async () => {
    const { response, text } = await get('/api/status');
    expect(text).not.toContain('demo-mode-token');
    expect(text).not.toContain(DEMO_ACCOUNT);
    for (const [, value] of response.headers) expect(value).not.toContain('demo-mode-token');
  });
});

describe('demo mode: conversations', () => {
  it.each(demoSamples.map((s) => [s.conversation.id, s.conversation] as const))(
    'serves sample %s unchanged',
    async (id, conversation) => {
      const { response, body, text } = await get(`/api/v3/Conversations/${id}`);
      expect(response.status).toBe(200);
      expect(body).toEqual(conversation);
      expect(text).not.toContain('demo-mode-token');
    },
  );

  it('answers 404 with code 20404 for a valid ID it does not know', async () => {
    const { response, body } = await get('/api/v3/Conversations/conv_conversation_7zzzzzzzzzzzzzzzzzzzzzzzzz');
    expect(response.status).toBe(404);
    expect(body).toMatchObject({ code: 20404, httpStatusCode: 404 });
  });

  it('answers 400 for a malformed ID', async () => {
    const { response, body } = await get('/api/v3/Conversations/..%2F..%2Fv3%2FOperators');
    expect(response.status).toBe(400);
    expect(body).toMatchObject({ code: 90400, httpStatusCode: 400, userError: true });
  });
});

describe('demo mode: operator results', () => {
  it.each([...KNOWN_OUTPUT_FORMATS])('serves a %s result intact', async (format) => {
    const result = operatorResults.find((r) => r.outputFormat === format);
    expect(result, `a ${format} fixture`).toBeDefined();
    const { response, body } = await get(`/api/v3/OperatorResults/${result!.id}`);
    expect(response.status).toBe(200);
    expect(body).toEqual(result);
  });

  it('answers 404 with code 20404 for the listed result that does not exist', async () => {
    const { response, body } = await get(`/api/v3/OperatorResults/${missingOperatorResultId}`);
    expect(response.status).toBe(404);
    expect(body).toMatchObject({ code: 20404, httpStatusCode: 404 });
  });
});

describe('demo mode: the conversation list', () => {
  it('lists the demo account through the server, newest first, dated from the server\u2019s clock', async () => {
    const { response, body } = await get('/api/v3/Conversations?pageSize=1000');
    expect(response.status).toBe(200);
    const items = body.items as Array<{ id: string; createdAt: string }>;
    expect(items.length).toBeGreaterThanOrEqual(300);
    expect(items.map((c) => c.id)).toContain(seedConversation.id);
    const newest = Date.parse(items[0]!.createdAt);
    expect(newest).toBeLessThanOrEqual(Date.now());
    expect(newest).toBeGreaterThan(Date.now() - 86_400_000);
  });

  it('finds a conversation by its Call SID, and lists the operators and configurations', async () => {
    const { body } = await get(`/api/v3/Conversations?channelId=${seedConversation.channelIds[0]}`);
    expect((body.items as Array<{ id: string }>).map((c) => c.id)).toEqual([seedConversation.id]);
    expect((await get('/api/v3/ControlPlane/Operators')).response.status).toBe(200);
    expect((await get('/api/v3/ControlPlane/Configurations')).response.status).toBe(200);
  });
});

describe('demo mode: the benchmark\u2019s long chats', () => {
  const path = `/v3/Conversations/${benchConversationId(100)}`;

  it('are not served by default', async () => {
    expect((await askTwilio(demoHandlers({ benchConversations: false }), path))?.status).toBe(404);
  });

  it('are served with DEMO_BENCH_CONVERSATIONS=1, in front of the drills and the samples', async () => {
    const handlers = demoHandlers({ benchConversations: true });
    expect(await twilioAnswer(handlers, path)).toEqual({ status: 200, body: benchConversation(benchConversationId(100)) });
    expect((await twilioAnswer(handlers, `/v3/Conversations/${seedConversation.id}`)).body).toEqual(seedConversation);
  });
});
