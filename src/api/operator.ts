import * as z from 'zod/mini';
import { ID_PATTERNS } from './ids';

/** A language operator's definition; only what the viewer shows is required. */
export const operatorSchema = z.looseObject({
  id: z.string().check(z.regex(ID_PATTERNS.operator)),
  displayName: z.optional(z.nullable(z.string())),
  description: z.optional(z.nullable(z.string())),
  version: z.optional(z.nullable(z.number())),
  author: z.optional(z.nullable(z.string())),
  outputFormat: z.optional(z.nullable(z.string())),
});

export type Operator = z.infer<typeof operatorSchema>;
