import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { UNFAMILIAR, unfamiliarReferences } from '../../src/mocks/fixtures/drills';
import { aiHandoff } from '../../src/mocks/fixtures/conversations';
import { asJson, conversationWithResults } from '../spec-bodies';
import { baseUrl, expectNoAxeViolations, expectNoHorizontalScroll, setupBrowser } from './browser';

const browser = setupBrowser();

/** The API requests the page makes, by path and query. */
function apiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/v3/')) seen.push(url.pathname + url.search);
  });
  return seen;
}

describe('strict on what the viewer sends, lenient on what it receives', () => {
  it('a conversation with references in unfamiliar shapes: a normal transcript, the rest as text', async () => {
    const { page, problems } = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const requests = apiRequests(page);
    await page.goto(`${baseUrl()}/conversations/${unfamiliarReferences.id}`);
    await page.getByRole('heading', { level: 1, name: 'Drill: references this viewer cannot open' }).waitFor();
    const log = page.getByRole('log', { name: 'Transcript' });
    await log.getByText('My parcel was marked delivered but it is not here.').waitFor();

    const panel = page.getByRole('region', { name: 'Operator results (3)' });
    await panel.getByText('A reference this viewer cannot open').waitFor();
    expect(await panel.getByText(UNFAMILIAR.listedReference).isVisible()).toBe(true);
    // The result the conversation does not list is shown, and says so; its operator is shown as named.
    await panel.getByText('Not listed', { exact: true }).waitFor();
    expect(
      await panel.getByRole('button', { name: new RegExp(`^${UNFAMILIAR.operator.replace(/[/@]/g, '.')}`) }).isVisible(),
    ).toBe(true);

    await panel.getByRole('button', { name: /^Conversation summary/ }).click();
    const refers = panel.getByText('It refers to').locator('..');
    await refers.getByRole('link', { name: 'Message 2' }).waitFor();
    expect(await refers.getByText('Ana Lima').isVisible()).toBe(true);
    expect(await refers.getByText(UNFAMILIAR.callSid).isVisible()).toBe(true);
    expect(await refers.getByText(UNFAMILIAR.foreignMessage).isVisible()).toBe(true);
    // Exactly one link: to the message the conversation holds.
    expect(await refers.getByRole('link').count()).toBe(1);

    // One list request for the results; the unfamiliar reference and operator are never sent.
    expect(requests.filter((path) => path.startsWith('/api/v3/OperatorResults'))).toEqual([
      `/api/v3/OperatorResults?conversationId=${unfamiliarReferences.id}&pageSize=1000`,
    ]);
    expect(requests.some((path) => path.includes('legacy-result') || path.includes('twilio/sentiment'))).toBe(false);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    expect(problems).toEqual([]);
  });

  it('reads four results with one request, not one per result', async () => {
    const { page, problems } = await browser.newPage();
    const requests = apiRequests(page);
    await page.goto(`${baseUrl()}/conversations/${aiHandoff.id}`);
    const panel = page.getByRole('region', { name: /^Operator results/ });
    await panel.getByRole('link', { name: 'Full result: Agent script adherence' }).waitFor();
    const results = requests.filter((path) => path.startsWith('/api/v3/OperatorResults'));
    // The list, and the one ID it did not return (a result that does not exist): no other fetch.
    expect(results).toEqual([
      `/api/v3/OperatorResults?conversationId=${aiHandoff.id}&pageSize=1000`,
      `/api/v3/OperatorResults/${aiHandoff.operatorResultIds[4]}`,
    ]);
    expect(problems.filter((problem) => !problem.includes('404'))).toEqual([]);
  });

  // A handful of generated bodies (fixed seed), served to a real browser in place of the server's.
  const samples = fc.sample(conversationWithResults.map(asJson), { seed: 20_261_130, numRuns: 5 });
  it.each(samples.map((sample, index) => [index + 1, sample] as const))(
    'generated body %i renders without a page error',
    async (_n, { conversation, results }) => {
      const { page, problems } = await browser.newPage();
      await page.route('**/api/v3/Conversations/*', (route) => route.fulfill({ json: conversation }));
      await page.route('**/api/v3/OperatorResults?*', (route) =>
        route.fulfill({ json: { items: results, meta: { key: 'items', pageSize: results.length } } }),
      );
      await page.route('**/api/v3/OperatorResults/*', (route) =>
        route.fulfill({ status: 404, json: { code: 20404, message: 'Not found', httpStatusCode: 404 } }),
      );
      await page.route('**/api/v3/ControlPlane/Operators/*', (route) =>
        route.fulfill({ status: 404, json: { code: 20404, message: 'Not found', httpStatusCode: 404 } }),
      );
      await page.goto(`${baseUrl()}/conversations/${conversation.id as string}`);
      await page.getByRole('heading', { name: 'Transcript' }).waitFor();
      await page.getByRole('region', { name: /^Operator results/ }).waitFor();
      expect(await page.getByText(/could not be shown|unexpected shape/).count()).toBe(0);
      expect(problems.filter((problem) => !problem.includes('404'))).toEqual([]);
    },
  );
});
