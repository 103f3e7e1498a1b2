import { useQueryClient, type FetchQueryOptions, type QueryClient } from '@tanstack/react-query';
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { matchPath, Route, Routes, useLocation, useParams, type Params } from 'react-router';
import { isId } from '../api/ids';
import { conversationQueryOptions } from '../features/conversation/api';
import { operatorResultQueryOptions } from '../features/operator-results/api';
import { NotFoundPage } from './routes/not-found-page';
import { RootLayout } from './root-layout';
import { RouteErrorPage } from './routes/route-error-page';

type PageModule = { Component: ComponentType };
type LazyPage = { Page: ComponentType; preload: () => Promise<PageModule> };

/**
 * A thenable that is already settled. `React.lazy` accepts any thenable, and reads one that calls
 * back at once without suspending; a native promise always calls back later.
 */
function settled<T>(value: T): Promise<T> {
  return { then: (onFulfilled: (value: T) => unknown) => void onFulfilled(value) } as unknown as Promise<T>;
}

/**
 * A route module's page: its own chunk, loaded when its path is first opened. When the chunk has
 * already been loaded (`startPage` loads the first page's before the first render), the page
 * renders at once instead of showing the Suspense fallback, which React would then keep up for as
 * long as 300 ms. Later pages load inside the router's transitions, which keep the current page up.
 */
function lazyPage(load: () => Promise<PageModule>): LazyPage {
  let loaded: PageModule | null = null;
  let loading: Promise<PageModule> | null = null;
  const preload = () => (loading ??= load().then((module) => (loaded = module)));
  const Page = lazy(() =>
    loaded ? settled({ default: loaded.Component }) : preload().then((module) => ({ default: module.Component })),
  );
  return { Page, preload };
}

/** Asks for data unless the cache already has (or is getting) it. */
function prefetchOnce<Data>(queryClient: QueryClient, options: FetchQueryOptions<Data, Error, Data, string[]>) {
  if (!queryClient.getQueryState(options.queryKey)) void queryClient.prefetchQuery(options);
}

/** A page, where it lives, and the data it opens with (asked for while its code loads). */
type PageRoute = { path: string; page: LazyPage; prefetch?: (params: Params, queryClient: QueryClient) => void };

const PAGES: PageRoute[] = [
  { path: '/', page: lazyPage(() => import('./routes/home-page')) },
  {
    path: '/conversations/:conversationId',
    page: lazyPage(() => import('./routes/conversation-page')),
    prefetch: ({ conversationId = '' }, queryClient) => {
      if (isId('conversation', conversationId)) prefetchOnce(queryClient, conversationQueryOptions(conversationId));
    },
  },
  {
    path: '/operator-results/:operatorResultId',
    page: lazyPage(() => import('./routes/operator-result-page')),
    prefetch: ({ operatorResultId = '' }, queryClient) => {
      if (isId('operatorResult', operatorResultId)) prefetchOnce(queryClient, operatorResultQueryOptions(operatorResultId));
    },
  },
];

/**
 * Starts the page at `pathname`: asks for its data, and resolves once its code has loaded. Called
 * before the first render, so that the page renders with its code, and with its data when that
 * has arrived too (a deep link's HTML has already asked for both: src/server/spa.ts).
 */
export function startPage(pathname: string, queryClient: QueryClient): Promise<unknown> {
  for (const route of PAGES) {
    const match = matchPath(route.path, pathname);
    if (!match) continue;
    route.prefetch?.(match.params, queryClient);
    return route.page.preload();
  }
  return Promise.resolve();
}

type BoundaryProps = { children: ReactNode; /** A new path clears the error: the next page gets its chance. */ path: string };
type BoundaryState = { path: string; error: { thrown: unknown } | null };

/** The last line of defence: a page that failed to load or render still explains itself. */
class RouteBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { path: this.props.path, error: null };

  static getDerivedStateFromError(thrown: unknown): Partial<BoundaryState> {
    return { error: { thrown } };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.path === state.path ? null : { path: props.path, error: null };
  }

  override render() {
    return this.state.error ? <RouteErrorPage error={this.state.error.thrown} /> : this.props.children;
  }
}

/**
 * A page inside the layout, with its own boundary so the header stays up when the page fails. A
 * link followed inside the app asks for the page's data here, while the page's code loads.
 */
function PageSlot({ route }: { route: PageRoute }) {
  const { pathname } = useLocation();
  const params = useParams();
  const queryClient = useQueryClient();
  route.prefetch?.(params, queryClient);
  return (
    <RouteBoundary path={pathname}>
      <Suspense fallback={null}>
        <route.page.Page />
      </Suspense>
    </RouteBoundary>
  );
}

export function AppRoutes() {
  const { pathname } = useLocation();
  return (
    <RouteBoundary path={pathname}>
      <Routes>
        <Route element={<RootLayout />}>
          {PAGES.map((route) =>
            route.path === '/' ? (
              <Route key={route.path} index element={<PageSlot route={route} />} />
            ) : (
              <Route key={route.path} path={route.path.slice(1)} element={<PageSlot route={route} />} />
            ),
          )}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </RouteBoundary>
  );
}
