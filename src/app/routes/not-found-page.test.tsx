import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../../tests/render-app';

describe('not found page', () => {
  it('says the page does not exist and links home', async () => {
    // jsdom has no scrolling; the layout scrolls to the top after a navigation.
    vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    const { router, user } = renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Page not found \u00b7 Conversation Viewer'));

    const home = screen.getByRole('link', { name: 'Open a conversation' });
    expect(home).toHaveAttribute('href', '/');
    await user.click(home);
    expect(await screen.findByRole('heading', { level: 1, name: 'Open a conversation' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(screen.queryByRole('heading', { name: 'Page not found' })).not.toBeInTheDocument();
  });

  it('also catches unknown paths under the app’s own prefixes', async () => {
    renderApp('/operator-results');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open a conversation' })).toHaveAttribute('href', '/');
  });
});
