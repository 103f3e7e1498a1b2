import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { emulatedUpstream } from '../../tests/in-process-twilio';
import { seedConversation } from '../mocks/fixtures/conversations';
import { plainDemoStatus } from '../mocks/fixtures/server-status';
import { createApp } from './app';
import { firstListPagePath } from '../api/inbox-filters';
import { FIRST_ROWS_ELEMENT_ID, type FirstRows, type InboxRenderer } from '../api/first-rows';
import { setTimeout as pause } from 'node:timers/promises';
import type { LogEntry, Logger } from './log';
import { deepLinkHints, spaServer, type Manifest, type SpaOptions } from './spa';
import type { Upstream, UpstreamResponse } from './upstream-contract';

const MANIFEST: Manifest = {
  'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_shared-1.js'] },
  '_shared-1.js': { file: 'assets/shared-1.js' },
  '_labels-1.js': { file: 'assets/labels-1.js', imports: ['_shared-1.js'] },
  'src/app/routes/conversation-page.tsx': {
    file: 'assets/conversation-page-1.js',
    imports: ['_shared-1.js', '_labels-1.js', 'index.html'],
  },
  'src/app/routes/operator-result-page.tsx': { file: 'assets/operator-result-page-1.js', imports: ['_labels-1.js'] },
  'src/app/routes/inbox-page.tsx': { file: 'assets/inbox-page-1.js', imports: ['_shared-1.js', '_labels-1.js'] },
  'src/app/routes/home-page.tsx': { file: 'assets/home-page-1.js', imports: ['index.html'] },
};

const INDEX = '<!doctype html><html><head><title>Viewer</title></head><body><div id="root"></div></body></html>';
const SCRIPT = 'export const answer = 42;\n'.repeat(100);

