import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { jsonLogger } from './app';
import { ConfigError, loadConfig, readEnv } from './config';
import { buildServer } from './server';

function start() {
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

  // Built to dist-server/main.js; the SPA is built to dist/.
  const spaRoot = fileURLToPath(new URL('../dist', import.meta.url));
  const server = buildServer(config, { spaRoot });
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
  });

  const stop = () => {
    server.close();
    http.close(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

start();
