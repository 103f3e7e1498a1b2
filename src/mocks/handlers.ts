import { http, HttpResponse } from 'msw';
import { TWILIO_INTELLIGENCE_BASE } from '../api/paths';
import { emulateTwilioGet, type EmulatedResponse } from './twilio-emulator';

export function toHttpResponse(emulated: EmulatedResponse): Response {
  return HttpResponse.json(emulated.body as Record<string, unknown>, { status: emulated.status, headers: emulated.headers });
}

/** The Twilio Conversation Intelligence API, faked at the network level (happy paths only). */
export const twilioHandlers = [
  http.get(`${TWILIO_INTELLIGENCE_BASE}/v3/*`, ({ request }) =>
    toHttpResponse(
      emulateTwilioGet(new URL(request.url).pathname + new URL(request.url).search, request.headers.get('authorization')),
    ),
  ),
];
