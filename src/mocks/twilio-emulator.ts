import type { ApiErrorBody } from '../api/error';
import { demoConversations } from './fixtures/conversations';
import { operatorResults } from './fixtures/operator-results';

export type EmulatedResponse = { status: number; body: unknown; headers?: Record<string, string> };

const conversations = new Map(demoConversations.map((c) => [c.id, c]));
const results = new Map(operatorResults.map((r) => [r.id, r]));

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

/**
 * Answers a GET on the Conversation Intelligence v3 API the way Twilio does, from the demo
 * fixtures. Every consumer (tests, demo mode, end-to-end) goes through this one function.
 */
export function emulateTwilioGet(path: string, authorization: string | null): EmulatedResponse {
  if (!authorization?.startsWith('Basic ')) {
    return { status: 401, body: twilioError(401, 20003, 'Authentication Error - No credentials provided') };
  }
  const [, version, collection, id, ...rest] = path.split('/');
  if (version !== 'v3' || id === undefined || rest.length > 0) return notFound(path);
  const found =
    collection === 'Conversations' ? conversations.get(id) : collection === 'OperatorResults' ? results.get(id) : undefined;
  return found ? { status: 200, body: found } : notFound(path);
}
