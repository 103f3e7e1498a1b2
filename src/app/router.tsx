import type { QueryClient } from '@tanstack/react-query';
import { Component, Suspense, type ReactNode } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { PAGES, pageAt, type PageIdKind, type PageListKind } from '../api/pages';
import { conversationQueryOptions } from '../features/conversation/api';
import { conversationListOptions } from '../features/inbox/api';
import { readFilters } from '../api/inbox-filters';
import { operatorResultQueryOptions, prefetchConversationResults } from '../features/operator-results/api';
import { conversationReviewQueryOptions, meQueryOptions } from '../features/reviews/api';
import { lazyPage, type PageModule } from './lazy-page';
import { NotFoundPage } from './routes/not-found-page';
import { RootLayout } from './root-layout';
import { RouteErrorPage } from './routes/route-error-page';

/**
 * Every route module, each its own chunk, by source path: the pages of src/api/pages.ts are looked
 * up here, so a page needs no other entry. The two pages the shell renders itself are not lazy.
 */
export const ROUTE_MODULES = import.meta.glob<PageModule>([
  '/src/app/routes/*-page.tsx',
  '!/src/app/routes/not-found-page.tsx',
  '!/src/app/routes/route-error-page.tsx',
]);

const ROUTES = PAGES.map((page) => {
  const load = ROUTE_MODULES[`/${page.module}`];
  if (!load) throw new Error(`${page.module} is not a route module (src/app/routes/*-page.tsx).`);
  return { path: page.path, module: page.module, page: lazyPage(load) };
});
type PageRoute = (typeof ROUTES)[number];

/** How each kind of page data is asked for: the query its page reads, so the page finds it in the cache. */
export const OPENING_QUERIES = {
  conversation: (queryClient, id) => queryClient.prefetchQuery(conversationQueryOptions(id)),
  operatorResult: (queryClient, id) => queryClient.prefetchQuery(operatorResultQueryOptions(id)),
} satisfies Record<PageIdKind, (queryClient: QueryClient, id: string) => Promise<void>>;

/**
 * What a page shows beside its opening data, asked for once the reader is about to open it (its
 * link hovered or focused, `preparePage`): the page then opens whole, no panel still loading.
 */
const FOLLOWING_QUERIES: Partial<Record<PageIdKind, (queryClient: QueryClient, id: string) => Promise<unknown>>> = {
  conversation: (queryClient, id) =>
    Promise.all([
      prefetchConversationResults(queryClient, id),
      queryClient.prefetchQuery(conversationReviewQueryOptions(id)),
      queryClient.prefetchQuery(meQueryOptions),
    ]),
};

/** How each list a page opens with is asked for, from its link's query: the query its page reads. */
export const LIST_QUERIES = {
  conversations: (queryClient, params) => queryClient.prefetchInfiniteQuery(conversationListOptions(readFilters(params).filters)),
} satisfies Record<PageListKind, (queryClient: QueryClient, params: URLSearchParams) => Promise<void>>;

/**
 * Starts the page at `path` (a path with its query): asks for its data, and resolves once its code has loaded. Called
 * before the first render, so that the page renders with its code (and with its data when that has
 * arrived too: a deep link's HTML has already asked for both, src/server/spa.ts), and again on
 * every navigation inside the app (`startPagesOnNavigation`). The query's own rules decide whether
 * anything is fetched: nothing while the same request is under way or its answer is fresh.
 */
export function startPage(path: string, queryClient: QueryClient): Promise<unknown> {
  const url = new URL(path, 'http://app.invalid');
  const found = pageAt(url.pathname);
  if (!found) return Promise.resolve();
  if (found.opening) void OPENING_QUERIES[found.opening.kind](queryClient, found.opening.id);
  if (found.list) void LIST_QUERIES[found.list.kind](queryClient, url.searchParams);
  return pageCode(url.pathname);
}

/**
 * Readies the page at `path` for a reader about to open it: `startPage`, and what the page shows
 * beside its opening data. Resolves once its code has loaded.
 */
export function preparePage(path: string, queryClient: QueryClient): Promise<unknown> {
  const opening = pageAt(new URL(path, 'http://app.invalid').pathname)?.opening;
  if (opening) void FOLLOWING_QUERIES[opening.kind]?.(queryClient, opening.id);
  return startPage(path, queryClient);
}

/** Loads the code of the page at `pathname` (once, however often it is asked), and nothing else. */
export function pageCode(pathname: string): Promise<unknown> {
  const found = pageAt(pathname);
  return found ? ROUTES.find((route) => route.module === found.module)!.page.preload() : Promise.resolve();
}

/**
 * Starts each page the app moves to at the moment it does, its data and its code together, as a
 * route loader would: the router renders the next page inside a transition, which renders nothing
 * new until the page's code is in, so the page's own request would only start after it. The
 * Navigation API's `navigate` event sees the router's `pushState` and the browser's back and
 * forward alike; where it is missing, a page asks for its data once its code has loaded.
 */
export function startPagesOnNavigation(queryClient: QueryClient): void {
  if (!('navigation' in window)) return;
  window.navigation.addEventListener('navigate', (event) => {
    const to = new URL(event.destination.url);
    if (to.origin === window.location.origin && to.pathname !== window.location.pathname) {
      void startPage(to.pathname + to.search, queryClient);
    }
  });
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

/** A page inside the layout, with its own boundary so the header stays up when the page fails. */
function PageSlot({ route }: { route: PageRoute }) {
  const { pathname } = useLocation();
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
          {ROUTES.map((route) =>
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
