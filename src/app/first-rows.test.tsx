import { afterEach, describe, expect, it } from 'vitest';
import { embedFirstRows, FIRST_ROWS_ELEMENT_ID, type FirstRows } from '../api/first-rows';
import { readFilters } from '../api/inbox-filters';
import { conversationListOptions } from '../features/inbox/api';
import { statusQueryOptions } from '../features/status/api';
import { createQueryClient } from '../lib/query-client';
import { demoAccount } from '../mocks/fixtures/demo-account';
import { plainDemoStatus } from '../mocks/fixtures/server-status';
import { takeFirstRows } from './first-rows';

const SEARCH = '?status=CLOSED&channel=VOICE';
const items = demoAccount({ now: Date.parse('2026-11-30T10:00:00Z') }).listed.slice(0, 3);
const data: FirstRows = { page: { items, nextToken: 'token-2', query: 'status=CLOSED&channels=VOICE' }, status: plainDemoStatus };
const listKey = conversationListOptions(readFilters(new URLSearchParams(SEARCH)).filters).queryKey;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('an inbox link’s first rows, taken from its HTML', () => {
  it('go into the cache as the first page of the link’s list, with the server’s status', () => {
    document.body.innerHTML = `<div id="root"></div>${embedFirstRows(data)}`;
    const queryClient = createQueryClient();
    expect(takeFirstRows(queryClient, document, SEARCH)).toBe(true);
    expect(queryClient.getQueryData(listKey)).toEqual({ pages: [data.page], pageParams: [null] });
    expect(queryClient.getQueryData(statusQueryOptions.queryKey)).toEqual(plainDemoStatus);
    expect(document.getElementById(FIRST_ROWS_ELEMENT_ID)).toBeNull();
  });

  it('keep any text as it was, markup that would end their script included', () => {
    const hostile: FirstRows = {
      ...data,
      page: { ...data.page, items: [{ ...items[0]!, name: '</script><script>alert(1)</script><!--' }] },
    };
    document.body.innerHTML = embedFirstRows(hostile);
    expect(document.querySelectorAll('script')).toHaveLength(1);
    const queryClient = createQueryClient();
    expect(takeFirstRows(queryClient, document, SEARCH)).toBe(true);
    expect(queryClient.getQueryData<{ pages: FirstRows['page'][] }>(listKey)!.pages[0]!.items[0]!.name).toBe(
      '</script><script>alert(1)</script><!--',
    );
  });

  it.each([
    ['text that is not JSON', 'not json'],
    ['JSON of another shape', JSON.stringify({ page: { items: 'none' }, status: null })],
  ])('are left out when they are %s: the inbox asks for its rows itself', (_case, text) => {
    document.body.innerHTML = `<script type="application/json" id="${FIRST_ROWS_ELEMENT_ID}">${text}</script>`;
    const queryClient = createQueryClient();
    expect(takeFirstRows(queryClient, document, SEARCH)).toBe(false);
    expect(queryClient.getQueryData(listKey)).toBeUndefined();
    expect(document.getElementById(FIRST_ROWS_ELEMENT_ID)).toBeNull();
  });

  it('are nothing to take in a page whose HTML has none', () => {
    expect(takeFirstRows(createQueryClient(), document, SEARCH)).toBe(false);
  });
});
