import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConversation } from '../../src/mocks/fixtures/conversations';
import { startServer, type RunningServer } from '../../scripts/start-server';
import { expectNoAxeViolations, expectNoHorizontalScroll, setupBrowser } from './browser';

const TOKEN = 'e2e-access-token-0123456789abcdefghij';
const browser = setupBrowser();
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ VIEWER_ACCESS_TOKEN: TOKEN });
});
afterAll(async () => {
  await server?.stop();
});

describe('signing in to a viewer that requires an access token', () => {
  it('a deep link leads through sign-in to the conversation, and sign-out leads back', async () => {
    const { page, problems } = await browser.newPage();
    await page.goto(`${server.url}/conversations/${seedConversation.id}`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to Conversation Viewer' }).waitFor();

    await page.getByLabel('Access token').fill('not the token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'That access token is not right.' }).waitFor();

    await page.getByLabel('Access token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Customer Support Call - Order #12345' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/conversations/${seedConversation.id}`);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'viewer_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(JSON.stringify(cookies)).not.toContain(TOKEN);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Conversation Viewer' }).waitFor();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to Conversation Viewer' }).waitFor();
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
  });

  it.each(['light', 'dark'] as const)(
    'the sign-in page, with its error, is accessible and fits a phone (%s)',
    async (colorScheme) => {
      const { page } = await browser.newPage({ colorScheme, viewport: { width: 360, height: 640 } });
      await page.goto(`${server.url}/`);
      await page.getByLabel('Access token').fill('nope');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
    },
  );

  it('scripts use a bearer token; without one the API says 401', async () => {
    const url = `${server.url}/api/v3/Conversations/${seedConversation.id}`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });
});
