import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { launchChromium } from '../../scripts/chromium';

export const baseUrl = () => inject('baseUrl');

/**
 * The inbox's rows as the app renders them. An inbox link's HTML paints the server's first (they
 * carry `data-server-row`): a test that acts on the page waits for the app's.
 */
export const APP_ROWS = '[data-row-index]:not([data-server-row])';

/** One Chromium per test file (call at the top of the file); each test gets a fresh context (no shared storage). */
export function setupBrowser() {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
  });
  return {
    async newPage(options: BrowserContextOptions = {}): Promise<{ page: Page; problems: string[] }> {
      const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US', ...options });
      contexts.push(context);
      const page = await context.newPage();
      // Anything the page logs as an error (a CSP violation, an uncaught exception) is a defect.
      const problems: string[] = [];
      page.on('console', (message) => {
        // Chromium logs every HTTP error status it sees; the API's expected 4xx/5xx are checked by the
        // tests themselves, and a failing asset is caught by the response listener below.
        if (message.text().startsWith('Failed to load resource: the server responded with a status')) return;
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/api/')) {
          problems.push(`asset ${response.status()}: ${response.url()}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      return { page, problems };
    },
  };
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

/** The page never scrolls sideways: long IDs and text wrap. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Whether the first element matching `selector` is wholly inside the viewport (false when there is none). */
export function isInViewport(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((target) => {
    const box = document.querySelector(target)?.getBoundingClientRect();
    return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
  }, selector);
}

/** `isInViewport` for the element with this ID. */
export const idInViewport = (page: Page, id: string) => isInViewport(page, `[id="${id}"]`);
