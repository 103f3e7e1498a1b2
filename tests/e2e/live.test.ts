import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/api/conversation';
import { benchConversationId } from '../../src/mocks/fixtures/bench-conversations';
import { plusSeconds } from '../../src/mocks/fixtures/builders';
import { LIVE_REFRESH_MS } from '../../src/features/conversation/live-polling';
import { drills } from '../../src/mocks/fixtures/drills';
import { LIVE_CALL_NAME } from '../../src/mocks/fixtures/live-call';
import { baseUrl, expectNoAxeViolations, idInViewport, setupBrowser } from './browser';

// Real time: the page re-reads every 5 s, so each story waits a poll or two. The BFF's 304s are
// counted on the wire; growth comes from the demo's live call or from the test (page.route).
const browser = setupBrowser();
const POLL_WAIT_MS = 12_000;
const chatId = benchConversationId(100);
const quietId = drills.find((drill) => drill.label === 'No messages yet')!.id;

/**
 * The 100-message chat served as an ACTIVE conversation that gains `arriving` messages from its
 * second read on (the BFF answers the first; the test changes what the page gets).
 */
async function growingChat(page: Page, arriving: number) {
  let original: Conversation | null = null;
  let reads = 0;
  await page.route(`**/api/v3/Conversations/${chatId}`, async (route: Route) => {
    reads += 1;
    if (!original) {
      const response = await route.fetch({ headers: { ...route.request().headers(), 'if-none-match': '' } });
      original = { ...((await response.json()) as Conversation), status: 'ACTIVE' };
    }
    const last = original.communications.at(-1)!;
    const added =
      reads === 1
        ? []
        : Array.from({ length: arriving }, (_, i) => ({
            ...last,
            id: `conv_communication_0live${String(i).padStart(21, '0')}`,
            content: { text: `Arrived while reading (${i + 1})` },
            createdAt: plusSeconds(last.createdAt, 10 + i),
          }));
    await route.fulfill({ json: { ...original, communications: [...original.communications, ...added] } });
  });
  await page.goto(`${baseUrl()}/conversations/${chatId}`);
  await page.getByRole('log', { name: 'Transcript' }).waitFor();
  await page.locator('[data-message]').first().waitFor();
}

/** The first message whose bottom is below the top of the window, and where its top is. */
const firstInView = (page: Page) =>
  page.evaluate(() => {
    for (const row of document.querySelectorAll<HTMLElement>('[data-message]')) {
      const box = row.getBoundingClientRect();
      if (box.bottom > 0) return { id: row.id, top: box.top };
    }
    return null;
  });

/** Scrolls to the bottom until the page stops growing (rows are measured as they come into view). */
async function scrollToTheEnd(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const end = document.documentElement.scrollHeight - window.innerHeight;
        window.scrollTo(0, end);
        await new Promise((resolve) => setTimeout(resolve, 100));
        return Math.abs(window.scrollY - (document.documentElement.scrollHeight - window.innerHeight)) < 2;
      }),
    )
    .toBe(true);
}

