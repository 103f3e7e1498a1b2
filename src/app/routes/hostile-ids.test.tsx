import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedConversation } from '../../mocks/fixtures/conversations';
import { server } from '../../../tests/bff-in-process';
import { decoded, hostileIds, inPath, type HostileId } from '../../../tests/hostile-ids';
import { renderApp } from '../../../tests/render-app';

/**
 * The hostile-ID corpus (tests/hostile-ids.ts) as a person meets it in the SPA: pasted into the
 * home page box, and in a conversation link. Malformed values are explained without asking the
 * server: no /api/v3 request is made for them.
 */

const apiV3Requests: string[] = [];
const onRequest = ({ request }: { request: Request }) => {
  if (new URL(request.url).pathname.startsWith('/api/v3/')) apiV3Requests.push(request.url);
};

beforeEach(() => {
  apiV3Requests.length = 0;
  server.events.on('request:start', onRequest);
  // jsdom has no scrolling; the layout scrolls to the top after each navigation.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
});
afterEach(() => {
  server.events.removeListener('request:start', onRequest);
});

const cases = hostileIds.map((entry) => [entry.label, entry] as const);

describe('the home page paste box, given a hostile ID', () => {
  it.each(cases)('%s', async (_label, entry: HostileId) => {
    const { router, user } = renderApp('/');
    const input = await screen.findByRole('textbox', { name: 'Conversation ID or link' });
    await user.click(input);
    // Pasted, not typed: user-event reads `{` and `[` as key names, and 10,000 keystrokes are slow.
    await user.paste(entry.raw);
    await user.keyboard('{Enter}');

    const paste = entry.paste;
    if (paste === undefined) throw new Error(`${entry.label}: the corpus says nothing about the paste box`);
    if ('says' in paste) {
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(paste.says, { normalizeWhitespace: false });
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(input).toHaveAccessibleDescription(expect.stringContaining(alert.textContent));
      expect(router.state.location.pathname).toBe('/');
      expect(apiV3Requests).toEqual([]);
    } else {
      // Documented: whitespace is trimmed and an ID is read out of a link or a sentence. Only the
      // clean ID is opened; nothing else of the input reaches the address.
      await waitFor(() => expect(router.state.location.pathname).toBe(paste.opens));
      expect(router.state.location.search).toBe('');
      expect(router.state.location.hash).toBe('');
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      // The page it opens loads (and so the test does not end with requests in flight).
      const title = paste.opens.startsWith('/conversations/') ? seedConversation.name! : 'Operator result';
      expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    }
  });
});

describe('a conversation link holding a hostile ID', () => {
  // `/conversations/` with nothing after it is the inbox's path (a trailing slash allowed): the list
  // opens, and no request names a conversation.
  it('an empty ID leads to the inbox, and nothing is asked about a conversation', async () => {
    renderApp('/conversations/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Conversations' })).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(apiV3Requests.filter((url) => new URL(url).pathname.startsWith('/api/v3/Conversations/'))).toEqual([]);
  });

  it.each(cases.filter(([, entry]) => entry.raw !== ''))('%s', async (_label, entry: HostileId) => {
    const { router } = renderApp(`/conversations/${inPath(entry)}`);
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: /^(This link does not contain a valid conversation ID|Page not found)$/,
    });
    if (entry.routerCannotMatch === undefined) {
      expect(heading).toHaveTextContent('This link does not contain a valid conversation ID');
      // The page names the problem and shows what the address held (the page says "(nothing)" for blank).
      if (entry.problem !== undefined) {
        expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(entry.problem, { normalizeWhitespace: false });
      }
      const value = decoded(entry);
      if (value.trim()) expect(document.querySelector('main code')?.textContent).toBe(value);
      expect(document.title).toBe('Invalid conversation ID · Conversation Viewer');
    }
    expect(screen.getByRole('link', { name: /^(Paste another ID|Open a conversation)$/ })).toHaveAttribute('href', '/');
    // Loaders and queries have had their turn: nothing was asked of the API.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(apiV3Requests).toEqual([]);
    expect(router.state.location.pathname.startsWith('/conversations/') || router.state.location.pathname === '/').toBe(true);
  });
});
