import devServer from '@hono/vite-dev-server';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const testing = Boolean(process.env.VITEST);

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    // One process in development: Vite serves the SPA with HMR, Hono answers /api.
    !testing && devServer({ entry: 'src/server/dev.ts', exclude: [/^(?!\/api\/).*/] }),
  ],
  build: { sourcemap: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/api/**/*.test.ts', 'src/server/**/*.test.ts', 'src/mocks/**/*.test.ts', 'src/lib/**/*.test.ts'],
          setupFiles: ['tests/setup-fail-on-console.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          // Times render in UTC so assertions do not depend on the machine's zone.
          env: { TZ: 'UTC' },
          // jsdom is slow with a whole 2,000-message transcript; a generous bound, not a speed claim.
          testTimeout: 20_000,
          include: ['src/app/**/*.test.tsx', 'src/features/**/*.test.{ts,tsx}', 'src/components/**/*.test.tsx'],
          setupFiles: ['tests/setup-fail-on-console.ts', 'tests/setup-dom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
