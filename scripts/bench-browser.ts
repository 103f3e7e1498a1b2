/**
 * The browser half of `npm run bench`: what a deep link to a conversation costs in headless
 * Chromium (code size, time to the painted transcript, DOM size, heap) and how fast
 * find-in-transcript highlights a keystroke. See bench/README.md for what each figure means.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { sleep, withTimeout } from './bench-common';
import { round } from './bench-stats';
import { PAGE_PROBE, type FindTiming, type PageResources, type Painted } from './bench-page-probe';

/** A desktop window: the transcript and the side panel side by side, as most people read it. */
const CONTEXT_OPTIONS = {
  viewport: { width: 1366, height: 900 },
  deviceScaleFactor: 1,
  locale: 'en-US',
  timezoneId: 'UTC',
  colorScheme: 'light',
} as const;
/** How long the page may take to show the transcript before the run counts as broken. */
const PAINT_TIMEOUT_MS = 60_000;
/** After the paint, time for late effects (measuring rows, the side panel's requests) before counting. */
export const SETTLE_MS = 500;

/** Something that broke the benchmark (not a slow figure): a page error, a failed request, an HTTP error. */
export type Problems = string[];

/**
 * Records what went wrong on a page, as it happens, until the returned function is called (closing
 * the context aborts whatever is still in flight, which is not a failure).
 */
