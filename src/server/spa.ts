import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hono } from 'hono';
import type { InboxRenderer } from '../api/first-rows';
import { PAGES, pageAt } from '../api/pages';
import { BFF_API_PREFIX } from '../api/paths';
import { inboxFirstRows } from './first-rows';
import type { Logger } from './log';

/** One entry of Vite's build manifest (`dist/.vite/manifest.json`), as far as it is read here. */
export type ManifestChunk = { file: string; imports?: string[]; isEntry?: boolean };
export type Manifest = Record<string, ManifestChunk>;

/** Every file a chunk needs before it can run: itself and its static imports, depth first. */
function chunkFiles(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) chunkFiles(manifest, imported, into);
  return into;
}

/** An attribute value as HTML: a list's path carries `&` between its parameters. */
const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The `<link>` tags that let the browser fetch a deep link's data and page code while it is still
 * loading the app's entry, instead of one after the other once the router has run: the code of any
 * page of the table (src/api/pages.ts) that the entry does not load, worked out once from the
 * build's manifest; the data of a page that opens with a valid ID, or the first page of the list a
 * page opens with, by the link's filters. The data URL is exactly the one the page will fetch (same
 * URL, no extra headers), so the browser hands the preloaded answer to the page's own request. A
 * list whose window is a preset ("the last 7 days") ends at the next whole minute of the clock: the
 * browser's and this one agree but for a request made across a minute's turn or a clock set wrong,
 * and then the page asks again and the preload is unused. Nothing for any other path. Without
 * `withData`, the code alone: for an inbox link whose HTML brings its rows itself.
 */
export function deepLinkHints(
  manifest: Manifest | null,
  now: () => number = Date.now,
): (pathname: string, search?: string, withData?: boolean) => string {
  const loaded = manifest ? chunkFiles(manifest, 'index.html') : new Set<string>();
  const code = new Map(
    PAGES.map((page) => [
      page.module,
      manifest
        ? [...chunkFiles(manifest, page.module)]
            .filter((file) => !loaded.has(file))
            .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`)
            .join('')
        : '',
    ]),
  );
  const preload = (path: string) => `<link rel="preload" as="fetch" crossorigin href="${attribute(BFF_API_PREFIX + path)}">`;
  return (pathname, search = '', withData = true) => {
    const found = pageAt(pathname);
    if (!found) return '';
    if (!withData) return code.get(found.module)!;
    const dataPath = found.opening?.dataPath ?? found.list?.firstPage(new URLSearchParams(search), now()) ?? null;
    return (dataPath === null ? '' : preload(dataPath)) + code.get(found.module);
  };
}

function readManifest(root: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(join(root, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

const PUBLIC_FILE = /^\/[\w-]+\.(?:svg|png|ico|webmanifest|txt)$/;

/**
 * How long a browser may keep what the SPA server sends. Files under /assets/ carry a hash of their
 * content in their names, so a new build has new names: kept for good. Files from public/ (the
 * icon) keep their names across builds: a day. The HTML names the current build's assets: checked
 * every time.
 */
function cachePolicy(path: string): string {
  if (path.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  if (PUBLIC_FILE.test(path)) return 'public, max-age=86400';
  return 'no-cache';
}

/** Where the app renders, in index.html: an inbox link's HTML fills it (src/server/first-rows.ts). */
const ROOT = '<div id="root"></div>';
const encoder = new TextEncoder();

/**
 * The inbox's renderer: given, or loaded once from the module the build wrote (a path), the first
 * time a link needs it. Null when there is none: the page then renders in the browser alone.
 */
function rendererFrom(source: string | InboxRenderer | undefined, log: Logger): () => Promise<InboxRenderer | null> {
  if (typeof source === 'function') return () => Promise.resolve(source);
  if (!source) return () => Promise.resolve(null);
  let loading: Promise<InboxRenderer | null> | null = null;
  return () =>
    (loading ??= import(/* @vite-ignore */ pathToFileURL(source).href).then(
      (module: { renderInbox: InboxRenderer }) => module.renderInbox,
      (error: unknown) => {
        log({ level: 'error', event: 'renderer_unavailable', name: error instanceof Error ? error.name : typeof error });
        return null;
      },
    ));
}

export type SpaOptions = {
  /**
   * What renders an inbox link's first rows into its HTML: the module the build writes
   * (`dist-server/render/render-inbox.js`, which exports `renderInbox`), or the function itself.
   * Without it, every page renders in the browser alone.
   */
  renderer?: string | InboxRenderer;
  /** How long an inbox link's HTML waits for its rows (src/server/first-rows.ts). */
  firstRowsBudgetMs?: number;
};

/**
 * Serves the built SPA. Hashed assets go out precompressed when the client accepts it (the build
 * writes .br and .gz next to them) and are cached for good; any other GET (a deep link) gets
 * index.html, with hints for the page it opens, so the router can take over.
 *
 * An inbox link whose filters can be listed gets its first rows in the HTML, painted before the
 * app's code has run. Its head goes out at once, so the browser fetches the code while the server
 * asks for the rows; the rest follows with them, or without them once they are late.
 */
export function spaServer(root: string, { renderer, firstRowsBudgetMs }: SpaOptions = {}): (app: Hono, log: Logger) => void {
  return (app, log) => {
    const inboxRenderer = rendererFrom(renderer, log);
    const index = existsSync(join(root, 'index.html')) ? readFileSync(join(root, 'index.html'), 'utf8') : null;
    const hints = deepLinkHints(readManifest(root));
    // The build's bookkeeping, not part of the site.
    app.get('/.vite/*', (c) => c.notFound());
    app.use('/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', cachePolicy(c.req.path));
    });
    app.use('/assets/*', serveStatic({ root, precompressed: true }));
    app.use('/*', serveStatic({ root }));
    // Where index.html splits around the root that an inbox link's rows fill, worked out once.
    const rootAt = index?.indexOf(ROOT) ?? -1;
    const rest = index?.slice(rootAt + ROOT.length) ?? '';
    app.get('*', (c) => {
      // A missing asset is a 404, not the SPA: a stale tab must not parse HTML as JavaScript.
      if (c.req.path.startsWith('/assets/') || index === null) return c.notFound();
      const search = new URL(c.req.url).search;
      // A link whose filters cannot be listed gets its root empty from `inboxFirstRows` too.
      if (!renderer || rootAt === -1 || pageAt(c.req.path)?.list?.kind !== 'conversations') {
        return c.html(index.replace('</head>', `${hints(c.req.path, search)}</head>`));
      }
      const head = index.slice(0, rootAt).replace('</head>', `${hints(c.req.path, search, false)}</head>`);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          // On the next turn of the event loop: the response's headers have gone out by then, and
          // the head follows before the rows are asked for and rendered, which can keep the loop
          // busy for a while when the answer comes from the process itself (the demo).
          setTimeout(() => {
            controller.enqueue(encoder.encode(head));
            void inboxRenderer()
              .then((render) => (render ? inboxFirstRows(app, c, render, { log, budgetMs: firstRowsBudgetMs }) : null))
              .catch(() => null)
              .then((html) => {
                controller.enqueue(encoder.encode((html ?? ROOT) + rest));
                controller.close();
              });
          });
        },
      });
      return c.body(body, 200, { 'Content-Type': 'text/html; charset=UTF-8' });
    });
  };
}
