import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedConversation } from '../../src/mocks/fixtures/conversations';
import { drills } from '../../src/mocks/fixtures/drills';
import { OPERATORS } from '../../src/mocks/fixtures/operator-results';
import { baseUrl, expectNoHorizontalScroll, setupBrowser } from './browser';

const browser = setupBrowser();
const drill = (label: string) => {
  const found = drills.find((d) => d.label.startsWith(label));
  if (!found) throw new Error(`No drill "${label}"`);
  return `${baseUrl()}/conversations/${found.id}`;
};

async function expectErrorState(page: Page, title: string, retry: boolean) {
  await page.getByRole('heading', { name: title }).waitFor();
  // Never a blank page: the page still names what it is and offers a way on.
  await page.getByRole('heading', { level: 1, name: 'Conversation' }).waitFor();
  await page.getByRole('link', { name: 'Open another conversation' }).waitFor();
  expect(await page.getByRole('button', { name: 'Retry' }).count()).toBe(retry ? 1 : 0);
}

describe('upstream faults, as a person sees them', () => {
  it('401: says the server’s credentials were rejected', async () => {
    const { page } = await browser.newPage();
    await page.goto(drill('401'));
    await expectErrorState(page, 'The server’s Twilio credentials were rejected', false);
  });

  it('403: says the same, with Twilio’s words', async () => {
    const { page } = await browser.newPage();
    await page.goto(drill('403'));
    await expectErrorState(page, 'The server’s Twilio credentials were rejected', false);
    await page.getByText(/Twilio answered 403/).waitFor();
  });

  it('404: no conversation with this ID in this account', async () => {
    const { page } = await browser.newPage();
    await page.goto(`${baseUrl()}/conversations/conv_conversation_7zzzzzzzzzzzzzzzzzzzzzzzzz`);
    await expectErrorState(page, 'No conversation with this ID in this account', false);
  });

  it('429: says it is waiting and for how long, retries, then gives up cleanly', async () => {
    const { page } = await browser.newPage();
    await page.goto(drill('429'));
    await page.getByRole('heading', { name: 'Twilio is rate-limiting requests' }).waitFor();
    await page.getByText(/Retrying (in \d+ s|now) \(attempt \d of 4\)/).waitFor();
    await page.getByText(/still refused after 4 attempts/).waitFor({ timeout: 15_000 });
    await expectErrorState(page, 'Twilio is rate-limiting requests', true);
  });

  it('a hanging upstream: a bounded wait, then a specific message and Retry', async () => {
    const { page } = await browser.newPage();
    const started = Date.now();
    await page.goto(drill('Twilio never answers'));
    await expectErrorState(page, 'Twilio could not be reached', true);
    await page.getByText(/did not answer in time/).waitFor();
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.each([
    ['500', 'Twilio could not be reached'],
    ['502', 'Twilio could not be reached'],
    ['503', 'Twilio could not be reached'],
    ['The connection is reset', 'Twilio could not be reached'],
    ['200 with a body that is not JSON', 'Twilio answered with data this viewer does not understand'],
    ['200 with a body that breaks the schema', 'Twilio answered with data this viewer does not understand'],
  ])('%s: %s, with Retry', async (label, title) => {
    const { page } = await browser.newPage();
    await page.goto(drill(label));
    await expectErrorState(page, title, true);
  });

  it('values from a newer API are shown as they are, not fatal', async () => {
    const { page } = await browser.newPage();
    await page.goto(drill('Values from a newer API'));
    await page.getByRole('heading', { level: 1, name: 'Drill: values from a newer API' }).waitFor();
    for (const value of ['ARCHIVED', 'VIDEO', 'SUPERVISOR']) await page.getByText(value, { exact: true }).first().waitFor();
    await page.getByText('A participant the conversation does not list.').waitFor();
  });

  it('an empty transcript says so', async () => {
    const { page } = await browser.newPage();
    await page.goto(drill('No messages yet'));
    await page.getByText('This conversation has no communications yet.').waitFor();
  });

  it.each([
    ['phone', { width: 360, height: 740 }],
    ['desktop', { width: 1280, height: 800 }],
  ] as const)('a 100 KB message wraps without sideways scrolling (%s)', async (_name, viewport) => {
    const { page, problems } = await browser.newPage({ viewport });
    await page.goto(drill('One message of 100 KB'));
    await page.getByText('Thanks, received.').waitFor();
    await expectNoHorizontalScroll(page);
    expect(problems).toEqual([]);
  });
});

describe('while the operators’ names are still on their way', () => {
  // Until an operator's name arrives it is shown by its ID: 48 characters with no place to break.
  const operatorIdOfSentiment = OPERATORS.sentiment;
  const seedSentiment = `/conversations/${seedConversation.id}?result=${seedConversation.operatorResultIds[1]}`;
  it.each([
    ['a selected result’s markers in the transcript', seedSentiment, `Cited by ${operatorIdOfSentiment}`],
    ['the agreement page', '/agreement', operatorIdOfSentiment],
  ])('%s: the long IDs wrap, nothing scrolls sideways on a phone', async (_name, path, shown) => {
    const { page, problems } = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
    await page.route('**/api/v3/ControlPlane/**', () => {
      // Held: the names never come while the page is looked at.
    });
    await page.goto(`${baseUrl()}${path}`);
    await page.getByText(shown).first().waitFor();
    await expectNoHorizontalScroll(page);
    expect(problems).toEqual([]);
  });
});
