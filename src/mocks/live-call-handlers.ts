import { http, type RequestHandler } from 'msw';
import { LIVE_CALL_ID, liveCallSession } from './fixtures/live-call';
import { tokenPage } from './token-paging';
import { jsonIfFound, TWILIO_V3, withAuth } from './twilio-http';

/**
 * The demo's live call (fixtures/live-call.ts) as Twilio would answer it while it happens, put in
 * front of `handlers` by demo mode. `now` is read on every request: a test passes its own clock.
 * Any other ID falls through.
 */
export function liveCallHandlers({ now = Date.now }: { now?: () => number } = {}): RequestHandler[] {
  const session = liveCallSession(now);
  return [
    http.get<{ id: string }>(
      `${TWILIO_V3}/Conversations/:id`,
      withAuth(({ params }) => (params.id === LIVE_CALL_ID ? jsonIfFound(session.conversation()) : undefined)),
    ),
    http.get(
      `${TWILIO_V3}/OperatorResults`,
      withAuth(({ request }) => {
        const query = new URL(request.url).searchParams;
        if (query.get('conversationId') !== LIVE_CALL_ID) return undefined;
        return tokenPage('/v3/OperatorResults', query, session.results());
      }),
    ),
    http.get<{ id: string }>(
      `${TWILIO_V3}/OperatorResults/:id`,
      withAuth(({ params }) => jsonIfFound(session.results().find((result) => result.id === params.id))),
    ),
  ];
}
