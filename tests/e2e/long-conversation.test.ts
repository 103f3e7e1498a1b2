import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { benchConversationId } from '../../src/mocks/fixtures/bench-conversations';
import { longConversation } from '../../src/mocks/fixtures/long-conversation';
import { baseUrl, expectNoAxeViolations, idInViewport, setupBrowser } from './browser';

// No timing here: speed is measured by `npm run bench`. These stories check, deterministically,
// that a huge conversation keeps the DOM small and that every pointer still reaches its message.
const browser = setupBrowser();
const huge = longConversation(10_000);
const hugeIds = huge.communications.map((c) => c.id);
const hugeUrl = (suffix = '') => `${baseUrl()}/conversations/${benchConversationId(10_000)}${suffix}`;
const DOM_BUDGET = 200;

const messagesInDom = (page: Page) => page.locator('[data-message]').count();

async function openHuge(page: Page, suffix = '') {
  await page.goto(hugeUrl(suffix));
  await page.getByRole('log', { name: 'Transcript' }).waitFor();
  await page.locator('[data-message]').first().waitFor();
}

describe('a 10,000-message conversation in Chromium', () => {
  it('keeps a bounded number of messages in the DOM, at the top and after scrolling to the middle', async () => {
    const { page, problems } = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openHuge(page);
    expect(await messagesInDom(page)).toBeGreaterThan(5);
    expect(await messagesInDom(page)).toBeLessThanOrEqual(DOM_BUDGET);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    // The page is as long as the whole conversation, so the scroll bar means what it says.
    expect(height).toBeGreaterThan(10_000 * 40);
    await page.evaluate((y) => window.scrollTo(0, y), height / 2);
    await expect.poll(() => page.locator('[data-message]').first().textContent()).toMatch(/\(#(4|5|6)\d{3}\)/);
    expect(await messagesInDom(page)).toBeLessThanOrEqual(DOM_BUDGET);
    expect(problems).toEqual([]);
  });

  it('scrolls a link to the last message into view and marks it', async () => {
    const { page, problems } = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const last = hugeIds.at(-1)!;
    await openHuge(page, `#${last}`);
    await expect.poll(() => idInViewport(page, last)).toBe(true);
    await expect(page.locator(`[id="${last}"]`).getAttribute('data-targeted')).resolves.toBe('true');
    expect(await page.locator(`[id="${last}"]`).textContent()).toContain('(#10000)');
    expect(await messagesInDom(page)).toBeLessThanOrEqual(DOM_BUDGET);
    expect(problems).toEqual([]);
  });

  it('scrolls a range link in the middle into view, on a phone too', async () => {
    const { page } = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    const [from, to] = [hugeIds[5_000]!, hugeIds[5_002]!];
    await openHuge(page, `#${from}..${to}`);
    await expect.poll(() => idInViewport(page, from)).toBe(true);
    expect(await page.locator('[data-targeted]').count()).toBe(3);
  });

  it('finds a match at the far end and scrolls to it, then back to one at the start', async () => {
    const { page } = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openHuge(page);
    await page.getByLabel('Find in the transcript').fill('(#9990)');
    await page.getByRole('status').filter({ hasText: '1 of 1' }).waitFor();
    await expect.poll(() => idInViewport(page, hugeIds[9_989]!)).toBe(true);
    await page.getByLabel('Find in the transcript').fill('(#3)');
    await page.getByRole('status').filter({ hasText: '1 of 1' }).waitFor();
    await expect.poll(() => idInViewport(page, hugeIds[2]!)).toBe(true);
  });

  it('brings the messages a result cites into view when the result is selected', async () => {
    const { page } = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openHuge(page, `?result=${huge.operatorResultIds[0]}`);
    await expect.poll(() => idInViewport(page, hugeIds.at(-2)!)).toBe(true);
    expect(await page.locator(`[id="${hugeIds.at(-1)}"]`).getAttribute('data-evidence')).toBe('reference');
  });

  it('walks with j and k past the rows first rendered, keeping focus on a visible message', async () => {
    const { page } = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openHuge(page);
    for (let i = 0; i < 60; i++) await page.keyboard.press('j');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(hugeIds[59]);
    expect(await idInViewport(page, hugeIds[59]!)).toBe(true);
    await page.keyboard.press('k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(hugeIds[58]);
  });

  it('gives each row its place among all rows, and passes axe', async () => {
    const { page } = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openHuge(page, `#${hugeIds[7_000]}`);
    await expect.poll(() => idInViewport(page, hugeIds[7_000]!)).toBe(true);
    const places = await page
      .locator('[role="log"] li')
      .evaluateAll((rows) =>
        rows.map((row) => [Number(row.getAttribute('aria-posinset')), Number(row.getAttribute('aria-setsize'))]),
      );
    const setSize = places[0]![1]!;
    expect(setSize).toBeGreaterThan(10_000);
    for (const [position, size] of places) {
      expect(size).toBe(setSize);
      expect(position).toBeGreaterThan(7_000);
    }
    // Rows are in the DOM in list order, numbered without holes.
    expect(places.map(([position]) => position)).toEqual(places.map((_, i) => places[0]![0]! + i));
    await expectNoAxeViolations(page);
  });

  it('renders every message with ?render=all, the switch the benchmark compares against', async () => {
    const { page } = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl()}/conversations/${benchConversationId(100)}?render=all`);
    await page.locator('[data-message]').first().waitFor();
    expect(await messagesInDom(page)).toBe(100);
  });

  it('prints every message, not just those on screen', async () => {
    const { page } = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl()}/conversations/${benchConversationId(100)}`);
    await page.locator('[data-message]').first().waitFor();
    expect(await messagesInDom(page)).toBeLessThan(100);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => messagesInDom(page)).toBe(100);
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => messagesInDom(page)).toBeLessThan(100);
  });
});
