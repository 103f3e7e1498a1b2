import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HEAD_SCRIPT } from '../../src/server/inline-script';
import { seedConversation } from '../../src/mocks/fixtures/conversations';
import { APP_ROWS, baseUrl, setupBrowser } from './browser';

// How a deep link loads, not how fast (that is `npm run bench`): its data and page code are asked
// for by the HTML itself, each once, and the code comes compressed.
const browser = setupBrowser();

type Loaded = { path: string; initiator: string; encoded: number; decoded: number };

/** What the page has loaded so far, and who asked for each. */
const resourcesOf = (page: Page) =>
  page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => {
      const timing = entry as PerformanceResourceTiming;
      return {
        path: new URL(timing.name).pathname,
        initiator: timing.initiatorType,
        encoded: timing.encodedBodySize,
        decoded: timing.decodedBodySize,
      } satisfies Loaded;
    }),
  );

describe('opening a deep link', () => {
  it('fetches the conversation once, through the preload in the page’s head, and the page code with it', async () => {
    const { page, problems } = await browser.newPage();
    const apiPath = `/api/v3/Conversations/${seedConversation.id}`;
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));

    await page.goto(`${baseUrl()}/conversations/${seedConversation.id}`);
    await page.locator('[data-message]').first().waitFor();

    expect(requested.filter((path) => path === apiPath)).toHaveLength(1);
    const loaded = await resourcesOf(page);
    const api = loaded.filter((entry) => entry.path === apiPath);
    expect(api).toEqual([expect.objectContaining({ initiator: 'link' })]);
    // The page's chunk was asked for by the HTML, not by the router once the entry had run.
    const pageChunk = loaded.find((entry) => /^\/assets\/conversation-page-.+\.js$/.test(entry.path));
    expect(pageChunk).toBeDefined();
    expect(pageChunk!.initiator).not.toBe('script');
    await expect(page.locator(`head link[rel="modulepreload"][href="${pageChunk!.path}"]`).count()).resolves.toBe(1);
    expect(problems).toEqual([]);
  });

  it('brings an inbox link’s first rows, by its filters, in its HTML: the page asks for no list, and loads its code alongside', async () => {
    const { page, problems } = await browser.newPage();
    const lists: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/v3/Conversations') lists.push(url);
    });

    await page.goto(`${baseUrl()}/conversations?status=CLOSED&channel=VOICE&window=7d`);
    await page.locator(APP_ROWS).first().waitFor();
    await page.waitForLoadState('networkidle');

    expect(lists).toEqual([]);
    const shown = await page.locator(APP_ROWS).allTextContents();
    expect(shown.length).toBeGreaterThan(3);
    for (const text of shown) expect(text).toMatch(/Closed.*Voice/);
    const loaded = await resourcesOf(page);
    const pageChunk = loaded.find((entry) => /^\/assets\/inbox-page-.+\.js$/.test(entry.path));
    expect(pageChunk).toBeDefined();
    expect(pageChunk!.initiator).not.toBe('script');
    // In a few files: the entry, the code pages share, the page's own (docs/decisions/0023-one-common-chunk.md).
    expect(loaded.filter((entry) => entry.path.endsWith('.js')).length).toBeLessThanOrEqual(5);
    expect(problems).toEqual([]);
  });

  it('renders the page together with the layout: no empty frame while the page’s code loads', async () => {
    const { page, problems } = await browser.newPage();
    // Whether <main> had anything in it when the header first appeared: a page that suspends on its
    // lazily loaded code leaves it empty, and React then holds that fallback for up to 300 ms.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('header')) return;
        observer.disconnect();
        (window as unknown as { mainAtFirstRender: number }).mainAtFirstRender =
          document.querySelector('main')?.childElementCount ?? -1;
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${baseUrl()}/conversations/${seedConversation.id}`);
    await page.locator('[data-message]').first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { mainAtFirstRender: number }).mainAtFirstRender)).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('makes the first date formatter while the code downloads, in the one inline script its CSP allows', async () => {
    const { page, problems } = await browser.newPage();
    // Who made the page's first Intl.DateTimeFormat: the script URL at the top of its stack.
    await page.addInitScript(() => {
      const record = window as unknown as { firstFormatterBy?: string };
      const scriptOf = (frame = '') => /(https?:\/\/[^\s)]+?):\d+:\d+/.exec(frame)?.[1] ?? 'unknown';
      Intl.DateTimeFormat = new Proxy(Intl.DateTimeFormat, {
        construct(target, args) {
          // Lines of the stack: [0] the message, [1] this trap, [2] whoever said `new Intl.DateTimeFormat`.
          record.firstFormatterBy ??= scriptOf(new Error().stack?.split('\n')[2]);
          return Reflect.construct(target, args) as object;
        },
      });
    });
    const url = `${baseUrl()}/conversations/${seedConversation.id}`;
    const response = await page.goto(url);
    await page.locator('[data-message]').first().waitFor();

    expect(await page.evaluate(() => (window as unknown as { firstFormatterBy?: string }).firstFormatterBy)).toBe(url);
    const html = await response!.text();
    const inline = [...html.matchAll(/<script>([^<]*)<\/script>/g)].map((match) => match[1]!);
    expect(inline).toEqual([HEAD_SCRIPT]);
    const hash = createHash('sha256').update(inline[0]!).digest('base64');
    const scriptSrc = /script-src ([^;]*)/.exec(response!.headers()['content-security-policy'] ?? '')?.[1];
    expect(scriptSrc).toBe(`'self' 'sha256-${hash}'`);
    expect(problems).toEqual([]);
  });

  it('gets the code compressed, and allowed to be cached for good', async () => {
    const { page, problems } = await browser.newPage();
    const scripts: Array<{ encoding: string | undefined; cache: string | undefined }> = [];
    page.on('response', async (response) => {
      if (!/\/assets\/.+\.js$/.test(new URL(response.url()).pathname)) return;
      const headers = await response.allHeaders();
      scripts.push({ encoding: headers['content-encoding'], cache: headers['cache-control'] });
    });
    await page.goto(`${baseUrl()}/conversations/${seedConversation.id}`);
    await page.locator('[data-message]').first().waitFor();

    expect(scripts.length).toBeGreaterThan(1);
    for (const script of scripts) {
      expect(script.encoding).toMatch(/^(br|gzip)$/);
      expect(script.cache).toBe('public, max-age=31536000, immutable');
    }
    expect(problems).toEqual([]);
  });
});
