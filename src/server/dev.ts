import { loadConfig, readEnv } from './config';
import { buildServer } from './server';

/** Entry for `npm run dev`: Vite serves the SPA with HMR, this app answers /api in the same process. */
export default buildServer(loadConfig(readEnv())).app;
