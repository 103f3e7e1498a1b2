import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SERVER_ROWS } from '../../src/features/inbox/conversation-list';
import { OPERATORS } from '../../src/mocks/fixtures/operator-results';
import { APP_ROWS, baseUrl, expectNoAxeViolations, expectNoHorizontalScroll, setupBrowser } from './browser';

const browser = setupBrowser();

/** The conversation IDs of the rows in the DOM, in order. */
const rowIds = (page: Page) =>
  page
    .locator('[data-row-index] a[data-conversation-id]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('data-conversation-id')!));

/** The conversation IDs of the rows on screen, with where each is on it. */
const onScreen = (page: Page) =>
  page.locator('[data-row-index]').evaluateAll((rows) =>
    rows
      .map((row) => ({
        id: row.querySelector('a[data-conversation-id]')!.getAttribute('data-conversation-id'),
        top: Math.round(row.getBoundingClientRect().top),
      }))
      .filter(({ top }) => top > -50 && top < window.innerHeight)
      .sort((a, b) => a.top - b.top),
  );

/** The first row on screen (not above it), with how far from the top of the window it is. */
const firstOnScreen = (page: Page) =>
  page.locator('[data-row-index]').evaluateAll(
    (rows) =>
      rows
        .map((row) => ({
          id: row.querySelector('a[data-conversation-id]')!.getAttribute('data-conversation-id'),
          top: row.getBoundingClientRect().top,
          bottom: row.getBoundingClientRect().bottom,
        }))
        .filter(({ bottom }) => bottom > 0)
        .sort((a, b) => a.top - b.top)
        .map(({ id, top }) => ({ id, top }))[0],
  );

/** Counts the page's requests for the conversation list (not for one conversation). */
function countListRequests(page: Page) {
  const counter = { list: 0 };
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/v3/Conversations') counter.list++;
  });
  return counter;
}

async function openInbox(page: Page, query = '') {
  await page.goto(`${baseUrl()}/conversations${query}`);
  await page.getByRole('heading', { level: 1, name: 'Conversations' }).waitFor();
  await page.locator(APP_ROWS).first().waitFor();
}

