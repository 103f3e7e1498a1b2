import type { ApiErrorBody } from '../api/error';
import { benchConversation, benchResult } from './fixtures/bench-conversations';
import { demoConversations } from './fixtures/conversations';
import { operatorResults } from './fixtures/operator-results';
import { drills, type Fault } from './fixtures/drills';
import { operators, operatorWithFailingLookup } from './fixtures/operators';

export type EmulatedResponse = { status: number; body: unknown; headers?: Record<string, string> };
/** An answer, or a way of not answering properly (see fixtures/drills.ts). */
export type Emulated = EmulatedResponse | { fault: Exclude<Fault, { kind: 'status' }> };

const conversations = new Map(
  [...demoConversations, ...drills.flatMap((d) => (d.conversation ? [d.conversation] : []))].map((c) => [c.id, c]),
);
const faults = new Map(drills.flatMap((d) => (d.fault ? [[d.id, d.fault] as const] : [])));
const results = new Map(operatorResults.map((r) => [r.id, r]));
const operatorsById = new Map(operators.map((o) => [o.id, o]));

export function twilioError(status: number, code: number, message: string): ApiErrorBody {
  return {
    code,
    message,
    httpStatusCode: status,
    userError: status < 500,
    params: { twilioErrorCodeUrl: `https://www.twilio.com/docs/api/errors/${code}` },
  };
}

function notFound(path: string): EmulatedResponse {
  return { status: 404, body: twilioError(404, 20404, `The requested resource ${path} was not found`) };
}

function badRequest(message: string): EmulatedResponse {
  return { status: 400, body: twilioError(400, 20001, message) };
}

const found = (body: unknown): EmulatedResponse | undefined => (body === undefined ? undefined : { status: 200, body });

/** Twilio-style token pagination over the results of one conversation; tokens are opaque to clients. */
function listOperatorResults(query: URLSearchParams): EmulatedResponse {
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
  const tokenFor = (at: number) => Buffer.from(`offset:${at}`).toString('base64url');
  return {
    status: 200,
    body: {
      items,
      meta: {
        key: 'items',
        pageSize: items.length,
        nextToken: offset + pageSize < matching.length ? tokenFor(offset + pageSize) : null,
        previousToken: offset > 0 ? tokenFor(Math.max(0, offset - pageSize)) : null,
      },
    },
  };
}

/**
 * Answers a GET on the Conversation Intelligence v3 API the way Twilio does, from the demo
 * fixtures. Every consumer (tests, demo mode, end-to-end) goes through this one function.
 */
export function emulateTwilioGet(pathAndQuery: string, authorization: string | null): Emulated {
  if (!authorization?.startsWith('Basic ')) {
    return { status: 401, body: twilioError(401, 20003, 'Authentication Error - No credentials provided') };
  }
  const url = new URL(pathAndQuery, 'https://intelligence.twilio.com');
  const segments = url.pathname.split('/').slice(1);
  const [version, ...rest] = segments;
  if (version !== 'v3') return notFound(url.pathname);
  const route = rest.join('/');
  let answer: EmulatedResponse | undefined;
  if (route === 'OperatorResults') answer = listOperatorResults(url.searchParams);
  else if (rest.length === 2 && rest[0] === 'Conversations') {
    const fault = faults.get(rest[1]!);
    if (fault?.kind === 'status') return { status: fault.status, body: fault.body, headers: fault.headers };
    if (fault) return { fault };
    answer = found(conversations.get(rest[1]!) ?? benchConversation(rest[1]!));
  } else if (rest.length === 2 && rest[0] === 'OperatorResults') answer = found(results.get(rest[1]!) ?? benchResult(rest[1]!));
  else if (rest.length === 3 && rest[0] === 'ControlPlane' && rest[1] === 'Operators') {
    answer =
      rest[2] === operatorWithFailingLookup
        ? { status: 500, body: twilioError(500, 20500, 'Internal Server Error') }
        : found(operatorsById.get(rest[2]!));
  }
  return answer ?? notFound(url.pathname);
}
