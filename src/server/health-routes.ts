import type { Hono } from 'hono';
import type { Readiness } from './db/storage';

/**
 * `GET /api/health`: the process answers (it never touches the database). `GET /api/ready`: the
 * database is reachable and migrated (200), or why not (503). Both answer without sign-in, for
 * load balancers and supervisors, and say nothing secret.
 */
export function installHealthRoutes(app: Hono, readiness: (() => Promise<Readiness>) | undefined): void {
  app.get('/api/health', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' });
  });
  app.get('/api/ready', async (c) => {
    c.header('Cache-Control', 'no-store');
    const answer: Readiness = readiness ? await readiness() : { ready: false, reason: 'This server runs without a database.' };
    return c.json(answer, answer.ready ? 200 : 503);
  });
}