describe('the inbox in Chromium', () => {
  it('keeps its filters in the URL: after a reload, the same rows', async () => {
    const { page, problems } = await browser.newPage();
    await openInbox(page);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('CLOSED');
    await page.getByRole('checkbox', { name: 'Voice' }).check();
    await page.getByRole('combobox', { name: 'Started' }).selectOption('31d');
    await expect.poll(() => new URL(page.url()).search).toBe('?status=CLOSED&channel=VOICE&window=31d');
    await page.getByText('3 active filters').waitFor();
    await expect.poll(async () => (await rowIds(page)).length).toBeGreaterThan(3);
    const before = await rowIds(page);
    await page.reload();
    await page.locator(APP_ROWS).first().waitFor();
    expect(await rowIds(page)).toEqual(before);
    expect(await page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('CLOSED');
    expect(problems).toEqual([]);
  });

  it('pages to row 500 as the reader scrolls, and going back from a conversation restores rows and scroll at once', async () => {
    const { page, problems } = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const requests = countListRequests(page);
    await openInbox(page);
    for (let i = 0; i < 40 && !(await page.getByText(/^(5\d\d|[6-9]\d\d|\d{4,}) loaded/).count()); i++) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(150);
    }
    await page.getByText(/^(5\d\d|[6-9]\d\d|\d{4,}) loaded/).waitFor();
    // The first of them came in the link's HTML, the others as the reader scrolled.
    const loadedPages = requests.list;
    expect(loadedPages).toBeGreaterThanOrEqual(9);
    // Windowed: hundreds of rows loaded, a few dozen in the DOM.
    expect(await page.locator('[data-row-index]').count()).toBeLessThan(60);

    // Row 500, in view: the rows far above are not in the DOM, so the page scrolls towards it.
    const row = page.locator('[data-row-index="499"] a[data-conversation-id]');
    for (let i = 0; i < 20 && (await row.count()) === 0; i++) {
      await page.evaluate(() => {
        const first = document.querySelector<HTMLElement>('[data-row-index]')!;
        const index = Number(first.dataset.rowIndex);
        window.scrollBy(0, first.getBoundingClientRect().top + (499 - index) * first.getBoundingClientRect().height - 200);
      });
      await page.waitForTimeout(100);
    }
    await row.scrollIntoViewIfNeeded();
    await page.waitForTimeout(100);
    const scrollY = await page.evaluate(() => window.scrollY);
    const shown = await onScreen(page);
    const first = await firstOnScreen(page);
    const id = await row.getAttribute('data-conversation-id');

    await row.hover();
    await row.click();
    await page.waitForURL(new RegExp(`/conversations/${id}`));
    await page
      .getByRole('navigation', { name: 'The list this conversation was opened from' })
      .getByText(/^500 of/)
      .waitFor();

    // (The walk may have asked for the next page, to know what Next leads to: let it finish.)
    await page.waitForLoadState('networkidle');
    const beforeBack = requests.list;
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Conversations' }).waitFor();
    // The first frame back: the page exactly where it was (the same first row on screen, at the
    // same distance from the top), the row that was opened on screen, and the rows that were on
    // screen still there.
    expect(await firstOnScreen(page)).toEqual(first);
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrollY)).toBeLessThan(60);
    const back = await onScreen(page);
    expect(back.map((row) => row.id)).toContain(id);
    expect(back.filter((row) => shown.some((before) => before.id === row.id)).length).toBeGreaterThanOrEqual(shown.length - 2);
    // The loaded pages came from the cache, not from Twilio.
    await page.waitForTimeout(300);
    expect(requests.list).toBe(beforeBack);
    expect(problems).toEqual([]);
  });

  it('paints the rows in view first, none placed before the list knew where it starts, and the rows below the screen just after', async () => {
    const { page, problems } = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // What the page held when the app's first rows came (before that frame was drawn), and a frame
    // later. The server's rows, painted from the HTML before them, are not the app's.
    await page.addInitScript((appRows) => {
      const seen = { dropped: 0, first: null as null | { tops: number[] }, after: null as null | { tops: number[] } };
      const tops = () => [...document.querySelectorAll(appRows)].map((row) => row.getBoundingClientRect().top);
      const observer = new MutationObserver((records) => {
        if (seen.first) return;
        for (const record of records)
          for (const node of record.removedNodes) if (node instanceof Element && node.matches(appRows)) seen.dropped++;
        if (!document.querySelector(appRows)) return;
        seen.first = { tops: tops() };
        observer.disconnect();
        requestAnimationFrame(() =>
          setTimeout(() => requestAnimationFrame(() => setTimeout(() => (seen.after = { tops: tops() })))),
        );
      });
      observer.observe(document, { childList: true, subtree: true });
      (window as unknown as { firstRows: typeof seen }).firstRows = seen;
    }, APP_ROWS);
    await openInbox(page);
    const seen = await page.waitForFunction(
      () =>
        (window as unknown as { firstRows: { after: unknown } }).firstRows.after &&
        (window as unknown as { firstRows: unknown }).firstRows,
    );
    const { dropped, first, after } = (await seen.jsonValue()) as {
      dropped: number;
      first: { tops: number[] };
      after: { tops: number[] };
    };
    const height = 800;
    // At most the last one: rows are placed by an estimate of their height, then measured, and a
    // row taller than estimated can push the last off the screen. Rows placed for a wrong start of
    // the list (before it was measured) would be many.
    expect(dropped).toBeLessThanOrEqual(1);
    expect(first.tops.length).toBeGreaterThan(3);
    // Every row of the first frame is on the screen, at least in part.
    expect(first.tops.filter((top) => top >= height)).toEqual([]);
    // Then the rows just below it, for scrolling.
    expect(after.tops.filter((top) => top >= height).length).toBeGreaterThanOrEqual(5);
    expect(problems).toEqual([]);
  });

  it('paints an inbox link’s first rows from its HTML, before the app’s code has run: in the reader’s colour scheme, as links that open', async () => {
    const { page } = await browser.newPage({ colorScheme: 'dark' });
    const refused: string[] = [];
    await page.route('**/assets/*.js', (route) => {
      refused.push(route.request().url());
      return route.abort();
    });
    await page.goto(`${baseUrl()}/conversations?status=CLOSED&channel=VOICE`);
    const rows = page.locator('[data-server-row]');
    await rows.first().waitFor();
    // The app's code was asked for and never ran: these rows are the server's.
    expect(refused.length).toBeGreaterThan(0);
    expect(await page.locator(APP_ROWS).count()).toBe(0);
    expect(await rows.count()).toBeGreaterThan(3);
    expect(await rows.count()).toBeLessThanOrEqual(SERVER_ROWS);
    for (const text of await rows.allTextContents()) {
      expect(text).toContain('Closed');
      expect(text).toContain('Voice');
    }
    await page.getByText(/^50 loaded, more to load$/).waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    const link = rows.first().locator('a[data-conversation-id]');
    const id = (await link.getAttribute('data-conversation-id'))!;
    await link.click();
    await page.waitForURL(new RegExp(`/conversations/${id}\\?from=`));
  });

  it.each([
    ['a desktop', { width: 1280, height: 800 }],
    ['a tablet', { width: 800, height: 900 }],
    ['a phone', { width: 360, height: 780 }],
  ])('on %s, the app takes over the server’s rows where they stand, and asks for no list itself', async (_name, viewport) => {
    const link = `${baseUrl()}/conversations?status=CLOSED&channel=VOICE&window=31d`;
    const places = (page: Page, rows: string) =>
      page.locator(rows).evaluateAll((found) =>
        found.slice(0, 6).map((row) => {
          const { top, left, width, height } = row.getBoundingClientRect();
          return { id: row.getAttribute('data-row-key'), top, left, width, height };
        }),
      );
    // The server's rows alone: the app's code held back.
    const painted = (await browser.newPage({ viewport })).page;
    await painted.route('**/assets/*.js', (route) => route.abort());
    await painted.goto(link);
    await painted.locator('[data-server-row]').first().waitFor();
    const before = await places(painted, '[data-server-row]');

    const { page, problems } = await browser.newPage({ viewport });
    const requests = countListRequests(page);
    await page.goto(link);
    await page.locator(APP_ROWS).first().waitFor();
    // The names of the filters and the review marks are in too: none of them moved a row.
    await page.waitForLoadState('networkidle');
    expect(before).toHaveLength(6);
    expect(await places(page, APP_ROWS)).toEqual(before);
    expect(requests.list).toBe(0);
    expect(problems).toEqual([]);
  });

  it('opens a row hovered first whole: its conversation, results, review and reviewer asked for before the click, nothing after', async () => {
    const { page } = await browser.newPage();
    await openInbox(page);
    // A row with operator results, so that there is a panel to fill.
    const row = page
      .locator(APP_ROWS)
      .filter({ has: page.locator('[title$="operator results"]:not([title^="0 "])') })
      .first();
    const results = Number((await row.locator('[title$="operator results"]').getAttribute('title'))!.split(' ')[0]);
    const link = row.locator('a[data-conversation-id]');
    const id = (await link.getAttribute('data-conversation-id'))!;
    const asked: string[] = [];
    const pending = new Set<Request>();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!url.pathname.startsWith('/api/')) return;
      asked.push(url.pathname + url.search);
      pending.add(request);
    });
    page.on('requestfinished', (request) => pending.delete(request));
    page.on('requestfailed', (request) => pending.delete(request));
    await link.hover();
    const before = [
      `/api/v3/Conversations/${id}`,
      `/api/v3/OperatorResults?conversationId=${id}&pageSize=1000`,
      `/api/reviews/conversations/${id}`,
      '/api/me',
    ];
    await expect.poll(() => before.filter((path) => asked.includes(path))).toEqual(before);
    // Then, once the results are in, the operators they name, for their names; and every answer in.
    await expect
      .poll(() => asked.some((path) => path.startsWith('/api/v3/ControlPlane/Operators/')) && pending.size === 0)
      .toBe(true);
    const askedBeforeClick = asked.length;

    await link.click();
    await page.getByRole('navigation', { name: /opened from/ }).waitFor();
    await page.locator('h1').filter({ hasNotText: 'Conversation' }).first().waitFor();
    await page.locator('[data-message]').first().waitFor();
    // Whole from its first frame: no panel loading, and no request for what the page shows.
    expect(await page.getByText('Loading conversation…').count()).toBe(0);
    expect(await page.getByText('Loading results').count()).toBe(0);
    expect(await page.getByText('Loading the review status…').count()).toBe(0);
    expect(await page.getByText('Loading notes…').count()).toBe(0);
    const panel = page.getByRole('region', { name: /Operator results/ });
    await expect
      .poll(() => panel.getByRole('heading', { level: 2 }).innerText())
      .toMatch(new RegExp(`^Operator results \\(${results}\\b`));
    // Its operators by name: they were looked up before the click too.
    expect(await panel.getByText(/intelligence_operator_/).count()).toBe(0);
    await page.waitForLoadState('networkidle');
    expect(asked.slice(askedBeforeClick)).toEqual([]);
  });

  it('steps with Next across a page boundary, the next page asked for with Twilio’s token', async () => {
    const { page } = await browser.newPage();
    const first = (await (await fetch(`${baseUrl()}/api/v3/Conversations?pageSize=50`)).json()) as {
      items: Array<{ id: string }>;
      meta: { nextToken: string };
    };
    const second = (await (
      await fetch(`${baseUrl()}/api/v3/Conversations?pageSize=50&pageToken=${encodeURIComponent(first.meta.nextToken)}`)
    ).json()) as { items: Array<{ id: string }> };
    await page.goto(`${baseUrl()}/conversations/${first.items[49]!.id}?from=`);
    const walk = page.getByRole('navigation', { name: /opened from/ });
    await walk.getByText(/^50 of 100/).waitFor();
    await page.keyboard.press(']');
    await page.waitForURL(new RegExp(`/conversations/${second.items[0]!.id}\\?from=$`));
    await walk.getByText(/^51 of 100/).waitFor();
    await walk.getByRole('link', { name: /Previous/ }).click();
    await page.waitForURL(new RegExp(`/conversations/${first.items[49]!.id}`));
    // The walk survives a reload.
    await page.reload();
    await walk.getByText(/^50 of 100/).waitFor();
  });

  it('shows result cells, filters the loaded rows by them and says so', async () => {
    const { page, problems } = await browser.newPage();
    await openInbox(page, `?status=CLOSED&window=31d&show=${OPERATORS.sentiment}&show=${OPERATORS.csat}`);
    await expect
      .poll(() =>
        page
          .locator('[data-row-index]')
          .getByText(/^(POSITIVE|NEUTRAL|NEGATIVE)$/)
          .count(),
      )
      .toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Show only rows where Customer sentiment is' }).selectOption(`is:NEGATIVE`);
    await page.getByText(/of the \d+ loaded conversations where Customer sentiment is NEGATIVE/).waitFor();
    await expect
      .poll(async () => {
        const cells = await page.locator('[data-row-index]').evaluateAll((rows) => rows.map((row) => row.textContent ?? ''));
        return cells.length > 0 && cells.every((text) => text.includes('NEGATIVE'));
      })
      .toBe(true);
    expect(problems).toEqual([]);
  });

  it('on a phone: rows are cards, filters fold into a sheet, nothing scrolls sideways', async () => {
    const { page, problems } = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
    // Until the operators' names arrive, a result column is labelled by its operator's long ID.
    let releaseOperators = () => {};
    const operatorsHeld = new Promise<void>((resolve) => (releaseOperators = resolve));
    await page.route('**/api/v3/ControlPlane/Operators*', async (route) => {
      await operatorsHeld;
      await route.continue();
    });
    await openInbox(page, `?show=${OPERATORS.sentiment}`);
    await page.locator('[data-row-index]').first().getByText(`${OPERATORS.sentiment}:`).waitFor();
    await expectNoHorizontalScroll(page);
    releaseOperators();
    await page.locator('[data-row-index]').first().getByText('Customer sentiment:').waitFor();
    await expectNoHorizontalScroll(page);
    expect(await page.getByRole('combobox', { name: 'Status' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Filters' }).click();
    const sheet = page.getByRole('dialog', { name: 'Filters' });
    await sheet.getByRole('combobox', { name: 'Status' }).selectOption('CLOSED');
    await sheet.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('CLOSED');
    await page.getByRole('button', { name: 'Filters (1)' }).waitFor();
    await expectNoHorizontalScroll(page);
    expect(problems).toEqual([]);
  });
  it('on a tablet with three result columns: the list scrolls sideways, the page does not', async () => {
    const { page, problems } = await browser.newPage({ viewport: { width: 820, height: 1000 } });
    await openInbox(page, `?show=${OPERATORS.sentiment}&show=${OPERATORS.csat}&show=${OPERATORS.summary}`);
    await page
      .locator('[data-row-index]')
      .first()
      .getByText(/^(POSITIVE|NEUTRAL|NEGATIVE|\u2014)$/)
      .first()
      .waitFor();
    await expectNoHorizontalScroll(page);
    const list = page.getByRole('list', { name: 'Conversations' });
    const scroller = await list.evaluate((element) => {
      let box: HTMLElement | null = element.parentElement;
      while (box && getComputedStyle(box).overflowX !== 'auto') box = box.parentElement;
      return box ? { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth } : null;
    });
    expect(scroller).not.toBeNull();
    expect(scroller!.scrollWidth).toBeGreaterThan(scroller!.clientWidth);
    expect(problems).toEqual([]);
  });
});

describe.each(['light', 'dark'] as const)('the inbox with axe-core, %s colour scheme', (colorScheme) => {
  it.each([
    ['rows', ''],
    ['result columns and a result filter', `?window=31d&show=${OPERATORS.sentiment}&where=${OPERATORS.csat}:le:2`],
    ['an empty list', '?status=ACTIVE&channel=EMAIL&window=24h&channelId=CA00000000000000000000000000000000'],
  ])('%s: no violations', async (_name, query) => {
    const { page, problems } = await browser.newPage({ colorScheme });
    await page.goto(`${baseUrl()}/conversations${query}`);
    await page.getByRole('heading', { level: 1, name: 'Conversations' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });

  it('the rows the server painted, before the app’s code has run: no violations', async () => {
    const { page } = await browser.newPage({ colorScheme });
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto(`${baseUrl()}/conversations?window=31d`);
    await page.locator('[data-server-row]').first().waitFor();
    await expectNoAxeViolations(page);
  });

  it('a phone with the filter sheet open: no violations', async () => {
    const { page } = await browser.newPage({ colorScheme, viewport: { width: 375, height: 740 }, isMobile: true });
    await openInbox(page);
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('dialog', { name: 'Filters' }).waitFor();
    await expectNoAxeViolations(page);
  });
});
