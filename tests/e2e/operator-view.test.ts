import { describe, expect, it } from 'vitest';
import { aiHandoff, seedConversation } from '../../src/mocks/fixtures/conversations';
import { baseUrl, expectNoAxeViolations, expectNoHorizontalScroll, isInViewport, setupBrowser } from './browser';

const browser = setupBrowser();
const qaId = aiHandoff.operatorResultIds[3]!;
const entitiesId = aiHandoff.operatorResultIds[2]!;
const seedSentimentId = seedConversation.operatorResultIds[1]!;

const viewports = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 800 }],
] as const;

describe.each(viewports)('why the operator concluded this, on a %s', (_name, viewport) => {
  it('a link lands on the operator the account wrote, open: its prompt filled in with this run\u2019s values', async () => {
    const { page, problems } = await browser.newPage({ viewport });
    await page.goto(`${baseUrl()}/operator-results/${qaId}#operator`);
    const section = page.getByRole('region', { name: 'Why the operator concluded this' });
    const prompt = section.getByRole('region', { name: 'Prompt' });
    await prompt.waitFor();
    await expect.poll(() => isInViewport(page, '#operator-heading')).toBe(true);
    // Each mark holds the value, then (for screen readers only) the placeholder it fills.
    const shownInMarks = () => prompt.locator('mark').evaluateAll((marks) => marks.map((mark) => mark.firstChild?.textContent));
    expect(await shownInMarks()).toEqual(['5', 'true']);
    expect(await prompt.innerText()).toContain('Score the human agent from 0 to 5');
    await section.getByRole('region', { name: 'Training examples' }).waitFor();
    await section.getByRole('list', { name: 'Output schema as a tree' }).waitFor();

    await prompt.getByRole('checkbox', { name: 'Show the placeholders' }).check();
    expect(await shownInMarks()).toEqual(['{{parameters.scale}}', '{{parameters.includeHandoff}}']);
    expect(await prompt.innerText()).toContain('Score the human agent from 0 to {{parameters.scale}} against the support script');
    await expectNoHorizontalScroll(page);
    expect(problems).toEqual([]);
  });

  it('one of Twilio\u2019s own operators says its prompt and examples are private', async () => {
    const { page, problems } = await browser.newPage({ viewport });
    await page.goto(`${baseUrl()}/operator-results/${entitiesId}`);
    const section = page.getByRole('region', { name: 'Why the operator concluded this' });
    await section.getByRole('button', { name: 'Show the operator' }).click();
    await section
      .getByText('Twilio wrote this operator and keeps its prompt and training examples private', { exact: false })
      .waitFor();
    expect(new URL(page.url()).hash).toBe('#operator');
    expect(await section.getByRole('region', { name: 'Prompt' }).count()).toBe(0);
    await expectNoHorizontalScroll(page);
    expect(problems).toEqual([]);
  });
});

describe('from the results panel to the operator view', () => {
  it('the selected result names its deprecated operator version; its link opens the operator view', async () => {
    const { page, problems } = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl()}/conversations/${seedConversation.id}?result=${seedSentimentId}&tz=utc`);
    const panel = page.getByRole('region', { name: /^Operator results/ });
    const line = panel.locator('p', { hasText: /^Operator:/ });
    await expect
      .poll(() => line.innerText())
      .toBe('Operator: Customer sentiment v2 (Deprecated, retires Mar 31, 2027) · Operator view');
    await expect
      .poll(() => panel.locator('p', { hasText: 'What the analysis cost:' }).innerText())
      .toMatch(/^What the analysis cost: 2 results ·/);

    await line.getByRole('link', { name: 'Operator view: Customer sentiment v2' }).click();
    const section = page.getByRole('region', { name: 'Why the operator concluded this' });
    await section.getByRole('region', { name: 'Prompt' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/operator-results/${seedSentimentId}`);
    expect(new URL(page.url()).search).toBe('?tz=utc');
    await expect.poll(() => isInViewport(page, '#operator-heading')).toBe(true);
    expect(await section.getByText('Deprecated · retires Mar 31, 2027').first().isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });
});

const openedViews = [
  ['the account\u2019s deprecated operator', seedSentimentId, 'Training examples'],
  ['the account\u2019s JSON operator with its schema', qaId, 'Output schema'],
  ['one of Twilio\u2019s operators', entitiesId, 'Parameters'],
] as const;

describe.each(['light', 'dark'] as const)('axe-core with the operator view open, %s', (colorScheme) => {
  describe.each(viewports)('%s', (_name, viewport) => {
    it.each(openedViews)('%s has no violations', async (_view, id, part) => {
      const { page, problems } = await browser.newPage({ colorScheme, viewport });
      await page.goto(`${baseUrl()}/operator-results/${id}#operator`);
      await page.getByRole('region', { name: part, exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page);
      expect(problems).toEqual([]);
    });
  });
});
