import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { smsThread } from '../../src/mocks/fixtures/conversations';
import { operatorResults } from '../../src/mocks/fixtures/operator-results';
import { baseUrl, setupBrowser } from './browser';

const browser = setupBrowser();
const [summaryId] = smsThread.operatorResultIds as [string];
const summary = operatorResults.find((result) => result.id === summaryId)!;

/**
 * Every time on the page that names an instant (day dividers name a day), as it reads and as the
 * browser writes that instant in UTC: a time, or a date and time. In New York none of them reads
 * the same in local time and in UTC.
 */
function timesOnThePage(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('time')]
      .filter((time) => time.dateTime.includes('T'))
      .map((time) => {
        const date = new Date(time.dateTime);
        const inUtc = (options: Intl.DateTimeFormatOptions) =>
          new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }).format(date);
        return {
          text: time.textContent,
          utc: [
            inUtc({ hour: '2-digit', minute: '2-digit', second: '2-digit' }),
            inUtc({ dateStyle: 'medium', timeStyle: 'long' }),
          ],
        };
      }),
  );
}

async function expectEveryTimeInUtc(page: Page, atLeast: number) {
  const times = await timesOnThePage(page);
  expect(times.length).toBeGreaterThanOrEqual(atLeast);
  for (const { text, utc } of times) expect(utc).toContain(text);
}

const field = (page: Page, label: string) => page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('+ dd');
const mediumInUtc = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
/** Node and Chromium may put different spaces before "PM". */
const spaced = (text: string | null) => text?.replace(/\s/g, ' ');
const read = async (download: Download) => readFile((await download.path())!, 'utf8');

describe('one clock: UTC everywhere once chosen', () => {
  it('switches every time on the conversation page, its review, every export, the result page and the inbox, and links keep it', async () => {
    const { page, problems } = await browser.newPage({
      timezoneId: 'America/New_York',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.goto(`${baseUrl()}/conversations/${smsThread.id}`);
    const results = page.getByRole('region', { name: /Operator results/ });
    await results.locator('time').nth(1).waitFor();
    // 21:48:12 UTC on 9 March 2026 is 17:48:12 in New York (daylight time since the 8th).
    expect(await field(page, 'Started').textContent()).toMatch(/^Mar 9, 2026, 5:48:12\sPM EDT$/);

    await page.getByRole('button', { name: 'UTC', exact: true }).click();
    await page.getByText(/times in UTC, UTC on hover/).waitFor();
    expect(new URL(page.url()).searchParams.get('tz')).toBe('utc');
    expect(await field(page, 'Started').textContent()).toMatch(/^Mar 9, 2026, 9:48:12\sPM UTC$/);
    expect(await field(page, 'Last updated').textContent()).toMatch(/^Mar 10, 2026, 3:05:40\sPM UTC$/);
    expect(await page.locator('[data-message] time').first().textContent()).toBe('09:48:15 PM');
    expect(await results.locator('time').count()).toBe(2);
    // The header's two, the results panel's two and every message drawn.
    await expectEveryTimeInUtc(page, 2 + 2 + 5);

    // Every export writes UTC too.
    await page.getByText('Copy or export').click();
    await page.getByRole('button', { name: 'Copy as plain text' }).click();
    await page.getByText('Copied the transcript as plain text').waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('\nStarted: 2026-03-09 21:48:12\nLast updated: 2026-03-10 15:05:40\nTimes in UTC\n');
    expect(text).toContain('\n--- 2026-03-09 (Monday) ---\n[21:48:15] Maria Gonzalez (Customer): Hi, I need');
    expect(text).toContain('\n--- 2026-03-10 (Tuesday) ---\n');

    // The menu stays open after the copy.
    const download = async (format: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Download ${format}` }).click(),
      ]);
      return read(file);
    };
    const markdown = await download('Markdown');
    expect(markdown).toContain('\n- **Started:** 2026-03-09 21:48:12\n- **Last updated:** 2026-03-10 15:05:40\n- Times in UTC\n');
    expect(markdown).toContain('\n### 2026-03-09 (Monday)\n\n- `21:48:15` **Maria Gonzalez**');
    const csv = (await download('CSV')).split('\r\n');
    expect(csv[1]).toMatch(/^2026-03-09T21:48:15Z,Maria Gonzalez,/);
    expect(csv.filter((row) => /^\d{4}-/.test(row)).every((row) => /^[^,]+Z,/.test(row))).toBe(true);
    // JSON is the conversation as the API returned it, whose times are UTC already.
    const json = JSON.parse(await download('JSON')) as typeof smsThread;
    expect(json.createdAt).toBe('2026-03-09T21:48:12Z');
    expect(json.communications[0]!.createdAt).toBe(smsThread.communications[0]!.createdAt);

    // The result's own page keeps the zone, and so does the way back.
    await results.getByRole('link', { name: /^Full result: Conversation summary/ }).click();
    await page.getByRole('heading', { level: 2, name: 'How it was produced' }).waitFor();
    expect(new URL(page.url()).searchParams.get('tz')).toBe('utc');
    expect(spaced(await field(page, 'Created').textContent())).toBe(spaced(mediumInUtc(summary.dateCreated!)));
    await expectEveryTimeInUtc(page, 2);
    await page.getByRole('link', { name: '← Back to the conversation' }).click();
    await page.getByText(/times in UTC, UTC on hover/).waitFor();
    expect(new URL(page.url()).searchParams.get('tz')).toBe('utc');
    expect(await page.getByRole('button', { name: 'UTC', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expectEveryTimeInUtc(page, 2 + 2 + 5);

    // The review beside it: its status, its note and its history.
    const review = page.getByRole('region', { name: 'Review' });
    await review.getByText('Follow up: nobody confirmed the new appointment time.').waitFor();
    await review.getByText('History of this review').click();
    await review.locator('details time').first().waitFor();
    const reviewTimes = await review.locator('time').count();
    // The status, the note, and at least the history's two entries (the status set, the note written).
    expect(reviewTimes).toBeGreaterThanOrEqual(4);
    await expectEveryTimeInUtc(page, 2 + 2 + 5 + reviewTimes);

    // The inbox, reached from the header: each row's start, in UTC on hover (and its date beyond 60 days).
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Conversations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conversations' }).waitFor();
    expect(new URL(page.url()).searchParams.get('tz')).toBe('utc');
    const starts = page.locator('[data-row-index] time');
    await starts.first().waitFor();
    const rows = await starts.evaluateAll((times) =>
      times.map((time) => ({ iso: time.getAttribute('datetime')!, title: time.getAttribute('title'), text: time.textContent! })),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const { iso, title, text } of rows) {
      expect(spaced(title)).toBe(spaced(mediumInUtc(iso)));
      if (/^\d{4}-/.test(text)) expect(text).toBe(new Date(iso).toISOString().slice(0, 10));
    }
    expect(problems).toEqual([]);
  });
});
