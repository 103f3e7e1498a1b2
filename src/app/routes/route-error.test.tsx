import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { RouteErrorPage } from './route-error-page';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedConversation } from '../../mocks/fixtures/conversations';

const PAGE_MODULE = './conversation-page';

// The router keeps a page's module once it has loaded: each test loads the app afresh.
beforeEach(() => vi.resetModules());
afterEach(() => vi.doUnmock(PAGE_MODULE));
const loadApp = async () => (await import('../../../tests/render-app')).renderApp;

/** React reports errors caught by a boundary on the console; that is expected in these tests. */
const quietConsole = () => vi.spyOn(console, 'error').mockImplementation(() => {});

describe('a page that fails', () => {
  it('explains a page that throws while rendering, keeps the header, and clears when another page opens', async () => {
    quietConsole();
    vi.doMock(PAGE_MODULE, () => ({
      Component: () => {
        throw new Error('participants is not iterable');
      },
    }));
    const renderApp = await loadApp();
    const { user, router } = renderApp(`/conversations/${seedConversation.id}`);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { level: 1 })).toHaveTextContent('Something went wrong on this page');
    expect(alert).toHaveTextContent('participants is not iterable');
    // The layout is still there: the product name links home.
    expect(screen.getByRole('link', { name: 'Conversation Viewer' })).toBeInTheDocument();

    await user.click(within(alert).getByRole('link', { name: 'Open another conversation' }));
    expect(await screen.findByRole('textbox', { name: 'Conversation ID or link' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('says the page could not be loaded when its code does not arrive, and offers a reload', () => {
    render(
      <MemoryRouter>
        <RouteErrorPage error={new TypeError('Failed to fetch dynamically imported module: /assets/conversation-page-0.js')} />
      </MemoryRouter>,
    );

    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading', { level: 1 })).toHaveTextContent('This page could not be loaded');
    expect(alert).toHaveTextContent('Reloading usually fixes it');
    expect(within(alert).getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });
});
