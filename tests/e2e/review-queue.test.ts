import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { aiHandoff, seedConversation, smsThread, unusualData } from '../../src/mocks/fixtures/conversations';
import { APP_ROWS, baseUrl, expectNoAxeViolations, expectNoHorizontalScroll, setupBrowser } from './browser';

const browser = setupBrowser();
const desktop = { width: 1280, height: 800 };
const phone = { width: 360, height: 780 };
/** The hand-written samples, older than every generated conversation: the demo's seeded reviews are on them. */
const SAMPLES = '?before=2026-08-01T00:00:00Z';

const rowIds = (page: Page) =>
  page
    .locator('[data-row-index] a[data-conversation-id]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('data-conversation-id')!));
const row = (page: Page, id: string) =>
  page.locator('[data-row-index]', { has: page.locator(`a[data-conversation-id="${id}"]`) });

async function openInbox(page: Page, query: string) {
  await page.goto(`${baseUrl()}/conversations${query}`);
  await page.getByRole('heading', { level: 1, name: 'Conversations' }).waitFor();
  await page.locator(APP_ROWS).first().waitFor();
}

/** The reviewer of this browser (the demo's visitor) marks a conversation, as from another tab. */
async function markAsMe(page: Page, conversationId: string, status: string) {
  const answer = await page.evaluate(
    async ([id, wanted]) => {
      const path = `/api/reviews/conversations/${id}`;
      const { status: current } = (await (await fetch(path)).json()) as { status: { version: number } };
      const response = await fetch(`${path}/status`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: wanted, expectedVersion: current.version }),
      });
      return response.status;
    },
    [conversationId, status],
  );
  expect(answer).toBe(200);
}

describe('review status in the inbox', () => {
  it('shows each row’s review status and who set it, and filters the loaded rows by it, "mine" included', async () => {
    const { page, problems } = await browser.newPage({ viewport: desktop });
    await openInbox(page, SAMPLES);
    await markAsMe(page, unusualData.id, 'reviewed');
    await page.reload();
    await row(page, smsThread.id).getByText('Needs follow-up').waitFor();
    await row(page, smsThread.id).getByText('by Sam Ortiz').waitFor();
    await row(page, aiHandoff.id).getByText('by Priya Raman').waitFor();
    await row(page, unusualData.id).getByText('by you').waitFor();

    await page.getByRole('combobox', { name: 'Review', exact: true }).selectOption('mine');
    await page.getByText(/of the \d+ loaded conversations where the review status is Mine/).waitFor();
    await expect.poll(() => rowIds(page)).toContain(unusualData.id);
    // Reviewed by Sam, in review by Priya: not mine.
    expect(await rowIds(page)).not.toContain(seedConversation.id);
    expect(await rowIds(page)).not.toContain(aiHandoff.id);
    expect(page.url()).toContain('review=mine');
    await page.getByText('2 active filters').waitFor();

    // The filter is in the link: a reload keeps it.
    await page.reload();
    await page.locator(APP_ROWS).first().waitFor();
    await expect.poll(() => rowIds(page)).toContain(unusualData.id);
    expect(await page.getByRole('combobox', { name: 'Review', exact: true }).inputValue()).toBe('mine');

    await page.getByRole('combobox', { name: 'Review', exact: true }).selectOption('needs_follow_up');
    await expect.poll(() => rowIds(page)).toEqual([smsThread.id]);
    expect(problems).toEqual([]);
  });
});

describe('the review queue', () => {
  it('from the inbox, r three times: each marks the conversation reviewed and lands on the next unreviewed', async () => {
    const { page, problems } = await browser.newPage({ viewport: desktop });
    // Rows nobody has reviewed: the queue's order is theirs.
    await openInbox(page, '?status=CLOSED&channel=CHAT&review=not_reviewed');
    await expect.poll(async () => (await rowIds(page)).length).toBeGreaterThanOrEqual(4);
    const [first, second, third, fourth] = await rowIds(page);
    await page.locator(`a[data-conversation-id="${first}"]`).click();
    await page.waitForURL(new RegExp(`/conversations/${first}\\?from=`));
    const review = page.getByRole('region', { name: 'Review' });
    for (const [current, next] of [
      [first, second],
      [second, third],
      [third, fourth],
    ]) {
      // This conversation's page, not the last one's on its way out (its keys would still answer).
      await page.getByText(current!, { exact: true }).first().waitFor();
      await review.getByText('Review status:').waitFor();
      await review.getByText('Reviewing as').waitFor();
      await page.keyboard.press('r');
      await page.waitForURL(new RegExp(`/conversations/${next}\\?from=`));
    }
    await page
      .getByRole('navigation', { name: /opened from/ })
      .getByRole('link', { name: 'Back to the list' })
      .click();
    await page.locator(APP_ROWS).first().waitFor();
    // Reviewed now, they have left the list of unreviewed ones; without the filter they say so.
    await expect.poll(async () => (await rowIds(page)).slice(0, 1)).toEqual([fourth]);
    await page.getByRole('combobox', { name: 'Review', exact: true }).selectOption('');
    for (const id of [first!, second!, third!]) {
      await row(page, id).getByText('Reviewed', { exact: true }).waitFor();
      await row(page, id).getByText('by you').waitFor();
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('says so when no unreviewed conversation is left', async () => {
    const { page, problems } = await browser.newPage({ viewport: desktop });
    await openInbox(page, `${SAMPLES}&review=needs_follow_up`);
    await page.locator(`a[data-conversation-id="${smsThread.id}"]`).click();
    const walk = page.getByRole('navigation', { name: /opened from/ });
    await walk.getByText('1 of 1').waitFor();
    await walk.getByRole('button', { name: /Next unreviewed/ }).click();
    await walk.getByText('No unreviewed conversation is left in this list.').waitFor();
    expect(problems).toEqual([]);
  });
});

describe.each(['light', 'dark'] as const)('accessibility of the review queue, %s', (colorScheme) => {
  it('the inbox with review statuses and a review filter, on a desktop and a 360 px phone, and the walk bar', async () => {
    const { page, problems } = await browser.newPage({ viewport: desktop, colorScheme });
    await openInbox(page, SAMPLES);
    await row(page, smsThread.id).getByText('Needs follow-up').waitFor();
    await expectNoAxeViolations(page);
    await page.setViewportSize(phone);
    await page.getByRole('combobox', { name: 'Review', exact: true }).selectOption('reviewed');
    await page.getByText(/where the review status is Reviewed/).waitFor();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await page.locator('[data-row-index] a[data-conversation-id]').first().click();
    await page
      .getByRole('navigation', { name: /opened from/ })
      .getByRole('button', { name: /Next unreviewed/ })
      .waitFor();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });
});