function watchPage(page: Page, what: string, problems: Problems): () => void {
  let watching = true;
  const report = (problem: string) => {
    if (watching) problems.push(`${what}: ${problem}`);
  };
  page.on('pageerror', (error) => report(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const why = request.failure()?.errorText;
    // Cancelled by the browser or the app (Chromium re-fetching the favicon, a superseded query):
    // not a failure. A measurement that needed the request fails on its own without it.
    if (why === 'net::ERR_ABORTED') return;
    report(`${request.method()} ${new URL(request.url()).pathname} failed: ${why}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) report(`HTTP ${response.status()} for ${new URL(response.url()).pathname}`);
  });
  return () => (watching = false);
}

/** `page.evaluate` of an expression on `window.__bench`: typed here, since the probe is a string. */
const inPage = <T>(page: Page, expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;

type ProbedPage = { context: BrowserContext; page: Page; close: () => Promise<void> };

/** A fresh context (its own empty HTTP cache) with the probe installed. */
async function probedPage(browser: Browser, what: string, problems: Problems): Promise<ProbedPage> {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  await context.addInitScript({ content: PAGE_PROBE });
  const page = await context.newPage();
  const stopWatching = watchPage(page, what, problems);
  return {
    context,
    page,
    close: async () => {
      stopWatching();
      await context.close();
    },
  };
}

async function openAndWaitForPaint(page: Page, url: string): Promise<Painted> {
  await page.goto(url, { waitUntil: 'commit' });
  return withTimeout(inPage<Painted>(page, 'window.__bench.painted'), PAINT_TIMEOUT_MS, `Painting ${url}`);
}

// ---------------------------------------------------------------------------------------------
// 1. Code loaded for a deep link

export type CodeFile = { path: string; kind: 'js' | 'css'; rawBytes: number; gzipBytes: number };
export type CodeSize = {
  files: CodeFile[];
  js: { rawBytes: number; gzipBytes: number };
  css: { rawBytes: number; gzipBytes: number };
};

const codeKind = (response: Response): CodeFile['kind'] | null => {
  const type = response.headers()['content-type'] ?? '';
  const path = new URL(response.url()).pathname;
  if (/javascript/.test(type) || path.endsWith('.js')) return 'js';
  if (/text\/css/.test(type) || path.endsWith('.css')) return 'css';
  return null;
};

/**
 * Every script and stylesheet the page loads for a deep link, until the transcript is painted and
 * the network is idle (lazy route chunks included), each gzipped at zlib's default level: what a
 * compressing server or CDN would send.
 */
export async function measureCodeSize(browser: Browser, url: string, problems: Problems): Promise<CodeSize> {
  const { page, close } = await probedPage(browser, 'code size', problems);
  try {
    const bodies: Array<Promise<CodeFile | null>> = [];
    page.on('response', (response) => {
      const kind = codeKind(response);
      if (!kind || response.status() !== 200) return;
      bodies.push(
        response.body().then((body) => ({
          path: new URL(response.url()).pathname,
          kind,
          rawBytes: body.length,
          gzipBytes: gzipSync(body).length,
        })),
      );
    });
    await openAndWaitForPaint(page, url);
    await page.waitForLoadState('networkidle');
    const files = (await Promise.all(bodies)).filter((file): file is CodeFile => file !== null);
    const sum = (kind: CodeFile['kind']) => {
      const ofKind = files.filter((file) => file.kind === kind);
      return {
        rawBytes: ofKind.reduce((total, file) => total + file.rawBytes, 0),
        gzipBytes: ofKind.reduce((total, file) => total + file.gzipBytes, 0),
      };
    };
    return { files: files.sort((a, b) => b.gzipBytes - a.gzipBytes), js: sum('js'), css: sum('css') };
  } finally {
    await close();
  }
}

// ---------------------------------------------------------------------------------------------
// 2, 3, 5, 6. Deep link opened → transcript painted; then the DOM and the heap

export type LoadSample = {
  /** Navigation start → the frame after the first message row was inserted. */
  paintMs: number;
  /** Navigation start → the first message row inserted (before layout and paint). */
  firstRowMs: number;
  /** Navigation start → the conversation's API answer fully received. */
  apiResponseEndMs: number;
  /** Navigation start → the last script or stylesheet received. */
  codeResponseEndMs: number;
  /** Everything the transcript needs had arrived: the later of the two above. */
  dataReadyMs: number;
  /** `paintMs - dataReadyMs`: parsing, validating, rendering, layout and paint once nothing is awaited. */
  renderAfterDataMs: number;
  /** The API request's own Server-Timing, to show it was answered from the BFF's cache. */
  apiServerTiming: { upstreamMs: number | null; appMs: number | null };
  apiBodyBytes: number;
  /** `li[data-message]` elements after the paint and SETTLE_MS. */
  domMessages: number;
  /** After a forced GC: V8's used heap (JS objects), and Blink's (DOM nodes and the like). */
  jsHeapUsedBytes: number;
  domHeapUsedBytes: number;
};

/** Opens `url` in a fresh context and measures one load: timings, then DOM size and heap after settling. */
export async function measureLoad(browser: Browser, url: string, what: string, problems: Problems): Promise<LoadSample> {
  const { context, page, close } = await probedPage(browser, what, problems);
  try {
    const painted = await openAndWaitForPaint(page, url);
    const { api, codeResponseEnd } = await inPage<PageResources>(page, 'window.__bench.resources()');
    if (!api || codeResponseEnd === null) throw new Error(`${what}: no Resource Timing for the conversation or the code`);
    await sleep(SETTLE_MS);
    const domMessages = await page.locator('li[data-message]').count();
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dataReadyMs = Math.max(api.responseEnd, codeResponseEnd);
    // The side panel's requests may still be running: let them finish rather than abort them.
    await page.waitForLoadState('networkidle');
    // performance.now() in a page that is not cross-origin isolated is coarsened to 0.1 ms.
    return {
      paintMs: round(painted.paintedAt),
      firstRowMs: round(painted.firstRowAt),
      apiResponseEndMs: round(api.responseEnd),
      codeResponseEndMs: round(codeResponseEnd),
      dataReadyMs: round(dataReadyMs),
      renderAfterDataMs: round(painted.paintedAt - dataReadyMs),
      apiServerTiming: { upstreamMs: api.serverUpstreamMs, appMs: api.serverAppMs },
      apiBodyBytes: api.encodedBodySize,
      domMessages,
      jsHeapUsedBytes: heap.usedSize,
      domHeapUsedBytes: heap.embedderHeapUsedSize,
    };
  } finally {
    await close();
  }
}

/** Opens `url` in a fresh context and returns when its first message row was painted (ms since navigation). */
export async function measurePaint(browser: Browser, url: string, what: string, problems: Problems): Promise<number> {
  const { close, page } = await probedPage(browser, what, problems);
  try {
    return round((await openAndWaitForPaint(page, url)).paintedAt);
  } finally {
    await close();
  }
}

/** Opens `url` once and waits for the paint: JIT, the BFF's fixtures and caches warm up. */
export async function warmPage(browser: Browser, url: string, problems: Problems): Promise<void> {
  const { page, close } = await probedPage(browser, `warm-up ${url}`, problems);
  try {
    await openAndWaitForPaint(page, url);
    await page.waitForLoadState('networkidle');
  } finally {
    await close();
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Find in the transcript: keystroke → highlights shown

export type FindKeystroke = { run: number; query: string; keyToDomMs: number; keyToPaintMs: number };

/** How long one keystroke may take to show its highlights before the run counts as broken. */
const FIND_TIMEOUT_MS = 10_000;

/**
 * Types `query` into the find box one character at a time, `runs` times, in one page (cleared and
 * scrolled back to the top between runs). Each keystroke is timed from its keydown to the frame
 * after the transcript first shows highlights for the text typed so far. The first keystroke of a
 * run includes building the search index: the box was empty, so there was none.
 */
export async function measureFind(
  browser: Browser,
  url: string,
  query: string,
  /** How many matches the whole query has in the conversation, to check the page found them all. */
  expectedMatches: number,
  runs: number,
  problems: Problems,
): Promise<FindKeystroke[]> {
  const { page, close } = await probedPage(browser, 'find', problems);
  try {
    await openAndWaitForPaint(page, url);
    await sleep(SETTLE_MS);
    const box = page.getByLabel('Find in the transcript');
    const keystrokes: FindKeystroke[] = [];
    for (let run = 1; run <= runs; run++) {
      await box.focus();
      for (let length = 1; length <= query.length; length++) {
        const typed = query.slice(0, length);
        await inPage(page, `window.__bench.armFind(${JSON.stringify(typed)})`);
        await page.keyboard.type(query[length - 1]!);
        const timing = await inPage<FindTiming>(page, `window.__bench.findResult(${FIND_TIMEOUT_MS})`);
        keystrokes.push({
          run,
          query: typed,
          keyToDomMs: timing.shownAt - timing.keydownAt,
          keyToPaintMs: timing.paintedAt - timing.keydownAt,
        });
        // Let the keystroke's follow-up work (scrolling to the first match) finish, as a person's
        // typing pace would.
        await sleep(150);
      }
      const status = (await page.locator('[role="search"] [role="status"]').textContent())?.trim();
      if (status !== `1 of ${expectedMatches}`) {
        problems.push(`find: "${query}" shows "${status}", expected "1 of ${expectedMatches}"`);
      }
      await clearFind(page);
    }
    return keystrokes;
  } finally {
    await close();
  }
}

async function clearFind(page: Page): Promise<void> {
  await page.getByLabel('Find in the transcript').fill('');
  // A locator, not waitForFunction: a string predicate is eval'd in the page, which its CSP forbids.
  await page.locator('[role="log"] mark[data-match]').first().waitFor({ state: 'detached', timeout: FIND_TIMEOUT_MS });
  await page.evaluate('window.scrollTo(0, 0)');
  await sleep(300);
}
