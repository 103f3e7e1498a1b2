import { delay, http, HttpResponse } from 'msw';
import { TWILIO_INTELLIGENCE_BASE } from '../api/paths';
import { emulateTwilioGet, type Emulated } from './twilio-emulator';

async function toHttpResponse(emulated: Emulated): Promise<Response> {
  if (!('fault' in emulated)) {
    return HttpResponse.json(emulated.body as Record<string, unknown>, { status: emulated.status, headers: emulated.headers });
  }
  const { fault } = emulated;
  switch (fault.kind) {
    case 'hang':
      await delay('infinite');
      return HttpResponse.error();
    case 'reset':
      return HttpResponse.error();
    case 'body':
      return HttpResponse.text(fault.text, { status: fault.status, headers: { 'Content-Type': fault.contentType } });
  }
}

/** The Twilio Conversation Intelligence API, faked at the network level. */
export const twilioHandlers = [
  http.get(`${TWILIO_INTELLIGENCE_BASE}/v3/*`, ({ request }) => {
    const url = new URL(request.url);
    return toHttpResponse(emulateTwilioGet(url.pathname + url.search, request.headers.get('authorization')));
  }),
];
