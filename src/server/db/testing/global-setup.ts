import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { embeddedTemplate } from './embedded-template';

declare module 'vitest' {
  export interface ProvidedContext {
    embeddedTemplate: string;
  }
}

/**
 * Before the storage tests: the embedded project gets its template folder; the PostgreSQL project
 * needs a server, and fails (never skips) without one.
 */
export default async function setup(project: TestProject) {
  const postgres = project.config.env?.TEST_DATABASE === 'postgres';
  if (postgres) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error(
        'The PostgreSQL storage tests need a server: run them through scripts/with-postgres.sh (npm test does), or set DATABASE_URL to a database they may fill.',
      );
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } catch (error) {
      throw new Error(`The PostgreSQL storage tests cannot reach DATABASE_URL: ${(error as Error).message}`, { cause: error });
    } finally {
      await client.end().catch(() => {});
    }
  }
  project.provide('embeddedTemplate', postgres ? '' : await embeddedTemplate());
}
