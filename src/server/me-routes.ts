import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { BFF_ERROR_CODES, errorBody } from '../api/error';
import { meBodySchema } from '../api/review-requests';
import {
  LOCAL_NAME_COOKIE,
  LOCAL_NAME_COOKIE_DAYS,
  localIdentity,
  localNameCookie,
  type LocalIdentity,
} from './identity/local-identity';
import { meOf } from './identity/visitor';
import { readJson, reviewBodyLimit } from './reviews/json-body';

/**
 * `GET /api/me`: who the server takes the person asking to be, and what they may do.
 * `PUT /api/me`: on loopback, the name (and e-mail) their reviews are signed with, remembered in a
 * signed cookie; elsewhere the name comes from the users file or the proxy and cannot be set here.
 */
export function installMeRoutes(app: Hono, local: LocalIdentity): void {
  app.get('/api/me', (c) => c.json(meOf(c.get('visitor'))));
  app.put('/api/me', reviewBodyLimit, async (c) => {
    const visitor = c.get('visitor');
    if (visitor.identifiedBy !== 'local') {
      const from = visitor.identifiedBy === 'proxy' ? 'the sign-in proxy' : 'the users file';
      const message =
        visitor.identifiedBy === 'team_token'
          ? 'The shared team token reads only and has no name; sign in with a token of your own to review.'
          : `Your name comes from ${from}; ask the viewer's operator to change it there.`;
      return c.json(errorBody(BFF_ERROR_CODES.nameFixed, 403, message, true), 403);
    }
    const body = await readJson(c, meBodySchema);
    if (body instanceof Response) return body;
    // The same key as before (or the demo's stand-in's), so a new name keeps what was written under the old one.
    const who = { subject: visitor.identity?.subject ?? randomUUID(), name: body.name, email: body.email };
    setCookie(c, LOCAL_NAME_COOKIE, localNameCookie(local.secret, who), {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: LOCAL_NAME_COOKIE_DAYS * 24 * 3600,
    });
    return c.json(meOf({ identifiedBy: 'local', identity: localIdentity(who), named: true }));
  });
}