const root = mkdtempSync(join(tmpdir(), 'spa-'));
mkdirSync(join(root, 'assets'));
mkdirSync(join(root, '.vite'));
writeFileSync(join(root, 'index.html'), INDEX);
writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
writeFileSync(join(root, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
writeFileSync(join(root, 'assets', 'index-1.js'), SCRIPT);
writeFileSync(join(root, 'assets', 'index-1.js.gz'), gzipSync(SCRIPT));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const app = createApp({ upstream: emulatedUpstream, status: plainDemoStatus, log: () => {}, serveSpa: spaServer(root) });

const conversationPath = `/conversations/${seedConversation.id}`;
const linksIn = (html: string) => html.match(/<link [^>]*>/g) ?? [];

describe('deep link hints', () => {
  it('preload a conversation link’s data and the code of its page that the entry does not load', () => {
    const hints = linksIn(deepLinkHints(MANIFEST)(conversationPath));
    expect(hints).toEqual([
      `<link rel="preload" as="fetch" crossorigin href="/api/v3/Conversations/${seedConversation.id}">`,
      '<link rel="modulepreload" crossorigin href="/assets/conversation-page-1.js">',
      '<link rel="modulepreload" crossorigin href="/assets/labels-1.js">',
    ]);
  });

  it('preload an operator result link’s data and page', () => {
    const id = 'intelligence_operatorresult_2eyf1ptz4ry0mjaer553hm9t5q';
    expect(linksIn(deepLinkHints(MANIFEST)(`/operator-results/${id}`))).toEqual([
      `<link rel="preload" as="fetch" crossorigin href="/api/v3/OperatorResults/${id}">`,
      '<link rel="modulepreload" crossorigin href="/assets/operator-result-page-1.js">',
      '<link rel="modulepreload" crossorigin href="/assets/labels-1.js">',
    ]);
  });

  it('preload the data alone when the build has no manifest', () => {
    expect(linksIn(deepLinkHints(null)(conversationPath))).toHaveLength(1);
  });

  it('preload an inbox link’s first page of rows, by its filters, and its page', () => {
    // 10:00:30 on 30 November: a 7-day window ends at the next whole minute, as the page's does.
    const now = Date.parse('2026-11-30T10:00:30Z');
    const hints = linksIn(
      deepLinkHints(MANIFEST, () => now)('/conversations', '?status=CLOSED&channel=SMS&channel=VOICE&window=7d'),
    );
    expect(hints).toEqual([
      '<link rel="preload" as="fetch" crossorigin href="/api/v3/Conversations?createdAtBefore=2026-11-30T10%3A01%3A00Z&amp;createdAtAfter=2026-11-23T10%3A01%3A00Z&amp;status=CLOSED&amp;channels=SMS&amp;channels=VOICE&amp;pageSize=50">',
      '<link rel="modulepreload" crossorigin href="/assets/inbox-page-1.js">',
      '<link rel="modulepreload" crossorigin href="/assets/labels-1.js">',
    ]);
    // The same path the page asks for (src/api/inbox-filters.ts), markup-escaped.
    expect(hints[0]).toContain(
      `href="/api${firstListPagePath(new URLSearchParams('status=CLOSED&channel=SMS&channel=VOICE&window=7d'), now)!.replace(/&/g, '&amp;')}"`,
    );
  });

  it('preload an inbox link’s rows without the parts of its filters that cannot be used, as the page does', () => {
    const hints = linksIn(deepLinkHints(MANIFEST)('/conversations', '?status=NOPE&channel=VOICE&x=%22%3E%3Cscript%3E'));
    expect(hints[0]).toBe(
      '<link rel="preload" as="fetch" crossorigin href="/api/v3/Conversations?channels=VOICE&amp;pageSize=50">',
    );
  });

  it('preload no rows for an inbox link whose range Twilio would refuse, only its page', () => {
    const hints = linksIn(deepLinkHints(MANIFEST)('/conversations', '?after=2026-01-01T00:00:00Z&before=2026-06-01T00:00:00Z'));
    expect(hints).toEqual([
      '<link rel="modulepreload" crossorigin href="/assets/inbox-page-1.js">',
      '<link rel="modulepreload" crossorigin href="/assets/labels-1.js">',
    ]);
  });

  it('preload the code alone of a page that opens with no data, or with an ID that is not valid', () => {
    expect(linksIn(deepLinkHints(MANIFEST)('/'))).toEqual([
      '<link rel="modulepreload" crossorigin href="/assets/home-page-1.js">',
    ]);
    for (const path of ['/conversations/conv_conversation_TOO-SHORT', `/operator-results/${seedConversation.id}`]) {
      const hints = deepLinkHints(MANIFEST)(path);
      expect(hints).not.toContain('rel="preload"');
      expect(hints).toContain('rel="modulepreload"');
    }
  });

  it.each([
    ['markup in the ID', '/conversations/"><script>alert(1)</script>'],
    ['a longer path', `${conversationPath}/extra`],
    ['a path of no page', '/nowhere'],
  ])('add nothing for %s', (_case, path) => {
    expect(deepLinkHints(MANIFEST)(path)).toBe('');
  });
});

describe('serving the SPA', () => {
  it('answers a deep link with index.html carrying its hints in the head', async () => {
    const response = await app.request(conversationPath);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    const html = await response.text();
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain(`<link rel="preload" as="fetch" crossorigin href="/api/v3/Conversations/${seedConversation.id}">`);
    expect(head).toContain('/assets/conversation-page-1.js');
    expect(html).toContain('<div id="root"></div>');
  });

  it('answers a link with a hostile ID with index.html and its page’s code, nothing of the ID', async () => {
    const response = await app.request('/conversations/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(
      INDEX.replace(
        '</head>',
        '<link rel="modulepreload" crossorigin href="/assets/conversation-page-1.js"><link rel="modulepreload" crossorigin href="/assets/labels-1.js"></head>',
      ),
    );
  });

  it('sends hashed assets precompressed and cacheable for good', async () => {
    const response = await app.request('/assets/index-1.js', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('Content-Type')).toMatch(/javascript/);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(SCRIPT.length);
  });

  it('sends them uncompressed to a client that does not accept gzip', async () => {
    const response = await app.request('/assets/index-1.js');
    expect(response.headers.get('Content-Encoding')).toBeNull();
    expect(await response.text()).toBe(SCRIPT);
  });

  it('lets the icon be cached for a day, and index.html not at all', async () => {
    const icon = await app.request('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('Cache-Control')).toBe('public, max-age=86400');
    expect((await app.request('/')).headers.get('Cache-Control')).toBe('no-cache');
  });

  it('answers a missing asset with 404, not with the SPA', async () => {
    expect((await app.request('/assets/gone-0.js')).status).toBe(404);
  });

  it('does not publish the build manifest', async () => {
    expect((await app.request('/.vite/manifest.json')).status).toBe(404);
  });
});

describe('an inbox link’s first rows in its HTML', () => {
  const INBOX_LINK = '/conversations?status=CLOSED&channel=VOICE';
  /** Stands in for the app's renderer (src/app/render-inbox.tsx): says what it was given. */
  const renderer: InboxRenderer = (location, data) =>
    `<p data-location="${location.replace(/&/g, '&amp;')}">${data.page.items.map((item) => item.id).join(' ')}</p>`;
  const listUpstream = (answer: (path: string) => Promise<UpstreamResponse> | null): Upstream => ({
    get: (path) => (/\/Conversations\?/.test(path) ? (answer(path) ?? emulatedUpstream.get(path)) : emulatedUpstream.get(path)),
  });
  const serve = (options: Partial<SpaOptions> & { upstream?: Upstream; log?: Logger } = {}) =>
    createApp({
      upstream: options.upstream ?? emulatedUpstream,
      status: plainDemoStatus,
      log: options.log ?? (() => {}),
      serveSpa: spaServer(root, { renderer, ...options }),
    });
  const embedded = (html: string): FirstRows =>
    JSON.parse(new RegExp(`<script type="application/json" id="${FIRST_ROWS_ELEMENT_ID}">(.*?)</script>`).exec(html)![1]!);

  it('renders the page with the first page of rows the link asks for, and carries them for the app', async () => {
    const response = await serve().request(INBOX_LINK);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=UTF-8');
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    const html = await response.text();
    const data = embedded(html);
    expect(data.page.items.length).toBeGreaterThan(3);
    expect(data.page.items.every((item) => item.status === 'CLOSED' && item.channels.includes('VOICE'))).toBe(true);
    expect(new URLSearchParams(data.page.query).getAll('channels')).toEqual(['VOICE']);
    expect(data.status).toEqual(plainDemoStatus);
    expect(html).toContain(
      `<div id="root"><p data-location="${INBOX_LINK.replace('&', '&amp;')}">${data.page.items.map((item) => item.id).join(' ')}</p></div>`,
    );
    // The page's code is preloaded as ever; its rows are not asked for twice.
    const head = html.slice(0, html.indexOf('</head>'));
    expect(linksIn(head)).toEqual([
      '<link rel="modulepreload" crossorigin href="/assets/inbox-page-1.js">',
      '<link rel="modulepreload" crossorigin href="/assets/labels-1.js">',
    ]);
  });

  it('sends the head at once, and the rows when they are in', async () => {
    let answer: () => void = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    const app = serve({ upstream: listUpstream((path) => held.then(() => emulatedUpstream.get(path))) });
    const response = await app.request(INBOX_LINK);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const first = decoder.decode((await reader.read()).value);
    expect(first).toContain('</head>');
    expect(first).not.toContain('id="root"');
    answer();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += decoder.decode(chunk.value);
    expect(rest).toContain(`id="${FIRST_ROWS_ELEMENT_ID}"`);
  });

  it.each<[string, Partial<SpaOptions> & { upstream?: Upstream }]>([
    [
      'the rows are late',
      { firstRowsBudgetMs: 20, upstream: listUpstream(async (path) => (await pause(300), emulatedUpstream.get(path))) },
    ],
    [
      'Twilio refuses the list',
      { upstream: listUpstream(async () => ({ status: 503, body: { code: 20003, message: 'Down', status: 503 }, headers: {} })) },
    ],
    [
      'the list is not a page of rows',
      { upstream: listUpstream(async () => ({ status: 200, body: { items: 'none' }, headers: {} })) },
    ],
  ])('leaves the rows to the app when %s', async (_case, options) => {
    const html = await (await serve(options).request(INBOX_LINK)).text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).not.toContain(FIRST_ROWS_ELEMENT_ID);
  });

  it('leaves the rows to the app when the page fails to render, and logs that without its words', async () => {
    const lines: LogEntry[] = [];
    const app = serve({
      renderer: () => {
        throw new TypeError('Cannot read the name "Refund for Jane Doe"');
      },
      log: (entry) => lines.push(entry),
    });
    const html = await (await app.request(INBOX_LINK)).text();
    expect(html).toContain('<div id="root"></div>');
    expect(lines).toContainEqual({ level: 'error', event: 'first_rows_failed', name: 'TypeError' });
    expect(JSON.stringify(lines)).not.toContain('Jane');
  });

  it('leaves the rows to the app when the build has no renderer, and says so once', async () => {
    const lines: LogEntry[] = [];
    const app = serve({ renderer: join(root, 'no-such-renderer.js'), log: (entry) => lines.push(entry) });
    for (let i = 0; i < 2; i++) expect(await (await app.request(INBOX_LINK)).text()).toContain('<div id="root"></div>');
    expect(lines.filter((line) => line.event === 'renderer_unavailable')).toHaveLength(1);
  });

  it('renders nothing on the server for a link whose filters Twilio would refuse: the page says why', async () => {
    const html = await (await serve().request('/conversations?after=2026-01-01T00:00:00Z&before=2026-06-01T00:00:00Z')).text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).not.toContain(FIRST_ROWS_ELEMENT_ID);
  });

  it('asks for the rows with the reader’s own credentials, here the team token', async () => {
    const app = createApp({
      upstream: emulatedUpstream,
      status: plainDemoStatus,
      log: () => {},
      accessToken: 'team-token-of-at-least-thirty-two-chars',
      serveSpa: spaServer(root, { renderer }),
    });
    const signedIn = await app.request(INBOX_LINK, {
      headers: { Authorization: 'Bearer team-token-of-at-least-thirty-two-chars' },
    });
    expect(await signedIn.text()).toContain(FIRST_ROWS_ELEMENT_ID);
  });
});
