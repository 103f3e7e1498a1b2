import { QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { Route, Routes, StaticRouter } from 'react-router';
import type { InboxRenderer } from '../api/first-rows';
import { createQueryClient } from '../lib/query-client';
import { ServerRendering } from '../lib/server-rendering';
import { putFirstRows } from './first-rows';
import { RootLayout } from './root-layout';
import { Component as InboxPage } from './routes/inbox-page';

/**
 * The inbox page as the app renders it for an inbox link, with its first page of rows, for the
 * server to put in the link's HTML (src/server/first-rows.ts). Built on its own
 * (`vite build --ssr`, package.json) and loaded by the server from the build: the server's own
 * code speaks only the API's types. Parts that wait for other data (names of filters, review
 * marks, result cells) render as they do while it loads. No effect runs here: the browser's first
 * render replaces this HTML.
 */
export const renderInbox: InboxRenderer = (location, data) => {
  const queryClient = createQueryClient();
  putFirstRows(queryClient, new URL(location, 'http://app.invalid').search, data);
  try {
    return renderToString(
      <ServerRendering value={true}>
        <QueryClientProvider client={queryClient}>
          <StaticRouter location={location}>
            <Routes>
              <Route element={<RootLayout />}>
                <Route path="conversations" element={<InboxPage />} />
              </Route>
            </Routes>
          </StaticRouter>
        </QueryClientProvider>
      </ServerRendering>,
    );
  } finally {
    queryClient.clear();
  }
};
