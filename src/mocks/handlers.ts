import { http, type RequestHandler } from 'msw';
import { TWILIO_INTELLIGENCE_BASE } from '../api/paths';
import { listConversations } from './conversation-list';
import { configurations } from './fixtures/configurations';
import { demoAccount, type DemoAccount } from './fixtures/demo-account';
import { operatorVersions } from './fixtures/operator-versions';
import { operators } from './fixtures/operators';
import { tokenPage } from './token-paging';
import { jsonIfFound, notFound, TWILIO_V3, withAuth } from './twilio-http';

const operatorsById = new Map(operators.map((o) => [o.id, o]));
/** By `<operator ID>/<version>`, the version as Twilio writes it in a path. */
const versionsByPath = new Map(operatorVersions.map((v) => [`${v.id}/${v.version}`, v]));

/**
 * `GET /v3/OperatorResults`: a conversation's results, maybe only one operator's or one
 * configuration's, token-paged. The emulation lists results by conversation only (as the BFF asks).
 */
function listOperatorResults(account: DemoAccount, query: URLSearchParams): Response {
  const conversationId = query.get('conversationId');
  const operatorId = query.get('operatorId');
  const configurationId = query.get('intelligenceConfigurationId');
  const matching = (conversationId === null ? [] : account.resultsOf(conversationId)).filter(
    (r) =>
      (operatorId === null || r.operator.id === operatorId) &&
      (configurationId === null || r.intelligenceConfiguration?.id === configurationId),
  );
  return tokenPage('/v3/OperatorResults', query, matching);
}

export type TwilioHandlerOptions = {
  /** The clock the demo account's conversations are spread back from; read once, on the first request. */
  now?: () => number;
  /** The demo account's seed (fixtures/demo-account.ts). */
  seed?: string;
  /** How many conversations it generates beside the samples. */
  size?: number;
};

/**
 * The Conversation Intelligence v3 API as Twilio answers it, from the demo account: one handler per
 * endpoint, the happy path only (an unknown ID is Twilio's 404). Tests, demo mode and the
 * end-to-end suite all use these. Failures are added in front of them: by a test with
 * `server.use(...)`, by demo mode with the drills (./drill-handlers.ts). The account is generated on
 * the first request, relative to `now()` at that moment.
 */
export function twilioHandlers({ now = Date.now, seed, size }: TwilioHandlerOptions = {}): RequestHandler[] {
  let account: DemoAccount | undefined;
  const demo = () => (account ??= demoAccount({ now: now(), seed, size }));
  const query = (request: Request) => new URL(request.url).searchParams;
  return [
    http.get(
      `${TWILIO_V3}/Conversations`,
      withAuth(({ request }) => listConversations(demo(), query(request))),
    ),
    http.get<{ id: string }>(
      `${TWILIO_V3}/Conversations/:id`,
      withAuth(({ params, request }) => jsonIfFound(demo().conversation(params.id)) ?? notFound(request)),
    ),
    http.get(
      `${TWILIO_V3}/OperatorResults`,
      withAuth(({ request }) => listOperatorResults(demo(), query(request))),
    ),
    http.get<{ id: string }>(
      `${TWILIO_V3}/OperatorResults/:id`,
      withAuth(({ params, request }) => jsonIfFound(demo().result(params.id)) ?? notFound(request)),
    ),
    http.get(
      `${TWILIO_V3}/ControlPlane/Operators`,
      withAuth(({ request }) => tokenPage('/v3/ControlPlane/Operators', query(request), operators)),
    ),
    http.get<{ id: string }>(
      `${TWILIO_V3}/ControlPlane/Operators/:id`,
      withAuth(({ params, request }) => jsonIfFound(operatorsById.get(params.id)) ?? notFound(request)),
    ),
    http.get<{ id: string; version: string }>(
      `${TWILIO_V3}/ControlPlane/Operators/:id/Versions/:version`,
      withAuth(({ params, request }) => jsonIfFound(versionsByPath.get(`${params.id}/${params.version}`)) ?? notFound(request)),
    ),
    http.get(
      `${TWILIO_V3}/ControlPlane/Configurations`,
      withAuth(({ request }) => tokenPage('/v3/ControlPlane/Configurations', query(request), configurations)),
    ),
    // Last: Twilio's 404 for any other path, which also keeps demo mode off the real API.
    http.get(
      `${TWILIO_INTELLIGENCE_BASE}/*`,
      withAuth(({ request }) => notFound(request)),
    ),
  ];
}

/** The emulated Twilio with the demo account generated against the wall clock. */
export const handlers = twilioHandlers();
