import { matchPath } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ID_PREFIXES, type IdKind } from './ids';
import { firstListPagePath } from './inbox-filters';
import { PAGES, pageAt } from './pages';

const validId = (kind: IdKind) => `${ID_PREFIXES[kind]}0${'a'.repeat(25)}`;
const conversationId = validId('conversation');
const operatorResultId = validId('operatorResult');

describe('the page table', () => {
  it('gives every page with an ID in its path the data it opens with, and no other page any', () => {
    for (const page of PAGES) {
      const params = page.path.split('/').filter((part) => part.startsWith(':'));
      expect(params.length, page.path).toBeLessThanOrEqual(1);
      expect('opensWith' in page, page.path).toBe(params.length === 1);
    }
  });

  it('lists each path and each route module once', () => {
    expect(new Set(PAGES.map((page) => page.path)).size).toBe(PAGES.length);
    expect(new Set(PAGES.map((page) => page.module)).size).toBe(PAGES.length);
  });
});

describe('finding the page at a path', () => {
  it('finds a page and the data its valid ID opens with', () => {
    expect(pageAt(`/conversations/${conversationId}`)).toEqual({
      module: 'src/app/routes/conversation-page.tsx',
      opening: { kind: 'conversation', id: conversationId, dataPath: `/v3/Conversations/${conversationId}` },
      list: null,
    });
    expect(pageAt(`/operator-results/${operatorResultId}`)).toEqual({
      module: 'src/app/routes/operator-result-page.tsx',
      opening: { kind: 'operatorResult', id: operatorResultId, dataPath: `/v3/OperatorResults/${operatorResultId}` },
      list: null,
    });
    expect(pageAt('/')).toEqual({ module: 'src/app/routes/home-page.tsx', opening: null, list: null });
  });

  it('opens with nothing when the ID is not valid or of another kind: the page explains it', () => {
    expect(pageAt('/conversations/conv_conversation_TOO-SHORT')).toEqual({
      module: 'src/app/routes/conversation-page.tsx',
      opening: null,
      list: null,
    });
    expect(pageAt(`/operator-results/${conversationId}`)?.opening).toBeNull();
    expect(pageAt('/conversations/%E0%A4%A')?.opening ?? null).toBeNull();
  });

  it('finds no page for paths the router does not route', () => {
    expect(pageAt('/nowhere')).toBeNull();
    expect(pageAt(`/conversations/${conversationId}/extra`)).toBeNull();
    expect(pageAt('/operator-results/')).toBeNull();
  });

  it('finds the inbox at /conversations, with or without a trailing slash, opening with its list', () => {
    const inbox = {
      module: 'src/app/routes/inbox-page.tsx',
      opening: null,
      list: { kind: 'conversations', firstPage: firstListPagePath },
    };
    expect(pageAt('/conversations')).toEqual(inbox);
    expect(pageAt('/conversations/')).toEqual(inbox);
  });

  // The router renders by React Router's matching and the server hints by this table's: a path
  // that one sends to a page and the other does not would preload the wrong page, or none.
  it.each([
    '/',
    `/conversations/${conversationId}`,
    `/conversations/${conversationId}/`,
    `/Conversations/${conversationId}`,
    `/conversations/${conversationId}/extra`,
    '/conversations/',
    '/conversations',
    `/operator-results/${operatorResultId}`,
    `/operator-results/${operatorResultId}//`,
    '/operator-results/a%2Fb',
    '/operator-results/',
    '/Conversations',
    '/conversations/%E0%A4%A',
    '/sign-in',
    '/index.html',
  ])('agrees with React Router on %s', (path) => {
    const routed = PAGES.find((page) => matchPath({ path: page.path, end: true }, path));
    expect(pageAt(path)?.module ?? null).toBe(routed?.module ?? null);
  });
});
