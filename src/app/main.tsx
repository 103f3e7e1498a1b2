import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from '../lib/query-client';
import { AppRoutes, startPage, startPagesOnNavigation } from './router';
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

// The first page's code first, its data alongside: the page then renders as soon as its code is
// in, with no Suspense fallback in between. If the code fails to load, the page's boundary says so.
// Every later page is started the same way the moment the app navigates to it.
startPage(window.location.pathname + window.location.search, queryClient).then(render, render);
startPagesOnNavigation(queryClient);
