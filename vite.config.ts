import devServer from '@hono/vite-dev-server';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { HEAD_SCRIPT } from './src/server/inline-script.ts';

const testing = Boolean(process.env.VITEST);

/**
 * Writes .br and .gz copies of the client's code and styles next to them, compressed once at the
 * highest levels, so the server never compresses per request (see src/server/spa.ts).
 */
function precompressAssets(): Plugin {
  return {
    name: 'precompress-assets',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/^assets\/.+\.(js|css)$/.test(fileName)) continue;
        const path = join(options.dir!, fileName);
        const source = bundle[fileName]!;
        const content = Buffer.from(source.type === 'chunk' ? source.code : source.source);
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

/** Puts the page's one inline script first in <head> (see src/server/inline-script.ts). */
function warmUpScript(): Plugin {
  return {
    name: 'warm-up-script',
    transformIndexHtml: () => [{ tag: 'script', children: HEAD_SCRIPT, injectTo: 'head-prepend' }],
  };
}

/**
 * Lets the app's entry run as soon as it has loaded, not once the whole document has been parsed:
 * an inbox link's HTML sends its head at once and its first rows when the server has them
 * (src/server/spa.ts), and the code need not wait for them to be evaluated. The entry itself
 * waits for the document before it renders (src/app/main.tsx).
 */
function asyncEntry(): Plugin {
  return {
    name: 'async-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const entry = /<script type="module" crossorigin src="/;
        if (!entry.test(html)) throw new Error('async-entry: the entry script was not found in index.html');
        return html.replace(entry, '<script type="module" async crossorigin src="');
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    // One process in development: Vite serves the SPA with HMR, Hono answers /api.
    !testing && devServer({ entry: 'src/server/dev.ts', exclude: [/^(?!\/api\/).*/] }),
    precompressAssets(),
    warmUpScript(),
    asyncEntry(),
  ],
  build: {
    sourcemap: true,
    // The app's modules that more than one page uses go in one chunk, with the libraries they need:
    // a deep link then loads four or five files instead of fifteen. On two cores the many small
    // requests kept the page's code from arriving until well after the entry had run (see
    // docs/decisions/0023-one-common-chunk.md).
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'common', test: /[\\/]src[\\/]/, minShareCount: 2 }] } } },
  },
  // The manifest tells the server which chunks a deep link's page needs (src/server/spa.ts).
  environments: { client: { build: { manifest: true } } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // Times render in UTC so assertions do not depend on the machine's zone.
          env: { TZ: 'UTC' },
          // Everything that needs no DOM, the pure helpers of the features (their *.test.ts) included.
          include: [
            'src/api/**/*.test.ts',
            'src/server/**/*.test.ts',
            'src/mocks/**/*.test.ts',
            'src/lib/**/*.test.ts',
            'src/features/**/*.test.ts',
            'tests/boundaries.test.ts',
          ],
          exclude: ['src/server/db/**', 'src/server/reviews/**'],
          setupFiles: ['tests/setup-fail-on-console.ts'],
        },
      },
      // The storage tests and the review API's, once on the embedded database and once on a
      // PostgreSQL server (DATABASE_URL, which scripts/with-postgres.sh provides); *.embedded.test.ts
      // and *.postgres.test.ts are about one of them only.
      ...(['embedded', 'postgres'] as const).map((database) => ({
        extends: true as const,
        test: {
          name: database === 'embedded' ? 'storage' : 'storage-pg',
          environment: 'node',
          env: { TEST_DATABASE: database },
          include: ['src/server/db/**/*.test.ts', 'src/server/reviews/**/*.test.ts'],
          exclude: [database === 'embedded' ? 'src/server/**/*.postgres.test.ts' : 'src/server/**/*.embedded.test.ts'],
          globalSetup: ['src/server/db/testing/global-setup.ts'],
          setupFiles: ['tests/setup-fail-on-console.ts'],
          // Opening a database and the child processes of the crash and lock tests take seconds.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      })),
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          // Times render in UTC so assertions do not depend on the machine's zone.
          env: { TZ: 'UTC' },
          // jsdom is slow with a whole 2,000-message transcript; a generous bound, not a speed claim.
          testTimeout: 20_000,
          include: ['src/app/**/*.test.tsx', 'src/features/**/*.test.tsx', 'src/components/**/*.test.tsx'],
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
          // A loaded CI machine can take more than a second to show what a page asked for.
          expect: { poll: { timeout: 10_000 } },
          // One Chromium at a time: the machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
