import { readFileSync } from 'node:fs';
import type { Request, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ID_PREFIXES } from '../../src/api/ids';
import { PAGES } from '../../src/api/pages';
import { seedConversation } from '../../src/mocks/fixtures/conversations';
import { deepLinkHints, type Manifest } from '../../src/server/spa';
import { baseUrl, setupBrowser } from './browser';

const browser = setupBrowser();

describe('the build and the page table (src/api/pages.ts)', () => {
  const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8')) as Manifest & {
    'index.html': { dynamicImports?: string[] };
  };

  it('loads exactly the table’s route modules lazily, each its own chunk', () => {
    expect([...(manifest['index.html'].dynamicImports ?? [])].sort()).toEqual(PAGES.map((page) => page.module).sort());
  });

  it.each(PAGES.filter((page) => 'opensWith' in page).map((page) => [page.path, page] as const))(
    'hints a deep link to %s with its data and its page’s chunk',
    (path, page) => {
      const id = `${ID_PREFIXES[page.opensWith.kind]}0${'a'.repeat(25)}`;
      const hints = deepLinkHints(manifest)(path.replace(/:\w+/, id));
      expect(hints).toContain(`<link rel="preload" as="fetch" crossorigin href="/api${page.opensWith.data(id)}">`);
      expect(hints).toContain(`<link rel="modulepreload" crossorigin href="/${manifest[page.module]!.file}">`);
    },
  );

  it.each(PAGES.filter((page) => !('opensWith' in page)).map((page) => [page.path, page] as const))(
    'hints a link to %s with its page’s chunk, and with its list’s first rows when it opens with one',
    (path, page) => {
      const now = Date.now();
      const hints = deepLinkHints(manifest, () => now)(path, '?status=CLOSED');
      expect(hints).toContain(`<link rel="modulepreload" crossorigin href="/${manifest[page.module]!.file}">`);
      const list = 'opensWithList' in page ? page.opensWithList.firstPage(new URLSearchParams('status=CLOSED'), now) : null;
      expect(hints.includes('rel="preload"')).toBe(list !== null);
      if (list !== null) expect(hints).toContain(`href="/api${list.replace(/&/g, '&amp;')}"`);
    },
  );
});

describe('following a link inside the app', () => {
  it('asks for the next page’s data while its code is still loading, and once', async () => {
    const { page, problems } = await browser.newPage();
    const apiPath = `/api/v3/Conversations/${seedConversation.id}`;
    const asked: Request[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === apiPath) asked.push(request);
    });
    // The conversation page's code is held back until its data has been asked for (or 5 s have passed).
    let heldChunk: Route | null = null;
    await page.route(/\/assets\/conversation-page-[^/]+\.js$/, (route) => {
      heldChunk = route;
    });

    await page.goto(`${baseUrl()}/`);
    await page.getByRole('link', { name: new RegExp(seedConversation.name!) }).click();
    await expect.poll(() => heldChunk !== null).toBe(true);
    const askedWhileHeld = await expect
      .poll(() => asked.length, { timeout: 5_000 })
      .toBeGreaterThan(0)
      .then(
        () => true,
        () => false,
      );
    await heldChunk!.continue();

    await page.getByRole('heading', { level: 1, name: seedConversation.name! }).waitFor();
    expect(askedWhileHeld).toBe(true);
    expect(asked).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it('asks for the inbox’s list, with the link’s filters, while the inbox’s code is still loading, and once', async () => {
    const { page, problems } = await browser.newPage();
    const asked: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/v3/Conversations') asked.push(url);
    });
    let heldChunk: Route | null = null;
    await page.route(/\/assets\/inbox-page-[^/]+\.js$/, (route) => {
      heldChunk = route;
    });

    await page.goto(`${baseUrl()}/`);
    await page.getByRole('link', { name: 'The last 24 hours' }).click();
    await expect.poll(() => heldChunk !== null).toBe(true);
    const askedWhileHeld = await expect
      .poll(() => asked.length, { timeout: 5_000 })
      .toBeGreaterThan(0)
      .then(
        () => true,
        () => false,
      );
    await heldChunk!.continue();

    await page.locator('[data-row-index]').first().waitFor();
    expect(askedWhileHeld).toBe(true);
    expect(asked).toHaveLength(1);
    // The list the page shows: the link's 24 hours, not the whole account.
    expect(asked[0]!.searchParams.get('createdAtAfter')).not.toBeNull();
    expect(problems).toEqual([]);
  });
});
