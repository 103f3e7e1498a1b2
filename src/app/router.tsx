import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { isId } from '../api/ids';
import { conversationQueryOptions } from '../features/conversation/api';
import { operatorResultQueryOptions } from '../features/operator-results/api';
import { NotFoundPage } from './routes/not-found-page';
import { RootLayout } from './root-layout';
import { RouteErrorPage } from './routes/route-error-page';

/**
 * Route modules are loaded lazily (each page is its own chunk); loaders only start the data
 * request early, in parallel with the chunk, and never throw: pages own their error states.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: '/',
      Component: RootLayout,
      ErrorBoundary: RouteErrorPage,
      HydrateFallback: () => null,
      children: [
        {
          ErrorBoundary: RouteErrorPage,
          children: [
            { index: true, lazy: () => import('./routes/home-page') },
            {
              path: 'conversations/:conversationId',
              loader: ({ params }) => {
                const id = params.conversationId ?? '';
                if (isId('conversation', id)) void queryClient.prefetchQuery(conversationQueryOptions(id));
                return null;
              },
              // Find, filters, time zone and the selected result live in the query string: changing
              // them must not re-run the loader.
              shouldRevalidate: ({ currentUrl, nextUrl }) => currentUrl.pathname !== nextUrl.pathname,
              lazy: () => import('./routes/conversation-page'),
            },
            {
              path: 'operator-results/:operatorResultId',
              loader: ({ params }) => {
                const id = params.operatorResultId ?? '';
                if (isId('operatorResult', id)) void queryClient.prefetchQuery(operatorResultQueryOptions(id));
                return null;
              },
              lazy: () => import('./routes/operator-result-page'),
            },
            { path: '*', Component: NotFoundPage },
          ],
        },
      ],
    },
  ];
}
