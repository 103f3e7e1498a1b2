import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aiHandoff, seedConversation, smsThread } from '../../mocks/fixtures/conversations';
import { withoutMessages } from '../../mocks/fixtures/demo-account';
import { server } from '../../../tests/bff-in-process';
import { CONVERSATION_LIST } from '../../../tests/conversation-list-answers';
import { renderApp } from '../../../tests/render-app';

beforeEach(() => {
  vi.spyOn(window, 'scrollTo');
});

describe('walking the list a conversation was opened from', () => {
  /** Two pages: the handoff and the SMS thread, then the seed conversation. */
  function twoPages() {
    const asked: Array<string | null> = [];
    server.use(
      http.get(CONVERSATION_LIST, ({ request }) => {
        const query = new URL(request.url).searchParams;
        asked.push(query.get('pageToken'));
        const first = query.get('pageToken') === null;
        const page = first ? [aiHandoff, smsThread] : [seedConversation];
        return HttpResponse.json({
          items: page.map(withoutMessages),
          meta: { key: 'items', pageSize: page.length, ...(first ? { nextToken: 'page-2' } : {}) },
        });
      }),
    );
    return asked;
  }

  it('steps with Next and ] across a page boundary, and back with [', async () => {
    const asked = twoPages();
    const { user, router } = renderApp(`/conversations/${aiHandoff.id}?from=status%3DCLOSED`);
    const walk = await screen.findByRole('navigation', { name: 'The list this conversation was opened from' }, { timeout: 5000 });
    expect(await within(walk).findByText('1 of 2+')).toBeInTheDocument();
    await user.click(within(walk).getByRole('link', { name: /Next/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${smsThread.id}`));
    expect(router.state.location.search).toBe('?from=status%3DCLOSED');
    // The last loaded row: the next page is asked for, with the list's own token.
    expect(await within(screen.getByRole('navigation', { name: /opened from/ })).findByText('2 of 3')).toBeInTheDocument();
    expect(asked).toEqual([null, 'page-2']);
    await screen.findByRole('heading', { level: 1, name: smsThread.name! });
    await user.keyboard(']');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${seedConversation.id}`));
    await screen.findByRole('heading', { level: 1, name: seedConversation.name! });
    await user.keyboard('[[');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${smsThread.id}`));
    expect(asked).toEqual([null, 'page-2']);
    expect(
      within(screen.getByRole('navigation', { name: /opened from/ })).getByRole('link', { name: 'Back to the list' }),
    ).toHaveAttribute('href', '/conversations?status=CLOSED');
  });

  it('finds its place again after a reload, reading the list page by page', async () => {
    twoPages();
    renderApp(`/conversations/${seedConversation.id}?from=`);
    const walk = await screen.findByRole('navigation', { name: /opened from/ }, { timeout: 5000 });
    expect(await within(walk).findByText('3 of 3')).toBeInTheDocument();
    expect(within(walk).getByRole('link', { name: /Previous/ })).toHaveAttribute('href', `/conversations/${smsThread.id}?from=`);
  });

  it('is not shown for a conversation opened otherwise', async () => {
    renderApp(`/conversations/${seedConversation.id}`);
    await screen.findByRole('heading', { level: 1, name: seedConversation.name! }, { timeout: 5000 });
    expect(screen.queryByRole('navigation', { name: /opened from/ })).not.toBeInTheDocument();
  });
});
