/**
 * The inbox's figures for `npm run bench` (bench/README.md), measured in headless Chromium against
 * the demo account with DEMO_ACCOUNT_SIZE=2400:
 *   1. a deep link to the inbox with filters → its first rows painted, in a fresh context per run,
 *      against the React-only reference page of the same run;
 *   2. scrolling through 2,000 loaded rows, top to bottom: long tasks over 50 ms;
 *   3. a conversation opened from the inbox after its row was hovered (its data already in the
 *      cache): click → its transcript painted;
 *   4. back to the inbox: history.back() → the rows painted again.
 * `npm run bench:inbox` runs these alone (its own server and reference page) and prints them.
 */
import type { Browser, Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { positiveInt, runBenchmark, alignColumns } from './bench-common';
import { startFloorServer } from './bench-floor';
import { measurePaint, type Problems } from './bench-browser';
import { median, round } from './bench-stats';
import { launchChromium } from './chromium';
import { startServer } from './start-server';

/** The demo account the inbox figures need: thousands of conversations to page through. */
export const INBOX_SERVER_ENV = { DEMO_ACCOUNT_SIZE: '2400' };
export const INBOX_DEEP_LINK = '/conversations?status=CLOSED&channel=SMS&channel=VOICE&window=31d';
const SCROLLED_ROWS = 2_000;

export const INBOX_TARGETS = { firstRowsVsReference: 2, longTasksWhileScrolling: 0, openMs: 100, backMs: 100 };

/**
 * In the page before the app: `__inbox.rows` resolves at the frame after the first row is in the
 * DOM; `__inbox.arm(selector)` then `__inbox.until` time the next click (or `history.back()`) to
 * the frame after `selector` appears; long tasks are counted from `__inbox.countLongTasks()` on.
 */
const PROBE = String.raw`(() => {
  const afterNextFrame = (callback) => requestAnimationFrame(() => setTimeout(callback, 0));
  const appears = (selector) =>
    new Promise((resolve) => {
      const check = () => {
        if (!document.querySelector(selector)) return false;
        const at = performance.now();
        afterNextFrame(() => resolve({ at, paintedAt: performance.now() }));
        return true;
      };
      if (check()) return;
      const observer = new MutationObserver(() => check() && observer.disconnect());
      observer.observe(document, { childList: true, subtree: true });
    });
  const rows = appears('[data-row-index]');
  // The rows the app renders itself, which replace the ones the server painted from the HTML.
  const appRows = appears('[data-row-index]:not([data-server-row])');
  let armed = null;
  document.addEventListener('click', () => { if (armed && armed.startedAt === null) armed.startedAt = performance.now(); }, { capture: true });
  const arm = (selector) => {
    armed = { startedAt: null, shown: null, selector };
  };
  const back = () => { armed.startedAt = performance.now(); history.back(); };
  const until = async () => {
    const { paintedAt } = await appears(armed.selector);
    return paintedAt - armed.startedAt;
  };
  let longTasks = null;
  const countLongTasks = () => {
    longTasks = [];
    new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: false });
  };
  window.__inbox = { rows, appRows, arm, back, until, countLongTasks, longTasks: () => longTasks };
})();`;

const CONTEXT = { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'UTC' } as const;

async function probed(browser: Browser, problems: Problems, what: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext(CONTEXT);
  await context.addInitScript({ content: PROBE });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${what}: page error: ${error.message}`));
  return { page, close: () => context.close() };
}

/** Deep link → first rows painted, and → the app's own rows painted (usable), ms since navigation. */
async function firstRows(browser: Browser, url: string, problems: Problems): Promise<{ rows: number; app: number }> {
  const { page, close } = await probed(browser, problems, 'inbox deep link');
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const rows = (await page.evaluate('window.__inbox.rows')) as { paintedAt: number };
    const app = (await page.evaluate('window.__inbox.appRows')) as { paintedAt: number };
    return { rows: round(rows.paintedAt), app: round(app.paintedAt) };
  } finally {
    await close();
  }
}

export type InboxResult = {
  deepLink: {
    url: string;
    samplesMs: number[];
    medianMs: number;
    /** When the app's own rows replaced the server's: the rows work (keys, hover, the app's links). */
    appSamplesMs: number[];
    appMedianMs: number;
  };
  scrolling: { rowsLoaded: number; longTasksMs: number[] };
  open: { samplesMs: number[]; medianMs: number };
  back: { samplesMs: number[]; medianMs: number };
};

/** Loads rows until `count` are in, scrolling to the end of the page. */
async function loadRows(page: Page, count: number): Promise<number> {
  const loaded = () =>
    page.evaluate(() => Number(/^(\d+) loaded/.exec(document.querySelector('p[aria-live]')?.textContent ?? '')?.[1] ?? 0));
  for (let i = 0; i < 400 && (await loaded()) < count; i++) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(60);
  }
  return loaded();
}

export async function measureInbox(browser: Browser, baseUrl: string, runs: number, problems: Problems): Promise<InboxResult> {
  const deepLinks: Array<{ rows: number; app: number }> = [];
  for (let run = 0; run < runs; run++) deepLinks.push(await firstRows(browser, baseUrl + INBOX_DEEP_LINK, problems));
  const deepLinkSamples = deepLinks.map((sample) => sample.rows);
  const appSamples = deepLinks.map((sample) => sample.app);

  const { page, close } = await probed(browser, problems, 'inbox');
  try {
    await page.goto(`${baseUrl}/conversations`);
    await page.evaluate('window.__inbox.appRows');
    const rowsLoaded = await loadRows(page, SCROLLED_ROWS);
    // Top to bottom through every loaded row, a screenful a frame, as a fast scroll would.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.evaluate('window.__inbox.countLongTasks()');
    await page.evaluate(async () => {
      const end = document.documentElement.scrollHeight * 0.95;
      while (window.scrollY < end - window.innerHeight) {
        window.scrollBy(0, window.innerHeight * 0.8);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    });
    await page.waitForTimeout(300);
    const longTasksMs = ((await page.evaluate('window.__inbox.longTasks()')) as number[]).map((ms) => round(ms));

    const open: number[] = [];
    const back: number[] = [];
    await page.evaluate(() => window.scrollTo(0, 0));
    for (let run = 0; run < runs; run++) {
      const link = page.locator(`[data-row-index="${run * 2 + 1}"] a[data-conversation-id]`);
      await link.hover();
      // Its data is in once the prefetch has finished.
      await page.waitForLoadState('networkidle');
      await page.evaluate('window.__inbox.arm("[data-message]")');
      await link.click();
      open.push(round((await page.evaluate('window.__inbox.until()')) as number));
      await page.waitForLoadState('networkidle');
      await page.evaluate('window.__inbox.arm("[data-row-index]")');
      await page.evaluate('window.__inbox.back()');
      back.push(round((await page.evaluate('window.__inbox.until()')) as number));
      await page.waitForLoadState('networkidle');
    }
    return {
      deepLink: {
        url: INBOX_DEEP_LINK,
        samplesMs: deepLinkSamples,
        medianMs: round(median(deepLinkSamples)),
        appSamplesMs: appSamples,
        appMedianMs: round(median(appSamples)),
      },
      scrolling: { rowsLoaded, longTasksMs: longTasksMs.filter((ms) => ms > 50) },
      open: { samplesMs: open, medianMs: round(median(open)) },
      back: { samplesMs: back, medianMs: round(median(back)) },
    };
  } finally {
    await close();
  }
}

export type InboxCheck = { figure: string; value: string; target: string; met: boolean | null };

export function inboxChecks(inbox: InboxResult, referenceMedianMs: number): InboxCheck[] {
  const ratio = round(inbox.deepLink.medianMs / referenceMedianMs, 2);
  return [
    {
      figure: 'inbox deep link (filters) → first rows painted',
      value: `${inbox.deepLink.medianMs} ms (${ratio}× the reference page)`,
      target: `≤ ${INBOX_TARGETS.firstRowsVsReference}× reference`,
      met: ratio <= INBOX_TARGETS.firstRowsVsReference,
    },
    {
      figure: 'inbox deep link (filters) → the app’s own rows painted (usable)',
      value: `${inbox.deepLink.appMedianMs} ms (${round(inbox.deepLink.appMedianMs / referenceMedianMs, 2)}× the reference page)`,
      target: '',
      met: null,
    },
    {
      figure: `scrolling ${inbox.scrolling.rowsLoaded.toLocaleString('en-US')} loaded rows: long tasks > 50 ms`,
      value: `${inbox.scrolling.longTasksMs.length}${inbox.scrolling.longTasksMs.length ? ` (${inbox.scrolling.longTasksMs.join(', ')} ms)` : ''}`,
      target: `${INBOX_TARGETS.longTasksWhileScrolling}`,
      met:
        inbox.scrolling.longTasksMs.length <= INBOX_TARGETS.longTasksWhileScrolling &&
        inbox.scrolling.rowsLoaded >= SCROLLED_ROWS,
    },
    {
      figure: 'inbox → prefetched conversation, click → painted',
      value: `${inbox.open.medianMs} ms`,
      target: `≤ ${INBOX_TARGETS.openMs} ms`,
      met: inbox.open.medianMs <= INBOX_TARGETS.openMs,
    },
    {
      figure: 'back to the inbox → rows painted',
      value: `${inbox.back.medianMs} ms`,
      target: `≤ ${INBOX_TARGETS.backMs} ms`,
      met: inbox.back.medianMs <= INBOX_TARGETS.backMs,
    },
  ];
}

async function main(): Promise<number> {
  const runs = positiveInt('BENCH_RUNS', 5, 100);
  const server = await startServer(INBOX_SERVER_ENV);
  const floor = await startFloorServer();
  const browser = await launchChromium();
  const problems: Problems = [];
  try {
    // Interleaved with the inbox's deep links' runs would be fairer; one block each keeps it simple.
    await measurePaint(browser, floor.url, 'warm-up', problems);
    await firstRows(browser, server.url + INBOX_DEEP_LINK, problems);
    const reference: number[] = [];
    for (let run = 0; run < runs; run++) reference.push(await measurePaint(browser, floor.url, 'reference page', problems));
    const inbox = await measureInbox(browser, server.url, runs, problems);
    const referenceMs = round(median(reference));
    const rows = [
      ['figure', 'result', 'target', ''],
      ['reference page: React alone, one fetch, 20 rows', `${referenceMs} ms`, '', ''],
      ...inboxChecks(inbox, referenceMs).map((check) => [
        check.figure,
        check.value,
        check.target,
        check.met === null ? '' : check.met ? '✓' : '✗',
      ]),
    ];
    process.stdout.write(`${alignColumns(rows)}\n`);
    process.stdout.write(`Medians of ${runs} runs. Samples: ${JSON.stringify({ reference, ...inbox })}\n`);
  } finally {
    await browser.close();
    await Promise.all([server.stop(), floor.stop()]);
  }
  if (problems.length) {
    process.stderr.write(`The benchmark broke:\n${problems.join('\n')}\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) runBenchmark(main, 10 * 60_000);
