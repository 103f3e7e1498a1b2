import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The one-way flow of the code is kept by `npm run lint` (eslint.config.js). These lint a small
 * module at a path in each layer, with the project's own configuration, and check that crossing a
 * boundary is an error there and the allowed direction is not. The imported modules are real, so the
 * rule resolves them as it does for the code.
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function boundaryErrors(file: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const probe = imported;\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message);
}

// The first lint builds the import graph of the project: seconds on a busy two-core machine.
describe('lint keeps the code flowing one way', { timeout: 60_000 }, () => {
  it.each([
    [
      'a feature importing another feature',
      'src/features/conversation/probe.ts',
      "import { ResultsPanel as imported } from '../operator-results/results-panel';",
      'A feature must not import another feature',
    ],
    [
      'a feature importing the app',
      'src/features/conversation/probe.ts',
      "import { router as imported } from '../../app/router';",
      'A feature must not import the app or the server',
    ],
    [
      'shared code importing a feature',
      'src/lib/probe.ts',
      "import { TranscriptSection as imported } from '../features/conversation/transcript-section';",
      'Shared code must not reach up',
    ],
    [
      'the server importing browser code',
      'src/server/probe.ts',
      "import { redactText as imported } from '../lib/redact';",
      'The server imports only `api`',
    ],
    [
      'the fake Twilio importing the server',
      'src/mocks/probe.ts',
      "import { createApp as imported } from '../server/app';",
      'The fake Twilio imports only `api`',
    ],
    [
      'the contract importing shared browser code',
      'src/api/probe.ts',
      "import { redactText as imported } from '../lib/redact';",
      '`api` is the contract',
    ],
    [
      'browser code importing the fake Twilio',
      'src/app/probe.ts',
      "import { handlers as imported } from '../mocks/handlers';",
      'must not import the fake Twilio',
    ],
  ])('%s is an error', async (_case, file, importLine, message) => {
    const errors = await boundaryErrors(file, importLine);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it.each([
    [
      'a feature importing shared code',
      'src/features/conversation/probe.ts',
      "import { redactText as imported } from '../../lib/redact';",
    ],
    [
      'a feature importing its own modules',
      'src/features/conversation/probe.ts',
      "import { useRevealState as imported } from './reveal';",
    ],
    [
      'the app wiring two features',
      'src/app/routes/probe.tsx',
      "import { ResultsPanel as imported } from '../../features/operator-results/results-panel';",
    ],
    ['the server importing the contract', 'src/server/probe.ts', "import { checkId as imported } from '../api/ids';"],
    [
      'the server importing the fake Twilio for the demo',
      'src/server/probe.ts',
      "import { handlers as imported } from '../mocks/handlers';",
    ],
    [
      'a test importing the fake Twilio',
      'src/app/routes/probe.test.tsx',
      "import { handlers as imported } from '../../mocks/handlers';",
    ],
  ])('%s is allowed', async (_case, file, importLine) => {
    expect(await boundaryErrors(file, importLine)).toEqual([]);
  });
});
