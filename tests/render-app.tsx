import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
// RouterProvider from 'react-router' (not 'react-router/dom'): see the toolchain notes on RR 7 under Vitest.
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createRoutes } from '../src/app/router';
import { createQueryClient } from '../src/lib/query-client';

/** The whole app at `path`, with the production routes and retry policy and a fresh cache. */
export function renderApp(path: string) {
  const queryClient = createQueryClient();
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, user, queryClient };
}
