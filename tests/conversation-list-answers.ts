import { http, HttpResponse } from 'msw';
import type { Conversation } from '../src/api/conversation';
import { withoutMessages } from '../src/mocks/fixtures/demo-account';
import { TWILIO_V3 } from '../src/mocks/twilio-http';
import { server } from './bff-in-process';

export const CONVERSATION_LIST = `${TWILIO_V3}/Conversations`;

/** Twilio's list answers with these conversations, and every query it was asked is kept. */
export function listAnswers(conversations: Conversation[], nextToken?: string) {
  const asked: URLSearchParams[] = [];
  server.use(
    http.get(CONVERSATION_LIST, ({ request }) => {
      asked.push(new URL(request.url).searchParams);
      return HttpResponse.json({
        items: conversations.map(withoutMessages),
        meta: { key: 'items', pageSize: conversations.length, ...(nextToken ? { nextToken } : {}) },
      });
    }),
  );
  return asked;
}

/** Every query Twilio's list was asked, letting the emulation answer. */
export function listQueries() {
  const asked: URLSearchParams[] = [];
  server.use(
    http.get(CONVERSATION_LIST, ({ request }) => {
      asked.push(new URL(request.url).searchParams);
    }),
  );
  return asked;
}
