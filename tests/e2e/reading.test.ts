import { describe, expect, it } from 'vitest';
import { aiHandoff, seedConversation } from '../../src/mocks/fixtures/conversations';
import { baseUrl, expectNoHorizontalScroll, setupBrowser } from './browser';

const browser = setupBrowser();
const seedTitle = 'Customer Support Call - Order #12345';

describe('reading a conversation', () => {
  it('paste an ID, read the conversation, reload the deep link, go back', async () => {
    const { page, problems } = await browser.newPage();
    await page.goto(baseUrl());
    await page.getByText('Demo data', { exact: true }).waitFor();
    await page.getByLabel('Conversation ID or link').fill(`   ${seedConversation.id}\n`);
    await page.getByLabel('Conversation ID or link').press('Enter');

    await page.getByRole('heading', { level: 1, name: seedTitle }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/conversations/${seedConversation.id}`);
    expect(await page.title()).toBe(`${seedTitle} \u00b7 Conversation Viewer`);
    const messages = page.getByRole('log', { name: 'Transcript' }).getByRole('listitem').filter({ hasText: '+0:' });
    expect(await messages.count()).toBe(3);
    await expect.poll(() => messages.first().textContent()).toContain('Thank you for calling customer support.');
    // Local time in the viewer's zone (New York), UTC on hover.
    const firstTime = messages.first().locator('time');
    expect(await firstTime.textContent()).toBe('05:30:15 AM');
    expect(await firstTime.getAttribute('title')).toBe('2026-01-15T10:30:15Z');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: seedTitle }).waitFor();
    expect(await page.getByText('Sarah Agent').count()).toBeGreaterThan(0);

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Open a conversation' }).waitFor();
    // The conversation is remembered on this browser.
    await page.getByRole('region', { name: 'Opened recently on this browser' }).getByRole('link', { name: seedTitle }).waitFor();
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: seedTitle }).waitFor();
    expect(problems).toEqual([]);
  });

  it('opens an operator result and comes back to its conversation', async () => {
    const { page, problems } = await browser.newPage();
    await page.goto(`${baseUrl()}/conversations/${aiHandoff.id}`);
    await page.getByRole('heading', { level: 1, name: aiHandoff.name! }).waitFor();
    const qaResult = aiHandoff.operatorResultIds[3]!;
    await page.getByRole('link', { name: 'Full result: Agent script adherence' }).click();
    await page.getByRole('heading', { level: 1, name: 'Operator result' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/operator-results/${qaResult}`);
    await page.getByText('closingScript').waitFor();
    await page.getByText('gpt-4.1-mini-2025-04-14').waitFor();

    await page.getByRole('link', { name: '← Back to the conversation' }).click();
    await page.getByRole('heading', { level: 1, name: aiHandoff.name! }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Operator result' }).waitFor();
    await page.reload();
    await page.getByText('closingScript').waitFor();
    expect(problems).toEqual([]);
  });

  it('shows the missing operator result as its own specific error', async () => {
    const { page } = await browser.newPage();
    await page.goto(`${baseUrl()}/operator-results/${aiHandoff.operatorResultIds[4]}`);
    await page.getByRole('heading', { name: 'No operator result with this ID in this account' }).waitFor();
  });

  it('rejects a bad ID in the paste box and in the URL, precisely', async () => {
    const { page } = await browser.newPage();
    await page.goto(baseUrl());
    const input = page.getByLabel('Conversation ID or link');
    await input.fill('conv_conversation_01k1etk2y5');
    await input.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Too short' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await input.getAttribute('aria-invalid')).toBe('true');

    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v3/')) apiCalls.push(request.url());
    });
    await page.goto(`${baseUrl()}/conversations/..%2F..%2Fetc%2Fpasswd`);
    await page.getByRole('heading', { level: 1, name: 'This link does not contain a valid conversation ID' }).waitFor();
    await page.goto(`${baseUrl()}/conversations/conv_conversation_01K1ETK2Y5F1Y9FPE2EPFDTVV2`);
    await page.getByText(/IDs are all lower case/).waitFor();
    expect(apiCalls).toEqual([]);
  });

  it('explains a conversation that does not exist', async () => {
    const { page } = await browser.newPage();
    await page.goto(`${baseUrl()}/conversations/conv_conversation_00000000000000000000000000`);
    await page.getByRole('heading', { name: 'No conversation with this ID in this account' }).waitFor();
    await page.getByRole('link', { name: 'Open another conversation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Open a conversation' }).waitFor();
  });

  it('answers an unknown route with a not-found page', async () => {
    const { page } = await browser.newPage();
    const response = await page.goto(`${baseUrl()}/no/such/page`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });

  it('fits a 360 px phone without sideways scrolling', async () => {
    const { page } = await browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const conversation of [seedConversation, aiHandoff]) {
      await page.goto(`${baseUrl()}/conversations/${conversation.id}`);
      await page.getByRole('log', { name: 'Transcript' }).waitFor();
      await expectNoHorizontalScroll(page);
    }
  });
});
