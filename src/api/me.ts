import * as z from 'zod/mini';
import { REVIEWER_ROLES } from './reviews';

/**
 * How the server knows who is asking: on loopback by the name they gave (`local`), by their own
 * access token (`token`), by the authenticating proxy in front (`proxy`), or by the team's shared
 * token (`team_token`), which reads only.
 */
export const IDENTIFIED_BY = ['local', 'token', 'proxy', 'team_token'] as const;

/** `GET /api/me` (and the answer to `PUT /api/me`): who the server takes the person asking to be. */
export const meSchema = z.object({
  identifiedBy: z.enum(IDENTIFIED_BY),
  /** Null on loopback until a name is given, and for the shared team token. */
  name: z.nullable(z.string()),
  email: z.nullable(z.string()),
  role: z.enum(REVIEWER_ROLES),
  /** Whether this person's reviews can be written now (a reviewer whose name is known). */
  canWrite: z.boolean(),
  /** On loopback, before the first write: ask for a name and send it with `PUT /api/me`. */
  askName: z.boolean(),
  /** Only on loopback can the name be changed here; elsewhere it comes from the users file or the proxy. */
  nameEditable: z.boolean(),
  /** Signed in with a token: `POST /sign-out` ends the session. */
  canSignOut: z.boolean(),
});

export type Me = z.infer<typeof meSchema>;
export type IdentifiedBy = (typeof IDENTIFIED_BY)[number];
