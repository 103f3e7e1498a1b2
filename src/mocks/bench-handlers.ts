import { http } from 'msw';
import { benchConversation, benchResult, liveBenchConversation } from './fixtures/bench-conversations';
import { jsonIfFound, TWILIO_V3, withAuth } from './twilio-http';

/**
 * The chats of 100 and 10,000 messages (and the latter live, quiet or growing) that `npm run bench`, the screenshots and the long-conversation
 * tests open (fixtures/bench-conversations.ts), put in front of `handlers`: by demo mode when
 * DEMO_BENCH_CONVERSATIONS=1, by a test with `server.use(...benchHandlers)`. Any other ID falls through.
 */
export const benchHandlers = [
  http.get<{ id: string }>(
    `${TWILIO_V3}/Conversations/:id`,
    withAuth(({ params }) => jsonIfFound(benchConversation(params.id) ?? liveBenchConversation(params.id))),
  ),
  http.get<{ id: string }>(
    `${TWILIO_V3}/OperatorResults/:id`,
    withAuth(({ params }) => jsonIfFound(benchResult(params.id))),
  ),
];