describe('a live conversation in Chromium', () => {
  it('keeps a reader in the middle exactly where they are while 50 messages arrive, and takes them there on request', async () => {
    const { page, problems } = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await growingChat(page, 50);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await page.waitForTimeout(300);
    const before = await firstInView(page);
    expect(before).not.toBeNull();

    const button = page.getByRole('button', { name: '50 new messages' });
    await button.waitFor({ timeout: POLL_WAIT_MS });
    const after = await firstInView(page);
    expect(after?.id).toBe(before!.id);
    expect(Math.abs(after!.top - before!.top)).toBeLessThanOrEqual(1);
    await expectNoAxeViolations(page);

    await button.click();
    const firstNew = 'conv_communication_0live000000000000000000000';
    await expect.poll(() => idInViewport(page, firstNew)).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(firstNew);
    expect(problems).toEqual([]);
  });

  it('follows a reader at the end as messages arrive', async () => {
    const { page, problems } = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await growingChat(page, 5);
    await scrollToTheEnd(page);
    await page.getByText('Arrived while reading (5)').waitFor({ timeout: POLL_WAIT_MS });
    await expect.poll(() => idInViewport(page, 'conv_communication_0live000000000000000000004')).toBe(true);
    expect(await page.getByRole('button', { name: /new messages?$/ }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('re-reads a quiet ACTIVE conversation with If-None-Match, off the main thread, and gets 304s without a body', async () => {
    const { page, problems } = await browser.newPage();
    // Every message a worker posts to the page: a watching worker tells the page nothing of a 304.
    await page.addInitScript(() => {
      const counted = window as unknown as { heardFromWorkers: number };
      counted.heardFromWorkers = 0;
      const Original = window.Worker;
      window.Worker = class extends Original {
        constructor(...args: ConstructorParameters<typeof Worker>) {
          super(...args);
          this.addEventListener('message', () => counted.heardFromWorkers++);
        }
      };
    });
    const answers: Array<{ status: number; bytes: number; ifNoneMatch: string | undefined }> = [];
    page.on('response', async (response) => {
      if (!response.url().endsWith(`/api/v3/Conversations/${quietId}`)) return;
      const body = response.status() === 304 ? Buffer.alloc(0) : await response.body();
      answers.push({
        status: response.status(),
        bytes: body.length,
        ifNoneMatch: (await response.request().headerValue('if-none-match')) ?? undefined,
      });
    });
    await page.goto(`${baseUrl()}/conversations/${quietId}`);
    await page.getByText('This conversation has no communications yet.').waitFor();
    await expect.poll(() => answers.length, { timeout: POLL_WAIT_MS + 5_000 }).toBeGreaterThanOrEqual(3);
    expect(answers[0]).toMatchObject({ status: 200, ifNoneMatch: undefined });
    for (const later of answers.slice(1)) {
      expect(later.status).toBe(304);
      expect(later.bytes).toBe(0);
      expect(later.ifNoneMatch).toMatch(/^"[\w-]+"$/);
    }
    // The re-reads were a worker's requests: the page's own timeline has only the first read.
    const readByThePage = await page.evaluate(
      (path) => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith(path)).length,
      `/api/v3/Conversations/${quietId}`,
    );
    expect(readByThePage).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { heardFromWorkers: number }).heardFromWorkers)).toBe(0);
    expect(page.workers().map((worker) => new URL(worker.url()).pathname)).toEqual([
      expect.stringMatching(/^\/assets\/reread-worker-/),
    ]);
    expect(problems).toEqual([]);
  });

  it('waits as long as a 429 asks before reading again, then goes back to reading every 5 s', async () => {
    const { page, problems } = await browser.newPage();
    // Every read of the quiet conversation, when it left the page and how it was answered; the
    // first re-read is refused with a rate limit asking for 3 s (longer than the page's own 1 s
    // first retry, shorter than its 5 s tick), the rest reach the BFF.
    const RETRY_AFTER_S = 3;
    const reads: Array<{ at: number; status: number }> = [];
    await page.route(`**/api/v3/Conversations/${quietId}`, async (route: Route) => {
      const at = Date.now();
      if (reads.length === 1) {
        reads.push({ at, status: 429 });
        await route.fulfill({
          status: 429,
          headers: { 'Retry-After': String(RETRY_AFTER_S) },
          json: { code: 20429, message: 'Too Many Requests', more_info: '', status: 429 },
        });
        return;
      }
      const response = await route.fetch();
      reads.push({ at, status: response.status() });
      await route.fulfill({ response });
    });
    await page.goto(`${baseUrl()}/conversations/${quietId}`);
    await page.getByText('This conversation has no communications yet.').waitFor();
    await expect.poll(() => reads.length, { timeout: 2 * POLL_WAIT_MS + 5_000 }).toBeGreaterThanOrEqual(4);
    expect(reads.map((read) => read.status)).toEqual([200, 429, 304, 304]);
    const gap = (i: number) => reads[i]!.at - reads[i - 1]!.at;
    // Asked for 3 s, it waited 3 s (not its default first retry of 1 s, nor a whole tick) ...
    expect(gap(2)).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 50);
    expect(gap(2)).toBeLessThan(LIVE_REFRESH_MS);
    // ... and then read every 5 s again.
    expect(gap(3)).toBeGreaterThanOrEqual(LIVE_REFRESH_MS - 50);
    expect(gap(3)).toBeLessThan(LIVE_REFRESH_MS + 2_000);
    await expect(page.getByText('This conversation has no communications yet.').isVisible()).resolves.toBe(true);
    // A read still on its way when the page closes must not answer into a closed page.
    await page.unrouteAll({ behavior: 'wait' });
    expect(problems).toEqual([]);
  }, 60_000);

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows the demo's call as it happens, its new sentiment readings marked New (${colorScheme})`, async () => {
      const { page, problems } = await browser.newPage({ colorScheme, viewport: { width: 1280, height: 900 } });
      await page.goto(baseUrl());
      await page.getByRole('link', { name: new RegExp(LIVE_CALL_NAME.replace(/[()]/g, '\\$&')) }).click();
      await page.getByRole('heading', { level: 1, name: LIVE_CALL_NAME }).waitFor();
      await page.getByText('Live: new messages and results appear as they arrive.').waitFor();
      const count = () => page.locator('[data-message]').count();
      const start = await count();
      await expect.poll(count, { timeout: POLL_WAIT_MS }).toBeGreaterThan(start);
      const results = page.getByRole('region', { name: /Operator results/ });
      await results.getByText('New', { exact: true }).first().waitFor({ timeout: 30_000 });
      await expectNoAxeViolations(page);

      // Two sentiment readings make a strip; its first step selects that run and dims what it had not seen.
      const strip = page.getByRole('list', { name: 'Customer sentiment over the conversation' });
      await strip.waitFor({ timeout: 45_000 });
      await strip.getByRole('button').first().click();
      await expect.poll(() => page.locator('[data-unseen="first"]').count()).toBe(1);
      expect(await page.getByText('The operator had not seen these yet').isVisible()).toBe(true);
      await expectNoAxeViolations(page);
      expect(problems).toEqual([]);
      // The call is scripted over a minute of real time: a step every 4 s, a reading every 12 s.
    }, 90_000);
  }
});
