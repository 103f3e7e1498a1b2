import type { Context, Hono } from 'hono';
import { conversationPageSchema } from '../api/conversation';
import { embedFirstRows, type FirstRows, type InboxRenderer } from '../api/first-rows';
import { listPagePath, listQuery, readFilters } from '../api/inbox-filters';
import { BFF_API_PREFIX } from '../api/paths';
import { serverStatusSchema } from '../api/status';
import type { Logger } from './log';

/**
 * How long an inbox link's HTML waits for its first page of rows before it goes without them. Its
 * head has gone out already, so the browser loads the app's code meanwhile; past this, the app
 * would be ready before the rows and paints its skeleton instead, then the rows when they come.
 */
export const FIRST_ROWS_BUDGET_MS = 400;

/** Headers of the page's request that must not reach its data's: they are about the HTML. */
const NOT_FORWARDED = ['if-none-match', 'if-modified-since', 'accept', 'accept-encoding'];

/**
 * What goes in an inbox link's HTML in place of the empty root: the page rendered with its first
 * rows, then the data it was rendered from, for the app to start from (src/api/first-rows.ts).
 * The rows and the server's status are asked for as the browser would ask: the same routes, with
 * the reader's own credentials, so through the same access checks, validation, cache and
 * coalescing. Null, and the app asks for them itself, when the link's filters cannot be listed,
 * the answer is not a page of rows, it takes longer than `budgetMs`, or the page fails to render.
 * A request still under way when the budget runs out goes on: the app's own for the same page
 * joins it.
 */
export async function inboxFirstRows(
  app: Hono,
  c: Context,
  render: InboxRenderer,
  { log, budgetMs = FIRST_ROWS_BUDGET_MS, now = Date.now }: { log: Logger; budgetMs?: number; now?: () => number },
): Promise<string | null> {
  const url = new URL(c.req.url);
  const built = listQuery(readFilters(url.searchParams).filters, now());
  if (!built.ok) return null;
  const query = built.query.toString();
  const headers = new Headers(c.req.raw.headers);
  for (const name of NOT_FORWARDED) headers.delete(name);
  const ask = (path: string) => Promise.resolve(app.fetch(new Request(new URL(path, url), { headers }), c.env));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), budgetMs)));
  try {
    const answers = await Promise.race([Promise.all([ask(BFF_API_PREFIX + listPagePath(query)), ask('/api/status')]), late]);
    if (!answers || answers[0].status !== 200) return null;
    const rows = conversationPageSchema.safeParse(await answers[0].json());
    if (!rows.success) return null;
    // Without the status the page still renders: the badge comes when the app has asked for it.
    const status = answers[1].ok ? serverStatusSchema.safeParse(await answers[1].json()) : null;
    const data: FirstRows = {
      page: { items: rows.data.items, nextToken: rows.data.meta.nextToken ?? null, query },
      status: status?.success ? status.data : null,
    };
    return `<div id="root">${render(url.pathname + url.search, data)}</div>${embedFirstRows(data)}`;
  } catch (error) {
    // The page renders in the browser as it would have; the log says the server could not.
    log({ level: 'error', event: 'first_rows_failed', name: error instanceof Error ? error.name : typeof error });
    return null;
  } finally {
    clearTimeout(timer);
  }
}
