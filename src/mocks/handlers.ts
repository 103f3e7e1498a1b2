import { http, HttpResponse } from 'msw';
import { TWILIO_INTELLIGENCE_BASE } from '../api/paths';
import { demoConversations } from './fixtures/conversations';
import { drills } from './fixtures/drills';
import { operatorResults } from './fixtures/operator-results';
import { operatorVersions } from './fixtures/operator-versions';
import { operators } from './fixtures/operators';
import { jsonIfFound, notFound, twilioError, TWILIO_V3, withAuth } from './twilio-http';

const conversations = new Map(
  [...demoConversations, ...drills.flatMap((d) => (d.conversation ? [d.conversation] : []))].map((c) => [c.id, c]),
);
const results = new Map(operatorResults.map((r) => [r.id, r]));
const operatorsById = new Map(operators.map((o) => [o.id, o]));
/** By `<operator ID>/<version>`, the version as Twilio writes it in a path. */
const versionsByPath = new Map(operatorVersions.map((v) => [`${v.id}/${v.version}`, v]));

const badRequest = (message: string) => twilioError(400, 20001, message);
const pageToken = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

/** Twilio-style token pagination over the results of one conversation; tokens are opaque to clients. */
function listOperatorResults(query: URLSearchParams): Response {
  const pageSize = Number(query.get('pageSize') ?? 50);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) return badRequest('pageSize must be between 1 and 1000');
  const token = query.get('pageToken');
  const offset =
    token === null
      ? 0
      : Number(
          Buffer.from(token, 'base64url')
            .toString('utf8')
            .replace(/^offset:/, ''),
        );
  if (!Number.isInteger(offset) || offset < 0) return badRequest('Invalid pageToken');
  const conversationId = query.get('conversationId');
  const matching = operatorResults.filter((r) => conversationId === null || r.conversationId === conversationId);
  const items = matching.slice(offset, offset + pageSize);
  return HttpResponse.json({
    items,
    meta: {
      key: 'items',
      pageSize: items.length,
      nextToken: offset + pageSize < matching.length ? pageToken(offset + pageSize) : null,
      previousToken: offset > 0 ? pageToken(Math.max(0, offset - pageSize)) : null,
    },
  });
}

/**
 * The Conversation Intelligence v3 API as Twilio answers it, from the fixtures: one handler per
 * endpoint, the happy path only (an unknown ID is Twilio's 404). Tests, demo mode and the
 * end-to-end suite all use these. Failures are added in front of them: by a test with
 * `server.use(...)`, by demo mode with the drills (./drill-handlers.ts).
 */
export const handlers = [
  http.get<{ id: string }>(
    `${TWILIO_V3}/Conversations/:id`,
    withAuth(({ params, request }) => jsonIfFound(conversations.get(params.id)) ?? notFound(request)),
  ),
  http.get(
    `${TWILIO_V3}/OperatorResults`,
    withAuth(({ request }) => listOperatorResults(new URL(request.url).searchParams)),
  ),
  http.get<{ id: string }>(
    `${TWILIO_V3}/OperatorResults/:id`,
    withAuth(({ params, request }) => jsonIfFound(results.get(params.id)) ?? notFound(request)),
  ),
  http.get<{ id: string }>(
    `${TWILIO_V3}/ControlPlane/Operators/:id`,
    withAuth(({ params, request }) => jsonIfFound(operatorsById.get(params.id)) ?? notFound(request)),
  ),
  http.get<{ id: string; version: string }>(
    `${TWILIO_V3}/ControlPlane/Operators/:id/Versions/:version`,
    withAuth(({ params, request }) => jsonIfFound(versionsByPath.get(`${params.id}/${params.version}`)) ?? notFound(request)),
  ),
  // Last: Twilio's 404 for any other path, which also keeps demo mode off the real API.
  http.get(
    `${TWILIO_INTELLIGENCE_BASE}/*`,
    withAuth(({ request }) => notFound(request)),
  ),
];
