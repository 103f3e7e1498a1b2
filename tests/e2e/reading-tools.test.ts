import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { aiHandoff, longChat, seedConversation, smsThread } from '../../src/mocks/fixtures/conversations';
import { baseUrl, expectNoAxeViolations, isInViewport, setupBrowser } from './browser';

const browser = setupBrowser();
const conversationUrl = (id: string, query = '') => `${baseUrl()}/conversations/${id}${query}`;

describe('reading tools in a real browser', () => {
  it('on a phone, typing keeps the find box even when a participant matches first; stepping shows that tab', async () => {
    const { page, problems } = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(conversationUrl(seedConversation.id));
    await page.getByRole('log', { name: 'Transcript' }).waitFor();
    const box = page.getByRole('searchbox', { name: 'Find in the transcript' });
    const transcriptTab = page.getByRole('tab', { name: 'Transcript' });
    // "s" already matches a participant ("John Customer"); "sarah" only matches Sarah's name and address.
    await box.click();
    await page.keyboard.type('sarah');
    await page.getByRole('status').filter({ hasText: '1 of 2' }).waitFor();
    expect(await box.inputValue()).toBe('sarah');
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await transcriptTab.getAttribute('aria-selected')).toBe('true');

    // Stepping to a match shows the tab it is in, with the match marked there.
    await page.getByRole('button', { name: 'Next match' }).click();
    await page.getByRole('tab', { name: /^People/, selected: true }).waitFor();
    expect(await page.locator('mark[data-match="current"]').textContent()).toMatch(/^sarah$/i);

    // Back on the transcript, it stays: the match being in People does not pull the page away again.
    await transcriptTab.click();
    await page.getByRole('log', { name: 'Transcript' }).waitFor();
    await page.waitForTimeout(300);
    expect(await transcriptTab.getAttribute('aria-selected')).toBe('true');
    expect(problems).toEqual([]);
  });

  it('find: searches the whole conversation, counts, jumps between matches far apart', async () => {
    const { page, problems } = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(conversationUrl(longChat.id));
    await page.getByRole('log', { name: 'Transcript' }).waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('(#1999)');
    await page.getByRole('status').filter({ hasText: '1 of 1' }).waitFor();
    // The URL follows the box once typing pauses.
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('(#1999)');
    // Message 1,999 is thousands of pixels down: the match is scrolled into view.
    await expect.poll(() => isInViewport(page, 'mark[data-match="current"]')).toBe(true);

    await page.getByLabel('Find in the transcript').fill('webhook');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('webhook');
    const status = page.getByRole('status').filter({ hasText: /^\d+ of \d+$/ });
    await expect.poll(async () => Number((await status.textContent())!.split(' of ')[1])).toBeGreaterThan(10);
    const total = Number((await status.textContent())!.split(' of ')[1]);
    // Matches are counted in the data; only those near the viewport are in the DOM.
    const marked = await page.locator('mark[data-match]').count();
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBeLessThan(total);
    await page.getByLabel('Find in the transcript').press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `2 of ${total}` })
      .waitFor();
    await page.getByLabel('Find in the transcript').press('Shift+Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `1 of ${total}` })
      .waitFor();
    await page.getByLabel('Find in the transcript').press('Shift+Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `${total} of ${total}` })
      .waitFor();
    await expect.poll(() => isInViewport(page, 'mark[data-match="current"]')).toBe(true);
    expect(problems).toEqual([]);
  });

  it('filter by participant, kept in the link', async () => {
    const { page } = await browser.newPage();
    await page.goto(conversationUrl(aiHandoff.id));
    await page.getByRole('button', { name: 'Show only Marcus Lee' }).click();
    await page.getByText('4 of 10 messages shown · 6 hidden by filters').waitFor();
    const hide = new URL(page.url()).searchParams.get('hide')!;
    expect(hide.split(',').sort()).toEqual([aiHandoff.participants[0]!.id, aiHandoff.participants[1]!.id].sort());
    await page.reload();
    await page.getByText('4 of 10 messages shown · 6 hidden by filters').waitFor();
    expect(await page.locator('[data-message]').count()).toBe(4);
  });

  it('copy a link to a message, open it in a new page: it scrolls there and stands out', async () => {
    const { page } = await browser.newPage({
      viewport: { width: 1280, height: 700 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.goto(conversationUrl(longChat.id, '?tz=utc'));
    await page.getByRole('log', { name: 'Transcript' }).waitFor();
    // Message 1,501 is far down, not in the DOM yet: find takes the reader there.
    const target = longChat.communications[1500]!.id;
    await page.getByLabel('Find in the transcript').fill('(#1501)');
    await page.locator(`[id="${target}"]`).waitFor();
    // Esc clears the find box where the reader is (fill('') would scroll back up to the box).
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.has('q')).toBe(false);
    await page
      .locator(`[id="${target}"]`)
      .getByRole('button', { name: /^Link to message/ })
      .click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${baseUrl()}/conversations/${longChat.id}?tz=utc#${target}`);

    const { page: other } = await browser.newPage({ viewport: { width: 1280, height: 700 } });
    await other.goto(link);
    await other.locator(`[id="${target}"][data-targeted]`).waitFor();
    await expect.poll(() => isInViewport(other, `[id="${target}"]`)).toBe(true);
  });

  it('shift-click copies a link to a range, which opens highlighted', async () => {
    const { page } = await browser.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(conversationUrl(smsThread.id));
    const [, second, , fourth] = smsThread.communications.map((c) => c.id);
    await page
      .locator(`[id="${second}"]`)
      .getByRole('button', { name: /^Link to message/ })
      .click();
    await page
      .locator(`[id="${fourth}"]`)
      .getByRole('button', { name: /^Link to message/ })
      .click({ modifiers: ['Shift'] });
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link.endsWith(`#${second}..${fourth}`)).toBe(true);
    await page.goto(link);
    await page.locator('[data-targeted]').nth(2).waitFor();
    expect(await page.locator('[data-targeted]').count()).toBe(3);
  });

  it('switch to UTC and reload: the times and the zone stay', async () => {
    const { page } = await browser.newPage({ timezoneId: 'America/New_York' });
    await page.goto(conversationUrl(smsThread.id));
    const firstTime = page.locator('[data-message] time').first();
    // 21:48:15 UTC on 9 March 2026 is 17:48:15 in New York, already on daylight time (UTC-4).
    expect(await firstTime.textContent()).toBe('05:48:15 PM');
    await page.getByRole('button', { name: 'UTC', exact: true }).click();
    await page.getByText(/times in UTC, UTC on hover/).waitFor();
    expect(await firstTime.textContent()).toBe('09:48:15 PM');
    expect(new URL(page.url()).searchParams.get('tz')).toBe('utc');
    await page.reload();
    await page.getByText(/times in UTC, UTC on hover/).waitFor();
    expect(await page.locator('[data-message] time').first().textContent()).toBe('09:48:15 PM');
    // Gap markers stand where more than five minutes pass (the last one is further down).
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.getByText('31 min later').waitFor();
  });

  it('redact: no phone number or e-mail of the conversation in the page or in an export', async () => {
    const { page } = await browser.newPage({ acceptDownloads: true });
    await page.goto(conversationUrl(smsThread.id, '?redact=1'));
    await page.getByRole('log', { name: 'Transcript' }).waitFor();
    const text = await page.evaluate(() => document.body.innerText);
    for (const secret of ['+14155550142', '+18005550199', '800 555 0199']) expect(text).not.toContain(secret);
    expect(text).toContain('[phone number hidden]');

    await page.getByText('Copy or export').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toContain(smsThread.id);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFtime,participant,type,text')).toBe(true);
    for (const secret of ['+14155550142', '+18005550199', '800 555 0199']) expect(csv).not.toContain(secret);
    expect(csv.trim().split('\r\n')).toHaveLength(smsThread.communications.length + 1);
  });

  it('export JSON and read it back: the conversation as the API returned it', async () => {
    const { page } = await browser.newPage({ acceptDownloads: true });
    await page.goto(conversationUrl(aiHandoff.id));
    await page.getByText('Copy or export').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toContain(aiHandoff.id);
    expect(JSON.parse(await readFile((await download.path())!, 'utf8'))).toEqual(aiHandoff);
  });

  it('keyboard: j/k move between messages, ? shows the shortcuts', async () => {
    const { page } = await browser.newPage();
    await page.goto(conversationUrl(aiHandoff.id));
    await page.getByRole('log', { name: 'Transcript' }).waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(aiHandoff.communications[1]!.id);
    await page.keyboard.press('k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(aiHandoff.communications[0]!.id);
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
  });

  describe.each(['light', 'dark'] as const)('axe-core with the reading tools in use, %s', (colorScheme) => {
    it('has no violations', async () => {
      const { page } = await browser.newPage({ colorScheme });
      await page.goto(conversationUrl(smsThread.id, `?q=wednesday&redact=1&tz=utc&hide=${smsThread.participants[1]!.id}`));
      await page.locator('mark[data-match]').first().waitFor();
      await expectNoAxeViolations(page);
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await expectNoAxeViolations(page);
    });
  });
});
