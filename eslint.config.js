import js from '@eslint/js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The one-way flow of the code (README, "How the code is laid out"): `api`, `lib` and `components`
 * → `features` → `app`; the server speaks only `api` (and `mocks` for the demo); the fake Twilio
 * never reaches into the server. A feature uses another only through `app`, which wires them.
 */
const features = readdirSync(join(import.meta.dirname, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const layerZones = [
  {
    target: './src/api',
    from: ['./src/lib', './src/components', './src/features', './src/app', './src/server'],
    message: '`api` is the contract: it imports nothing of the project but itself.',
  },
  {
    target: ['./src/lib', './src/components'],
    from: ['./src/features', './src/app', './src/server'],
    message: 'Shared code must not reach up into features, the app or the server.',
  },
  {
    target: './src/features',
    from: ['./src/app', './src/server'],
    message: 'A feature must not import the app or the server; the app wires features together.',
  },
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'A feature must not import another feature: move what both need to `lib` or `components`, or wire them in `app`.',
  })),
  {
    target: './src/server',
    from: ['./src/lib', './src/components', './src/features', './src/app'],
    message: 'The server imports only `api` (and `mocks` for the demo).',
  },
  {
    target: './src/mocks',
    from: ['./src/server', './src/lib', './src/components', './src/features', './src/app'],
    message: 'The fake Twilio imports only `api`: the server depends on it, never the other way.',
  },
];
/** Tests may use the fake Twilio anywhere; the contract and the code that ships to the browser may not. */
const browserZones = [
  {
    target: ['./src/api', './src/lib', './src/components', './src/features', './src/app'],
    from: './src/mocks',
    message: 'Code shipped to the browser must not import the fake Twilio.',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'coverage', 'bench/results*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/server/*', '../server/*'], message: 'The browser code must not import the server.' }],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...browserZones] }] },
  },
  {
    files: ['src/server/**', 'src/mocks/**', 'src/api/**', 'tests/**', 'scripts/**', '*.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
