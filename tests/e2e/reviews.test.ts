import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chronological } from '../../src/lib/chronological';
import { smsThread, whatsappOrder } from '../../src/mocks/fixtures/conversations';
import { baseUrl, expectNoAxeViolations, expectNoHorizontalScroll, setupBrowser } from './browser';

const browser = setupBrowser();
const intentId = smsThread.operatorResultIds[1]!;
const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 800 };
const orderMessages = chronological(whatsappOrder.communications);

/** Selects `text` inside the message's own text, as a reader dragging over it would. */
async function selectInMessage(page: Page, messageId: string, text: string) {
  await page.evaluate(
    ([id, wanted]) => {
      const holder = document.getElementById(id!)!.querySelector('[data-message-text]')!;
      const walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(wanted!);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted!.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not in message ${id}`);
    },
    [messageId, text],
  );
}

describe('reviewing a conversation', () => {
  it('a reviewer disagrees with a classification, picks the right label, and sees it on the result page', async () => {
    const { page, problems } = await browser.newPage({ viewport: desktop });
    await page.goto(`${baseUrl()}/conversations/${smsThread.id}?result=${intentId}`);
    const panel = page.getByRole('region', { name: /^Operator results/ });
    const group = panel.getByRole('group', { name: 'Your verdict on this result' });
    await group.getByRole('button', { name: 'Disagree' }).click();
    await panel.getByText('Saved: Disagree').waitFor();
    await panel.getByRole('combobox', { name: /Correction: the right label/ }).fill('CANCEL_APPOINTMENT');
    await panel.getByRole('textbox', { name: 'Note on your verdict (optional)' }).fill('She wants to cancel, not move it.');
    await panel.getByRole('button', { name: 'Save correction and note' }).click();
    await panel.getByText('CANCEL_APPOINTMENT', { exact: true }).waitFor();

    await page.goto(`${baseUrl()}/operator-results/${intentId}`);
    const verdicts = page.getByRole('region', { name: 'Reviewers\u2019 verdicts' });
    await verdicts.locator('li p', { hasText: 'She wants to cancel, not move it.' }).waitFor();
    expect(await verdicts.getByRole('button', { name: 'Disagree' }).getAttribute('aria-pressed')).toBe('true');
    expect(problems).toEqual([]);
  });

  it('a reviewer pins a note to a passage; it shows beside the message, and its link opens the conversation there', async () => {
    const { page, problems } = await browser.newPage({ viewport: desktop });
    await page.goto(`${baseUrl()}/conversations/${whatsappOrder.id}`);
    const review = page.getByRole('region', { name: 'Review' });
    await review.getByText('Reviewing as').waitFor();
    const target = orderMessages[0]!;
    await selectInMessage(page, target.id, 'was due yesterday');
    await review.getByRole('button', { name: 'Note on the selected passage' }).click();
    const form = review.getByRole('form', { name: 'New note' });
    expect(await form.innerText()).toContain('New note: A passage of message 1');
    await form.getByRole('textbox', { name: 'Note' }).fill('Late by a day: see https://example.com/sla');
    await form.getByRole('button', { name: 'Save note' }).click();
    const note = review.getByRole('listitem', { name: 'Note by Demo visitor on a passage of message 1' }).last();
    await note.waitFor();
    expect(await note.getByRole('link', { name: 'https://example.com/sla' }).getAttribute('href')).toBe(
      'https://example.com/sla',
    );
    await page
      .locator(`[id="${target.id}"]`)
      .getByRole('button', { name: /Note by Demo visitor|notes$/ })
      .waitFor();

    const link = await note.getByRole('link', { name: 'Link to this note' }).getAttribute('href');
    const other = await browser.newPage({ viewport: desktop });
    await other.page.goto(`${baseUrl()}/conversations/${whatsappOrder.id}${link}`);
    const linked = other.page.locator(link!);
    await linked.waitFor();
    await expect.poll(() => linked.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(problems).toEqual([]);
    expect(other.problems).toEqual([]);
  });

  it('two tabs edit one note: the second keeps its text, is told who changed it, and overwrites', async () => {
    const first = await browser.newPage({ viewport: desktop });
    const second = await browser.newPage({ viewport: desktop });
    await first.page.goto(`${baseUrl()}/`);
    const created = await first.page.evaluate(
      async ([conversationId, messageId]) => {
        const response = await fetch(`/api/reviews/conversations/${conversationId}/notes`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            anchor: { firstCommunicationId: messageId, lastCommunicationId: messageId, passage: null },
            text: 'Draft for the conflict story.',
          }),
        });
        return (await response.json()) as { id: string };
      },
      [whatsappOrder.id, orderMessages[1]!.id],
    );
    const open = async (page: Page) => {
      await page.goto(`${baseUrl()}/conversations/${whatsappOrder.id}#note-${created.id}`);
      const note = page.locator(`#note-${created.id}`);
      await note.getByRole('button', { name: 'Edit' }).click();
      return note;
    };
    const [noteA, noteB] = [await open(first.page), await open(second.page)];
    await noteA.getByRole('textbox', { name: 'Your note' }).fill('The first tab wrote this.');
    await noteA.getByRole('button', { name: 'Save changes' }).click();
    await noteA.getByText('The first tab wrote this.').waitFor();

    await noteB.getByRole('textbox', { name: 'Your note' }).fill('The second tab wrote this.');
    await noteB.getByRole('button', { name: 'Save changes' }).click();
    const alert = noteB.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Demo visitor changed this note while you were writing');
    expect(await noteB.getByRole('textbox', { name: 'Your note' }).inputValue()).toBe('The second tab wrote this.');
    await alert.getByRole('button', { name: 'Overwrite with mine' }).click();
    await noteB.getByText('The second tab wrote this.').waitFor();

    await first.page.reload();
    await first.page.locator(`#note-${created.id}`).getByText('The second tab wrote this.').waitFor();
    expect(first.problems).toEqual([]);
    expect(second.problems).toEqual([]);
  });

  it('the agreement page shows the operators reviewers disagree with', async () => {
    const { page, problems } = await browser.newPage({ viewport: desktop });
    await page.goto(`${baseUrl()}/`);
    await page.getByRole('link', { name: 'Agreement', exact: true }).click();
    const table = page.getByRole('region', { name: 'By operator and version' });
    await table.getByRole('row').nth(1).waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    await page
      .getByRole('region', { name: /the AI.s label against the reviewers/ })
      .first()
      .waitFor();
    await expectNoHorizontalScroll(page);
    expect(problems).toEqual([]);
  });

  it('on a phone, the review has its own tab; r marks the conversation reviewed and says so', async () => {
    const { page, problems } = await browser.newPage({ viewport: phone });
    await page.goto(`${baseUrl()}/conversations/${whatsappOrder.id}`);
    await page.getByRole('tab', { name: /^Review/ }).click();
    const review = page.getByRole('region', { name: 'Review' });
    await review.getByText('Review status:').waitFor();
    await expectNoHorizontalScroll(page);
    await page.keyboard.press('r');
    await page.getByText('Marked reviewed.').waitFor();
    await review.locator('span', { hasText: /^Reviewed$/ }).waitFor();
    await page.getByRole('tab', { name: /^Results/ }).click();
    await page
      .getByRole('region', { name: /^Operator results/ })
      .getByRole('button', { pressed: false })
      .first()
      .click();
    await page.getByRole('tab', { name: /^Results/ }).click();
    await page.getByRole('group', { name: 'Your verdict on this result' }).waitFor();
    await expectNoHorizontalScroll(page);
    expect(problems).toEqual([]);
  });
});

describe.each(['light', 'dark'] as const)('accessibility of the review, %s', (colorScheme) => {
  it('the conversation with its review, a note being written and a verdict open, and the agreement page', async () => {
    const { page, problems } = await browser.newPage({ viewport: desktop, colorScheme });
    await page.goto(`${baseUrl()}/conversations/${smsThread.id}?result=${intentId}`);
    await page.getByRole('group', { name: 'Your verdict on this result' }).waitFor();
    const review = page.getByRole('region', { name: 'Review' });
    await review.getByText('Review status:').waitFor();
    await page.locator('[data-message]').first().focus();
    await page.keyboard.press('c');
    await review.getByRole('form', { name: 'New note' }).waitFor();
    await review.getByText('History of this review').click();
    await review
      .getByRole('list', { name: 'Changes, oldest first' })
      .or(review.getByText('Nothing has been recorded yet.'))
      .waitFor();
    await expectNoAxeViolations(page);
    await page.goto(`${baseUrl()}/agreement`);
    await page.getByRole('region', { name: 'By operator and version' }).waitFor();
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });
});
