import { getResponse, RequestHandler, type AnyHandler } from 'msw';
import { TWILIO_INTELLIGENCE_BASE } from '../src/api/paths';

/** Any HTTP Basic credentials satisfy the emulated Twilio, as they do the real one's first check. */
export const TEST_AUTHORIZATION = `Basic ${Buffer.from('AC00000000000000000000000000000000:token').toString('base64')}`;

/**
 * What the emulated Twilio (`handlers` from src/mocks/handlers.ts, and whatever is in front of them)
 * answers a GET on `path`, run in this process without a socket. Undefined when no handler answers.
 */
export function askTwilio(
  twilio: readonly AnyHandler[],
  path: string,
  authorization: string | null = TEST_AUTHORIZATION,
): Promise<Response | undefined> {
  const headers = authorization === null ? undefined : { authorization };
  const httpHandlers = twilio.filter((handler) => handler instanceof RequestHandler);
  return getResponse(httpHandlers, new Request(`${TWILIO_INTELLIGENCE_BASE}${path}`, { headers }));
}

/** The status and JSON body of what the emulated Twilio answers; an error when no handler does. */
export async function twilioAnswer(
  twilio: readonly AnyHandler[],
  path: string,
  authorization: string | null = TEST_AUTHORIZATION,
): Promise<{ status: number; body: unknown }> {
  const response = await askTwilio(twilio, path, authorization);
  if (!response) throw new Error(`No handler answers GET ${path}`);
  return { status: response.status, body: await response.json() };
}
