import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { jsonLogger } from './log';
import { ConfigError, loadConfig, readEnv } from './config';
import { StorageRefused } from './db/data-folder';
import { describeLocation, openStorage } from './db/storage';
import { UsersFileError } from './identity/users-file';
import { seedDemoReviews } from './demo-reviews';
import { buildServer } from './server';

function start() {
  // The built server is what users run: the libraries it loads later (React, which renders an
  // inbox link's first rows) take their production builds, three times faster, unless told otherwise.
  process.env['NODE_ENV'] ??= 'production';
  let config;
  try {
    config = loadConfig(readEnv());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for the variables the server reads.\n`);
      process.exit(1);
    }
    throw error;
  }

  let listening!: () => void;
  // The pages do not need the database: it opens once the server listens (the first start of the
  // embedded database takes seconds), and GET /api/ready says when it is there.
  const storage = openStorage(config.storage, {
    after: new Promise<void>((resolve) => (listening = resolve)),
    seed: config.mode === 'demo' ? seedDemoReviews : undefined,
  });
  const opening = performance.now();
  storage.opened.then(
    () =>
      jsonLogger({
        level: 'info',
        event: 'database_ready',
        ms: Math.round(performance.now() - opening),
        message: `Reviews are kept in the ${describeLocation(config.storage)}`,
      }),
    (error: unknown) => {
      // Nothing was changed; a server that cannot keep reviews says why and stops.
      const message = error instanceof Error ? error.message : String(error);
      jsonLogger({ level: 'error', event: 'database_failed', message });
      process.stderr.write(`The database could not be opened: ${message}\n`);
      process.exit(1);
    },
  );

  // Built to dist-server/main.js; the SPA is built to dist/.
  const spaRoot = fileURLToPath(new URL('../dist', import.meta.url));
  // And the inbox's renderer, for the first rows of an inbox link's HTML, to dist-server/render/.
  const renderer = fileURLToPath(new URL('./render/render-inbox.js', import.meta.url));
  let server;
  try {
    server = buildServer(config, { spaRoot, renderer, storage });
  } catch (error) {
    // The data folder's secret or the users file cannot be used: say why, change nothing.
    if (error instanceof StorageRefused || error instanceof UsersFileError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const http = serve({ fetch: server.app.fetch, hostname: config.host, port: config.port }, (info) => {
    const source =
      config.mode === 'demo'
        ? 'demo data (no Twilio credentials configured)'
        : `Twilio account ${server.status.accountSidPrefix}`;
    const url = `http://${info.address}:${info.port}`;
    // A JSON line like every other one; `message` is for the person who started the server.
    jsonLogger({
      level: 'info',
      event: 'listening',
      url,
      mode: config.mode,
      message: `Conversation viewer on ${url} using ${source}`,
    });
    listening();
  });

  const stop = () => {
    server.close();
    http.close(() => void storage.close().finally(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

start();
