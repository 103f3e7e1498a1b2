import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from '../lib/query-client';
import { takeFirstRows } from './first-rows';
import { AppRoutes, pageCode, startPage, startPagesOnNavigation } from './router';
import { applyTheme, watchTheme } from '../lib/theme';
import './styles.css';

// Before the first render, so the page never flashes in the wrong scheme.
applyTheme();
watchTheme();

const queryClient = createQueryClient();

const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </StrictMode>,
  );

/**
 * Resolves once the document has been parsed and its style sheets have loaded. This script runs as
 * soon as it has loaded (`async`, vite.config.ts), which may be before either: an inbox link's HTML
 * streams its first rows, painted by the server, after its head, and a script that is not deferred
 * does not wait for style sheets. The app measures the page as it renders (where the inbox's list
 * starts), so it renders only once the page is styled.
 */
function documentReady(): Promise<void> {
  const parsed = new Promise<void>((resolve) => {
    if (document.readyState !== 'loading') resolve();
    else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  });
  const styled = (link: HTMLLinkElement) =>
    link.sheet
      ? undefined
      : new Promise<void>((resolve) => {
          link.addEventListener('load', () => resolve(), { once: true });
          link.addEventListener('error', () => resolve(), { once: true });
        });
  return parsed
    .then(() => Promise.all([...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map(styled)))
    .then(() => undefined);
}

// The first page's code loads at once; its data is asked for once the document is in, and not at
// all when the document brought it.
void pageCode(window.location.pathname);

// The first page's code first, its data alongside: the page then renders as soon as its code is
// in, with no Suspense fallback in between. If the code fails to load, the page's boundary says so.
// Every later page is started the same way the moment the app navigates to it.
void documentReady()
  .then(() => {
    takeFirstRows(queryClient, document, window.location.search);
    return startPage(window.location.pathname + window.location.search, queryClient);
  })
  .then(render, render);
startPagesOnNavigation(queryClient);
