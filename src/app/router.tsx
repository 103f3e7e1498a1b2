import { useQueryClient, type FetchQueryOptions } from '@tanstack/react-query';
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Route, Routes, useLocation, useParams } from 'react-router';
import { isId } from '../api/ids';
import { conversationQueryOptions } from '../features/conversation/api';
import { operatorResultQueryOptions } from '../features/operator-results/api';
import { NotFoundPage } from './routes/not-found-page';
import { RootLayout } from './root-layout';
import { RouteErrorPage } from './routes/route-error-page';

/** A route module's page: each is its own chunk, loaded when its path is first opened. */
const page = (load: () => Promise<{ Component: ComponentType }>) =>
  lazy(() => load().then((module) => ({ default: module.Component })));
const HomePage = page(() => import('./routes/home-page'));
const ConversationPage = page(() => import('./routes/conversation-page'));
const OperatorResultPage = page(() => import('./routes/operator-result-page'));

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

/** A page inside the layout: its own boundary, so the header stays up when the page fails. */
function PageSlot({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <RouteBoundary path={pathname}>
      <Suspense fallback={null}>{children}</Suspense>
    </RouteBoundary>
  );
}

/**
 * Starts a page's data request while its code loads, so the two run side by side. A deep link's
 * HTML has already asked for both (src/server/spa.ts); this covers links followed inside the app.
 */
function usePrefetch<Data>(options: FetchQueryOptions<Data, Error, Data, string[]> | null) {
  const queryClient = useQueryClient();
  if (options && !queryClient.getQueryState(options.queryKey)) void queryClient.prefetchQuery(options);
}

function ConversationRoute() {
  const { conversationId = '' } = useParams();
  usePrefetch(isId('conversation', conversationId) ? conversationQueryOptions(conversationId) : null);
  return <ConversationPage />;
}

function OperatorResultRoute() {
  const { operatorResultId = '' } = useParams();
  usePrefetch(isId('operatorResult', operatorResultId) ? operatorResultQueryOptions(operatorResultId) : null);
  return <OperatorResultPage />;
}

export function AppRoutes() {
  const { pathname } = useLocation();
  return (
    <RouteBoundary path={pathname}>
      <Routes>
        <Route element={<RootLayout />}>
          <Route
            index
            element={
              <PageSlot>
                <HomePage />
              </PageSlot>
            }
          />
          <Route
            path="conversations/:conversationId"
            element={
              <PageSlot>
                <ConversationRoute />
              </PageSlot>
            }
          />
          <Route
            path="operator-results/:operatorResultId"
            element={
              <PageSlot>
                <OperatorResultRoute />
              </PageSlot>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </RouteBoundary>
  );
}
