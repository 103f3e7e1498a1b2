import { describe, expect, it } from 'vitest';
import { aiHandoff } from '../../src/mocks/fixtures/conversations';
import { operatorResults } from '../../src/mocks/fixtures/operator-results';
import { baseUrl, expectNoAxeViolations, idInViewport, setupBrowser } from './browser';

const browser = setupBrowser();
const [, sentimentId, entitiesId] = aiHandoff.operatorResultIds as [string, string, string];
const sentiment = operatorResults.find((r) => r.id === sentimentId)!;
const entities = operatorResults.find((r) => r.id === entitiesId)!;

describe('operator results next to their evidence', () => {
  it('select a result, see its evidence, follow the marker back, reload the link', async () => {
    const { page, problems } = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseUrl()}/conversations/${aiHandoff.id}`);
    const row = page.getByRole('button', { name: /^Customer sentiment/ });
    await row.click();

    expect(new URL(page.url()).searchParams.get('result')).toBe(sentimentId);
    // The link changes at once; the page shows the selection when it has rendered it.
    await expect.poll(() => row.getAttribute('aria-pressed')).toBe('true');
    const cited = sentiment.referenceIds[0]!;
    const firstCovered = sentiment.executionDetails!.communications!.first!;
    await expect.poll(() => page.locator(`[id="${cited}"]`).getAttribute('data-evidence')).toBe('reference');
    expect(await page.locator(`[id="${firstCovered}"]`).getAttribute('data-evidence')).toBe('range');
    expect(await page.locator(`[id="${aiHandoff.communications[0]!.id}"]`).getAttribute('data-evidence')).toBeNull();
    // The message the result cites is scrolled into view.
    await expect.poll(() => idInViewport(page, cited)).toBe(true);

    await page.locator(`[id="${cited}"]`).getByRole('button', { name: 'Cited by Customer sentiment' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`result-row-${sentimentId}`);

    await page.reload();
    await page.getByRole('button', { name: /^Customer sentiment/, pressed: true }).waitFor();
    await expect.poll(() => page.locator(`[id="${cited}"]`).getAttribute('data-evidence')).toBe('reference');
    await expect.poll(() => idInViewport(page, cited)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('marks extracted entities in the text, with their label on focus', async () => {
    const { page } = await browser.newPage();
    await page.goto(`${baseUrl()}/conversations/${aiHandoff.id}?result=${entitiesId}`);
    const mark = page.locator('mark', { hasText: 'CS-20931' }).first();
    await mark.waitFor();
    expect(await mark.getAttribute('title')).toBe('CASE_NUMBER');
    await mark.focus();
    expect(await mark.locator('[aria-hidden="true"]').isVisible()).toBe(true);
    const labels = await page.locator('mark').evaluateAll((marks) => marks.map((m) => m.getAttribute('title')));
    expect(new Set(labels)).toEqual(
      new Set((entities.result as { entities: Array<{ label: string }> }).entities.map((e) => e.label)),
    );
  });

  it('on a phone, results live in a tab; selecting one shows its evidence in the transcript', async () => {
    const { page, problems } = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${baseUrl()}/conversations/${aiHandoff.id}`);
    await page.getByRole('tab', { name: 'Results (5)' }).click();
    await page.getByRole('button', { name: /^Customer sentiment/ }).click();
    await page.getByRole('tab', { name: 'Transcript', selected: true }).waitFor();
    const cited = sentiment.referenceIds[0]!;
    await expect.poll(() => idInViewport(page, cited)).toBe(true);
    await page.locator(`[id="${cited}"]`).getByRole('button', { name: 'Cited by Customer sentiment' }).click();
    await page.getByRole('tab', { name: 'Results (5)', selected: true }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`result-row-${sentimentId}`);
    expect(problems).toEqual([]);
  });

  it('the result page leads to its evidence in the conversation', async () => {
    const { page } = await browser.newPage();
    await page.goto(`${baseUrl()}/operator-results/${sentimentId}`);
    await page.getByText('Customer sentiment', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Show its evidence in the conversation' }).click();
    await page.getByRole('button', { name: /^Customer sentiment/, pressed: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/conversations/${aiHandoff.id}`);
  });

  describe.each(['light', 'dark'] as const)('axe-core with a result selected, %s', (colorScheme) => {
    it.each([
      ['desktop', { width: 1280, height: 800 }],
      ['phone', { width: 390, height: 800 }],
    ] as const)('%s has no violations', async (_name, viewport) => {
      const { page } = await browser.newPage({ colorScheme, viewport });
      await page.goto(`${baseUrl()}/conversations/${aiHandoff.id}?result=${entitiesId}`);
      await page.locator('mark').first().waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page);
      if (viewport.width < 1024) {
        await page.getByRole('tab', { name: 'Results (5)' }).click();
        await page.getByRole('button', { name: /^Entity extraction/, pressed: true }).waitFor();
        await expectNoAxeViolations(page);
      }
    });
  });
});
