import { describe, expect, it, vi } from 'vitest';
import { ID_PREFIXES, type IdKind } from '../api/ids';
import { PAGES, pageAt } from '../api/pages';
import { BFF_API_PREFIX } from '../api/paths';
import { createQueryClient } from '../lib/query-client';
import { seedConversation } from '../mocks/fixtures/conversations';
import { server } from '../../tests/bff-in-process';
import { conversationListOptions } from '../features/inbox/api';
import { readFilters } from '../api/inbox-filters';
import { OPENING_QUERIES, ROUTE_MODULES, startPage } from './router';

const validId = (kind: IdKind) => `${ID_PREFIXES[kind]}0${'a'.repeat(25)}`;

/** The paths of the API requests made while `run` runs. */
async function requestsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const paths: string[] = [];
  const record = ({ request }: { request: Request }) => paths.push(new URL(request.url).pathname);
  server.events.on('request:start', record);
  try {
    await run();
  } finally {
    server.events.removeListener('request:start', record);
  }
  return paths;
}

describe('the route table', () => {
  it('has a route module for every page, and a page for every route module', () => {
    expect(Object.keys(ROUTE_MODULES).sort()).toEqual(PAGES.map((page) => `/${page.module}`).sort());
  });

  it.each(PAGES.map((page) => [page.module, page] as const))('loads %s, which exports its page', async (_module, page) => {
    const module = await ROUTE_MODULES[`/${page.module}`]!();
    expect(module.Component).toEqual(expect.any(Function));
  });

  // The deep link's HTML preloads `opensWith.data`; the browser hands that answer only to a
  // request for the very same URL, so the page's query must ask for exactly that.
  it.each(PAGES.filter((page) => 'opensWith' in page).map((page) => [page.path, page] as const))(
    'asks for the data %s opens with at the URL its deep link preloads',
    async (_path, page) => {
      const id = validId(page.opensWith.kind);
      const paths = await requestsDuring(() => OPENING_QUERIES[page.opensWith.kind](createQueryClient(), id));
      expect(paths).toEqual([BFF_API_PREFIX + page.opensWith.data(id)]);
    },
  );
});

describe('starting a page', () => {
  it('asks for its data once, however often it is started, and loads its code', async () => {
    const queryClient = createQueryClient();
    const path = `/conversations/${seedConversation.id}`;
    const paths = await requestsDuring(async () => {
      const [code] = await Promise.all([startPage(path, queryClient), startPage(path, queryClient)]);
      expect(code).toMatchObject({ Component: expect.any(Function) });
      await vi.waitFor(() => expect(queryClient.getQueryData(['conversation', seedConversation.id])).toBeDefined());
      await startPage(path, queryClient);
    });
    expect(paths).toEqual([BFF_API_PREFIX + pageAt(path)!.opening!.dataPath]);
  });

  it('asks for the list a page opens with, by the filters in its link, once', async () => {
    const queryClient = createQueryClient();
    const path = '/conversations?status=CLOSED&channel=VOICE';
    const queries: URLSearchParams[] = [];
    const record = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (url.pathname === `${BFF_API_PREFIX}/v3/Conversations`) queries.push(url.searchParams);
    };
    server.events.on('request:start', record);
    try {
      await Promise.all([startPage(path, queryClient), startPage(path, queryClient)]);
      const key = conversationListOptions(readFilters(new URL(path, 'http://app.invalid').searchParams).filters).queryKey;
      await vi.waitFor(() => expect(queryClient.getQueryData(key)).toBeDefined());
      await startPage(path, queryClient);
    } finally {
      server.events.removeListener('request:start', record);
    }
    expect(queries).toHaveLength(1);
    expect(queries[0]!.get('status')).toBe('CLOSED');
    expect(queries[0]!.getAll('channels')).toEqual(['VOICE']);
  });

  it('asks for nothing when the ID is not valid, or the page has no data', async () => {
    const queryClient = createQueryClient();
    const paths = await requestsDuring(() =>
      Promise.all([startPage('/conversations/not-an-id', queryClient), startPage('/', queryClient)]),
    );
    expect(paths).toEqual([]);
  });
});
