import { isId, type IdKind } from './ids';
import { firstListPagePath } from './inbox-filters';
import { apiPaths } from './paths';

/**
 * The app's pages: the one list that both the browser's router (src/app/router.tsx) and the
 * server's deep-link hints (src/server/spa.ts) read, so that adding a page is one entry here and
 * its route module. It holds no React, so the server may import it.
 */
export type Page = {
  /** React Router's pattern; at most one `:param`, which is then the page's ID. */
  path: string;
  /**
   * The route module (its source path, the key Vite's manifest files its chunk under). It exports
   * the page as `Component`; the router loads it lazily, and a deep link's HTML preloads it.
   */
  module: `src/app/routes/${string}-page.tsx`;
  /** For a page about one thing: the kind of ID in its path, and the BFF path of the data it opens with. */
  opensWith?: { kind: IdKind; data: (id: string) => string };
  /**
   * For a page that opens with a list: which one (the router's `LIST_QUERIES` asks for it), and
   * the BFF path of its first page for a link's query (its filters) at a given time, for the deep
   * link's HTML to preload.
   */
  opensWithList?: { kind: 'conversations'; firstPage: (search: URLSearchParams, now: number) => string | null };
};

export const PAGES = [
  { path: '/', module: 'src/app/routes/home-page.tsx' },
  {
    path: '/conversations',
    module: 'src/app/routes/inbox-page.tsx',
    opensWithList: { kind: 'conversations', firstPage: firstListPagePath },
  },
  {
    path: '/conversations/:conversationId',
    module: 'src/app/routes/conversation-page.tsx',
    opensWith: { kind: 'conversation', data: apiPaths.conversation },
  },
  {
    path: '/operator-results/:operatorResultId',
    module: 'src/app/routes/operator-result-page.tsx',
    opensWith: { kind: 'operatorResult', data: apiPaths.operatorResult },
  },
  { path: '/agreement', module: 'src/app/routes/agreement-page.tsx' },
] as const satisfies readonly Page[];

type AppPage = (typeof PAGES)[number];
export type PageModulePath = AppPage['module'];
/** The kinds of ID some page opens with: each needs the query that loads that data (src/app/router.tsx). */
export type PageIdKind = Extract<AppPage, { opensWith: object }>['opensWith']['kind'];
/** The lists some page opens with: each needs the query that loads it (src/app/router.tsx). */
export type PageListKind = Extract<AppPage, { opensWithList: object }>['opensWithList']['kind'];

/**
 * A page that a path leads to, and what it opens with: the data of the valid ID in its path, or
 * its list.
 */
export type PageMatch = {
  module: PageModulePath;
  opening: { kind: PageIdKind; id: string; dataPath: string } | null;
  list: { kind: PageListKind; firstPage: (search: URLSearchParams, now: number) => string | null } | null;
};

/**
 * Matches a path as React Router does: static parts case-insensitively, a trailing slash allowed,
 * a parameter one whole segment, decoded when it decodes.
 */
function pathMatcher(pattern: string): (pathname: string) => { param: string | null } | null {
  const escape = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const source = pattern
    .split('/')
    .map((part) => (part.startsWith(':') ? '([^/]+)' : escape(part)))
    .join('\\/');
  const regex = new RegExp(`^${pattern === '/' ? '' : source}\\/*$`, 'i');
  return (pathname) => {
    const match = regex.exec(pathname);
    if (!match) return null;
    if (match[1] === undefined) return { param: null };
    try {
      return { param: decodeURIComponent(match[1]) };
    } catch {
      return { param: match[1] };
    }
  };
}

const MATCHERS = PAGES.map((page) => ({ page, match: pathMatcher(page.path) }));

/**
 * The page at `pathname` (`null` for none). It opens with nothing when it has no ID or its ID is
 * not valid: the page itself then says what is wrong with it.
 */
export function pageAt(pathname: string): PageMatch | null {
  for (const { page, match } of MATCHERS) {
    const found = match(pathname);
    if (!found) continue;
    const opensWith = 'opensWith' in page ? page.opensWith : null;
    const valid = opensWith !== null && found.param !== null && isId(opensWith.kind, found.param);
    return {
      module: page.module,
      opening: valid ? { kind: opensWith.kind, id: found.param!, dataPath: opensWith.data(found.param!) } : null,
      list: 'opensWithList' in page ? page.opensWithList : null,
    };
  }
  return null;
}
