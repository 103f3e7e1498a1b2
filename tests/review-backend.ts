import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http } from 'msw';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { ReviewStatus } from '../src/api/reviews';
import { createApp } from '../src/server/app';
import { reviewOfConversation, setReviewStatus } from '../src/server/db/reviews/conversation-reviews';
import { ensureReviewer } from '../src/server/db/reviews/reviewers';
import { embeddedTemplate } from '../src/server/db/testing/embedded-template';
import { openDatabase, type Database } from '../src/server/db/open-database';
import { DEMO_STAND_IN, type LocalWho } from '../src/server/identity/local-identity';
import { demoStatus, server } from './bff-in-process';
import { inProcessUpstream } from './in-process-twilio';

export type ReviewBackend = {
  database: () => Database;
  /** The cookies the page's browser holds, as the server set them (the name a loopback reviewer gave). */
  cookies: Map<string, string>;
  /** Who the next request comes from: a reviewer on loopback (named, or not yet), or a viewer with the team token. */
  as(who: 'named' | 'unnamed' | 'viewer'): void;
  /** Each write request's method, path and body, in order. */
  writes: Array<{ method: string; path: string; body: unknown }>;
  /** Another reviewer (not the page's) sets a conversation's review status. */
  setStatusAs(name: string, conversationId: string, status: ReviewStatus): Promise<void>;
};

/**
 * The real BFF with a real (embedded) review database behind the page, for the tests of the
 * review features: the page talks to the same routes, schemas and database as in production.
 * Installed for the whole test file; each test starts with a new database.
 */
export function installReviewBackend(): ReviewBackend {
  let database: Database | null = null;
  let dataDir = '';
  let who: 'named' | 'unnamed' | 'viewer' = 'named';
  const cookies = new Map<string, string>();
  const writes: ReviewBackend['writes'] = [];
  const secret = randomBytes(32);
  const teamToken = 'team-token-for-tests-0123456789abcdef';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'viewer-dom-reviews-'));
    chmodSync(dataDir, 0o700);
    const folder = join(dataDir, 'live');
    cpSync(await embeddedTemplate(), folder, { recursive: true });
    database = await openDatabase({ kind: 'embedded', dataDir, folder, schema: 'viewer' });
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const apps = new Map<string, ReturnType<typeof createApp>>();
  const appFor = (kind: typeof who) => {
    let app = apps.get(kind);
    if (!app) {
      const standIn: LocalWho | null = kind === 'named' ? { ...DEMO_STAND_IN, name: 'Rita Reviewer' } : null;
      app = createApp({
        upstream: inProcessUpstream(() => server.listHandlers()),
        status: demoStatus,
        log: () => {},
        localIdentity: { secret, standIn },
        storage: { state: () => ({ state: 'ready', database: database! }) },
        ...(kind === 'viewer' ? { accessToken: teamToken } : {}),
      });
      apps.set(kind, app);
    }
    return app;
  };

  beforeEach(async () => {
    who = 'named';
    cookies.clear();
    writes.length = 0;
    // Each app remembers reviewers' IDs; the database forgets them between tests.
    apps.clear();
    await sql`TRUNCATE review_history, notes, verdicts, conversation_reviews, reviewers CASCADE`.execute(database!.db);
    server.use(
      http.all('/api/*', async ({ request }) => {
        const headers = new Headers(request.headers);
        // As a browser does for the page's own requests.
        headers.set('Sec-Fetch-Site', 'same-origin');
        if (cookies.size > 0) headers.set('Cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
        if (who === 'viewer') headers.set('Authorization', `Bearer ${teamToken}`);
        const body = request.method === 'GET' ? undefined : await request.text();
        if (request.method !== 'GET') {
          writes.push({ method: request.method, path: new URL(request.url).pathname, body: body ? JSON.parse(body) : null });
        }
        const response = await appFor(who).fetch(new Request(request.url, { method: request.method, headers, body }));
        for (const cookie of response.headers.getSetCookie()) {
          const [pair] = cookie.split(';');
          const at = pair!.indexOf('=');
          cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
        }
        return response;
      }),
    );
  });

  return {
    database: () => database!,
    cookies,
    writes,
    as: (kind) => {
      who = kind;
    },
    setStatusAs: async (name, conversationId, status) => {
      const db = database!.db;
      const identity = { source: 'token', subject: name.toLowerCase(), name, email: null, role: 'reviewer' };
      const reviewer = await ensureReviewer(db, identity);
      if (!reviewer.ok) throw new Error(`No reviewer ${name}`);
      const current = await reviewOfConversation(db, conversationId);
      const outcome = await setReviewStatus(db, reviewer.record.id, current.version, { conversationId, status });
      if (!outcome.ok) throw new Error(`The status of ${conversationId} was not set: ${outcome.problem}`);
    },
  };
}
