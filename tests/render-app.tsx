import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLayoutEffect } from 'react';
import { MemoryRouter, useLocation, type Location } from 'react-router';
import { AppRoutes, startPage } from '../src/app/router';
import { createQueryClient } from '../src/lib/query-client';

/** Where the app is now, for tests that check the URL it navigated to. */
type RouterView = { state: { location: Location } };

function TrackLocation({ onChange }: { onChange: (location: Location) => void }) {
  const location = useLocation();
  useLayoutEffect(() => {
    onChange(location);
  }, [onChange, location]);
  return null;
}

/** The whole app at `path`, with the production routes and retry policy and a fresh cache. */
export function renderApp(path: string) {
  const queryClient = createQueryClient();
  // As src/app/main.tsx does; a page whose code fails to load says so when it renders.
  startPage(path.split('#')[0]!, queryClient).catch(() => {});
  const router: RouterView = { state: { location: { pathname: path, search: '', hash: '', state: null, key: 'initial' } } };
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <TrackLocation onChange={(location) => (router.state.location = location)} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...view, router, user, queryClient };
}
