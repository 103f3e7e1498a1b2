/**
 * A server process for the crash and two-instance tests: the real server (demo mode, loopback) on
 * a free port, over the database it is given in TEST_LOCATION, signing names with TEST_SECRET.
 * Prints `listening <port>` once its database is open and it listens.
 */
import { serve } from '@hono/node-server';
import { loadConfig } from '../../config';
import { locationFromEnv } from '../../db/testing/child-process';
import { openStorage } from '../../db/storage';
import { buildServer } from '../../server';

const location = locationFromEnv();
const config = { ...loadConfig({ HOST: '127.0.0.1', PORT: '0' }), storage: location };
const storage = openStorage(location);
await storage.opened;
const server = buildServer(config, { storage, log: () => {}, localSecret: Buffer.from(process.env.TEST_SECRET!, 'hex') });
serve({ fetch: server.app.fetch, hostname: config.host, port: 0 }, (info) => process.stdout.write(`listening ${info.port}\n`));
process.on('SIGTERM', () => void storage.close().finally(() => process.exit(0)));
