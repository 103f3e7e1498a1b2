import * as z from 'zod/mini';

export const demoSampleSchema = z.object({
  id: z.string(),
  name: z.nullable(z.string()),
  blurb: z.string(),
  channels: z.array(z.string()),
  status: z.string(),
  messageCount: z.number(),
});

/** What `GET /api/status` answers: how the server runs, never a secret. */
export const serverStatusSchema = z.object({
  mode: z.enum(['live', 'demo']),
  /**
   * `token` when people sign in with a token (theirs, or the team's), `proxy` when a sign-in proxy
   * in front says who they are, `open` on loopback.
   */
  access: z.enum(['open', 'token', 'proxy']),
  accountSidPrefix: z.nullable(z.string()),
  region: z.nullable(z.string()),
  samples: z.array(demoSampleSchema),
  /** Demo only: conversations that make the emulated Twilio fail in one specific way. */
  drills: z._default(z.array(z.object({ id: z.string(), label: z.string() })), []),
  /** Demo only: a call that happens while it is watched (messages every few seconds, then its end). */
  liveCall: z._default(z.nullable(z.object({ id: z.string(), name: z.string(), blurb: z.string() })), null),
});

export type DemoSampleSummary = z.infer<typeof demoSampleSchema>;
export type ServerStatus = z.infer<typeof serverStatusSchema>;
