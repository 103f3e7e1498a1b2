import { delay, http, HttpResponse } from 'msw';
import { drills, type Fault } from './fixtures/drills';
import { operatorWithFailingLookup } from './fixtures/operators';
import { twilioError, TWILIO_V3, withAuth } from './twilio-http';

/** How Twilio misbehaves for a drill: an error status, a body that is not JSON, a reset, or silence. */
async function faultResponse(fault: Fault): Promise<Response> {
  switch (fault.kind) {
    case 'status':
      return HttpResponse.json(fault.body as Record<string, unknown>, { status: fault.status, headers: fault.headers });
    case 'body':
      return HttpResponse.text(fault.text, { status: fault.status, headers: { 'Content-Type': fault.contentType } });
    case 'reset':
      return HttpResponse.error();
    case 'hang':
      await delay('infinite');
      return HttpResponse.error();
  }
}

const faults = new Map(drills.flatMap((d) => (d.fault ? [[d.id, d.fault] as const] : [])));

/** The operator whose definition Twilio fails to give, so the viewer names it by its ID. */
export const failingOperatorLookup = http.get(
  `${TWILIO_V3}/ControlPlane/Operators/${operatorWithFailingLookup}`,
  withAuth(() => twilioError(500, 20500, 'Internal Server Error')),
);

/**
 * The demo's error states (fixtures/drills.ts), put in front of `handlers` by demo mode so that
 * people can try them from the home page. A test adds the one failure it is about with
 * `server.use(...)` instead.
 */
export const drillHandlers = [
  http.get<{ id: string }>(
    `${TWILIO_V3}/Conversations/:id`,
    withAuth(({ params }) => {
      const fault = faults.get(params.id);
      return fault && faultResponse(fault);
    }),
  ),
  failingOperatorLookup,
];
