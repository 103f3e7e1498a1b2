import { describe, expect, it } from 'vitest';
import type { FirstRows } from '../api/first-rows';
import { listQuery, NO_FILTERS } from '../api/inbox-filters';
import { SERVER_ROWS } from '../features/inbox/conversation-list';
import { demoAccount } from '../mocks/fixtures/demo-account';
import { OPERATORS } from '../mocks/fixtures/operator-results';
import { plainDemoStatus } from '../mocks/fixtures/server-status';
import { renderInbox } from './render-inbox';

const NOW = Date.parse('2026-11-30T10:00:00Z');
const listed = demoAccount({ now: NOW }).listed;
const query = (listQuery(NO_FILTERS, NOW) as { ok: true; query: URLSearchParams }).query.toString();

/** The page the server would put in an inbox link's HTML, as a document to look into. */
function rendered(items: FirstRows['page']['items'], nextToken: string | null = 'next', location = '/conversations') {
  const root = document.createElement('div');
  root.innerHTML = renderInbox(location, { page: { items, nextToken, query }, status: plainDemoStatus });
  return root;
}

describe('the inbox rendered on the server', () => {
  it('holds the first rows, in order, each a link to its conversation', () => {
    const root = rendered(listed.slice(0, 50));
    const rows = [...root.querySelectorAll<HTMLElement>('[data-server-row]')];
    expect(rows).toHaveLength(SERVER_ROWS);
    expect(rows.map((row) => row.dataset.rowKey)).toEqual(listed.slice(0, SERVER_ROWS).map((item) => item.id));
    for (const row of rows) {
      const link = row.querySelector('a[data-conversation-id]')!;
      expect(link.getAttribute('href')).toBe(`/conversations/${row.dataset.rowKey}?from=`);
    }
    expect(root.querySelector('h1')!.textContent).toBe('Conversations');
    expect(root.textContent).toContain('50 loaded, more to load');
    expect(root.textContent).toContain('Demo data');
  });

  it('leaves the footer out under rows that stop halfway, and shows it under all of them', () => {
    expect(rendered(listed.slice(0, 50)).textContent).not.toMatch(/Load more|are loaded/);
    expect(rendered(listed.slice(0, 5), null).textContent).toContain(
      'All 5 conversations with these filters in the account are loaded.',
    );
  });

  it('carries no style attribute: the Content-Security-Policy would refuse it, and the rows lose their columns', () => {
    const root = rendered(listed.slice(0, 50), 'next', `/conversations?show=${OPERATORS.sentiment}&show=${OPERATORS.csat}`);
    expect(root.querySelectorAll('[data-server-row]')).toHaveLength(SERVER_ROWS);
    expect(root.textContent).not.toContain('could not be used');
    expect(root.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('renders the phone’s filter button and the wide screen’s fields, for CSS to show one: it does not know the screen', () => {
    const root = rendered(listed.slice(0, 50));
    const button = [...root.querySelectorAll('button')].find((element) => element.textContent?.startsWith('Filters'))!;
    expect(button.className).toContain('md:hidden');
    const status = [...root.querySelectorAll('label')].find((label) => label.textContent?.startsWith('Status'))!;
    expect(status.closest('.hidden.md\\:block')).not.toBeNull();
    // The phone's sheet of filters is the browser's to open.
    expect(root.querySelector('dialog[aria-labelledby="filter-sheet-heading"]')).toBeNull();
  });

  it('shows a conversation’s name as text, whatever it holds', () => {
    const hostile = { ...listed[0]!, name: '<img src=x onerror="alert(1)">' };
    const root = rendered([hostile]);
    expect(root.querySelector('img[src="x"]')).toBeNull();
    expect(root.querySelector('[data-server-row] a')!.textContent).toBe(hostile.name);
  });
});
