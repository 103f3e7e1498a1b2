import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/start-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves the production build (`npm run build` first) through the BFF in demo mode. */
export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html') || !existsSync('dist-server/main.js')) {
    throw new Error('No production build: run `npm run build` before the end-to-end tests (npm test does).');
  }
  // A short upstream timeout, so the drill where Twilio never answers ends quickly; the long chats
  // for tests/e2e/long-conversation.test.ts; an account of thousands for the inbox's paging stories.
  const server = await startServer({ UPSTREAM_TIMEOUT_MS: '1500', DEMO_BENCH_CONVERSATIONS: '1', DEMO_ACCOUNT_SIZE: '2400' });
  project.provide('baseUrl', server.url);
  return async () => {
    await server.stop();
  };
}
