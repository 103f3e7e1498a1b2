import * as z from 'zod/mini';
import { conversationListItemSchema } from './conversation';
import { serverStatusSchema } from './status';

/**
 * What an inbox link's HTML carries when the server painted its first rows: the first page of rows
 * (with the query it was asked with, which the next pages repeat) and the server's status (the
 * header's badge). The app starts from them instead of asking again (src/app/first-rows.ts), so
 * its first render shows what the reader already sees, in the same places.
 */
export const FIRST_ROWS_ELEMENT_ID = 'inbox-first-rows';

export const firstRowsSchema = z.object({
  page: z.object({ items: z.array(conversationListItemSchema), nextToken: z.nullable(z.string()), query: z.string() }),
  status: z.nullable(serverStatusSchema),
});
export type FirstRows = z.infer<typeof firstRowsSchema>;

/** The data as a `<script type="application/json">`: no `<` inside a value can end it early. */
export function embedFirstRows(data: FirstRows): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${FIRST_ROWS_ELEMENT_ID}">${json}</script>`;
}

/**
 * Renders the inbox page at `location` (a path with its query) from this data, as the app would:
 * the HTML that goes inside the page's root element. Built with the app (src/app/render-inbox.tsx)
 * and loaded by the server from the build.
 */
export type InboxRenderer = (location: string, data: FirstRows) => string;
