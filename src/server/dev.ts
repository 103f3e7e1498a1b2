import { loadConfig, readEnv } from './config';
import { openStorage, type Storage } from './db/storage';
import { seedDemoReviews } from './demo-reviews';
import { buildServer } from './server';

const config = loadConfig(readEnv());
// Vite reloads this module on every server change; the database stays open across reloads (its
// folder admits one opening per process).
const kept = globalThis as { viewerDevStorage?: Storage };
kept.viewerDevStorage ??= openStorage(config.storage, { seed: config.mode === 'demo' ? seedDemoReviews : undefined });
kept.viewerDevStorage.opened.catch((error: Error) =>
  process.stderr.write(`The database could not be opened: ${error.message}\n`),
);

/** Entry for `npm run dev`: Vite serves the SPA with HMR, this app answers /api in the same process. */
export default buildServer(config, { storage: kept.viewerDevStorage }).app;
