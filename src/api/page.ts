import * as z from 'zod/mini';

/**
 * Token pagination, as every v3 list answers: `{ items: [...], meta: { key, pageSize, nextToken?,
 * previousToken? } }`. `pageSize` is the number of items returned; tokens are opaque cursors, passed
 * back exactly as they came.
 */
export const pageMetaSchema = z.looseObject({
  key: z.string(),
  pageSize: z.number(),
  nextToken: z.optional(z.nullable(z.string())),
  previousToken: z.optional(z.nullable(z.string())),
});

export const pageOf = <Item extends z.ZodMiniType>(item: Item) => z.looseObject({ items: z.array(item), meta: pageMetaSchema });

export type PageMeta = z.infer<typeof pageMetaSchema>;
