import { describe, it } from 'vitest';
import { aiHandoff, seedConversation, unusualData } from '../../src/mocks/fixtures/conversations';
import { UNFAMILIAR, unfamiliarReferences } from '../../src/mocks/fixtures/drills';
import { baseUrl, expectNoAxeViolations, setupBrowser } from './browser';

const browser = setupBrowser();

const pages: Array<[string, string, string]> = [
  ['home', '/', 'Open a conversation'],
  ['seed conversation', `/conversations/${seedConversation.id}`, 'Customer Support Call - Order #12345'],
  ['three-party conversation', `/conversations/${aiHandoff.id}`, aiHandoff.name!],
  ['conversation with missing data', `/conversations/${unusualData.id}`, 'Untitled conversation'],
  ['TEXT result', `/operator-results/${aiHandoff.operatorResultIds[0]}`, 'Operator result'],
  ['CLASSIFICATION result', `/operator-results/${aiHandoff.operatorResultIds[1]}`, 'Operator result'],
  ['EXTRACTION result', `/operator-results/${aiHandoff.operatorResultIds[2]}`, 'Operator result'],
  ['JSON result', `/operator-results/${aiHandoff.operatorResultIds[3]}`, 'Operator result'],
  ['missing result', `/operator-results/${aiHandoff.operatorResultIds[4]}`, 'Operator result'],
  ['missing conversation', '/conversations/conv_conversation_00000000000000000000000000', 'Conversation'],
  ['malformed ID', '/conversations/conv_conversation_nope', 'This link does not contain a valid conversation ID'],
  ['unknown route', '/nowhere', 'Page not found'],
  [
    'unfamiliar references, a result selected',
    `/conversations/${unfamiliarReferences.id}?result=${UNFAMILIAR.summaryResult}`,
    unfamiliarReferences.name!,
  ],
];

describe.each(['light', 'dark'] as const)('axe-core, %s colour scheme', (colorScheme) => {
  it.each(pages)('%s has no violations', async (_name, path, heading) => {
    const { page, problems } = await browser.newPage({ colorScheme });
    await page.goto(baseUrl() + path);
    await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  });

  it('the paste box in its error state has no violations', async () => {
    const { page } = await browser.newPage({ colorScheme });
    await page.goto(baseUrl());
    await page.getByLabel('Conversation ID or link').fill('nope');
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('alert').waitFor();
    await expectNoAxeViolations(page);
  });
});
