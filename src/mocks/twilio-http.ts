import { HttpResponse, type HttpResponseResolver, type PathParams } from 'msw';
import type { ApiErrorBody } from '../api/error';
import { TWILIO_INTELLIGENCE_BASE } from '../api/paths';

/** Where the emulated Conversation Intelligence v3 API answers; handlers add the endpoint's path. */
export const TWILIO_V3 = `${TWILIO_INTELLIGENCE_BASE}/v3`;

/** An error in Twilio's v3 shape, with its status (and headers, such as a rate limit's). */
export function twilioError(status: number, code: number, message: string, headers?: Record<string, string>): Response {
  const body: ApiErrorBody = {
    code,
    message,
    httpStatusCode: status,
    userError: status < 500,
    params: { twilioErrorCodeUrl: `https://www.twilio.com/docs/api/errors/${code}` },
  };
  return HttpResponse.json(body, { status, headers });
}

/** Twilio's answer for a path or an ID it does not know. */
export const notFound = (request: Request): Response =>
  twilioError(404, 20404, `The requested resource ${new URL(request.url).pathname} was not found`);

/** The value as Twilio's 200, or nothing, so that the next handler answers. */
export const jsonIfFound = (value: object | undefined): Response | undefined =>
  value === undefined ? undefined : HttpResponse.json(value);

/** Twilio refuses a request without HTTP Basic credentials before it looks at the path. */
export function withAuth<Params extends PathParams<keyof Params>>(
  resolver: HttpResponseResolver<Params>,
): HttpResponseResolver<Params> {
  return (info) =>
    info.request.headers.get('authorization')?.startsWith('Basic ')
      ? resolver(info)
      : twilioError(401, 20003, 'Authentication Error - No credentials provided');
}
