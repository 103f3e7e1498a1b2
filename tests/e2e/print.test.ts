import { describe, expect, it } from 'vitest';
import { aiHandoff } from '../../src/mocks/fixtures/conversations';
import { baseUrl, setupBrowser } from './browser';

const browser = setupBrowser();

describe('printing a conversation', () => {
  it('prints a clean transcript: every message with its speaker and time, no controls, dark text even in dark mode', async () => {
    const { page } = await browser.newPage({ colorScheme: 'dark', viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl()}/conversations/${aiHandoff.id}`);
    await page.getByRole('log', { name: 'Transcript' }).waitFor();
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });

    const shown = (selector: string) =>
      page.locator(selector).evaluateAll((elements) => elements.filter((e) => (e as HTMLElement).offsetParent !== null).length);
    // The site header, the toolbar, the results panel and the per-message controls are gone.
    expect(await shown('body > div > div > header')).toBe(0);
    expect(await page.getByLabel('Find in the transcript').isVisible()).toBe(false);
    expect(await page.getByRole('region', { name: /Operator results/ }).isVisible()).toBe(false);
    expect(
      await page
        .getByRole('button', { name: /^Link to message/ })
        .first()
        .isVisible(),
    ).toBe(false);
    // Every message is there, with who said it and when.
    expect(await shown('[data-message]')).toBe(aiHandoff.communications.length);
    for (const name of ['Priya Natarajan', 'Ava (virtual agent)', 'Marcus Lee']) {
      expect(await page.getByRole('log', { name: 'Transcript' }).getByText(name, { exact: true }).first().isVisible()).toBe(true);
    }
    expect(await shown('[data-message] time')).toBe(aiHandoff.communications.length);
    // Dark styles apply on screen only: the printed text is dark.
    const colour = await page
      .locator('[data-message] p')
      .nth(1)
      .evaluate((e) => getComputedStyle(e).color);
    const [r, g, b] = colour.match(/\d+/g)!.map(Number);
    expect((r! + g! + b!) / 3).toBeLessThan(100);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
  });
});
