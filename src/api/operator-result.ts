import * as z from 'zod/mini';
import { reference, timestamp } from './conversation';
import { pageOf } from './page';

export const KNOWN_OUTPUT_FORMATS = ['TEXT', 'JSON', 'CLASSIFICATION', 'EXTRACTION'] as const;

export const textResultSchema = z.looseObject({ text: z.string() });
export const classificationResultSchema = z.looseObject({ label: z.string() });
export const extractionEntitySchema = z.looseObject({ text: z.string(), label: z.string() });
export const extractionResultSchema = z.looseObject({ entities: z.array(extractionEntitySchema) });

const systemMetadataSchema = z.looseObject({
  resolvedModel: z.optional(z.nullable(z.string())),
  latencyMs: z.optional(z.nullable(z.number())),
  inputCharacters: z.optional(z.nullable(z.number())),
  outputCharacters: z.optional(z.nullable(z.number())),
  inputTruncated: z.optional(z.nullable(z.boolean())),
});

/**
 * The spec marks most of these as required, but its own examples omit `metadata`; provenance
 * is rendered defensively, so only what identifies the result is required here.
 */
export const operatorResultSchema = z.looseObject({
  id: z.string().check(z.minLength(1, 'A result needs an id')),
  accountId: z.optional(z.nullable(z.string())),
  outputFormat: z.string(),
  conversationId: reference,
  dateCreated: z.optional(z.nullable(timestamp)),
  referenceIds: z._default(z.array(reference), []),
  executionDetails: z.optional(
    z.nullable(
      z.looseObject({
        trigger: z.optional(
          z.nullable(z.looseObject({ on: z.optional(z.string()), timestamp: z.optional(z.nullable(timestamp)) })),
        ),
        communications: z.optional(
          z.nullable(z.looseObject({ first: z.optional(z.nullable(z.string())), last: z.optional(z.nullable(z.string())) })),
        ),
        channels: z.optional(z.nullable(z.array(z.string()))),
        participants: z.optional(
          z.nullable(
            z.array(
              z.looseObject({
                id: z.string(),
                profileId: z.optional(z.nullable(z.string())),
                type: z.optional(z.nullable(z.string())),
              }),
            ),
          ),
        ),
        resolvedContext: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
      }),
    ),
  ),
  intelligenceConfiguration: z.optional(
    z.nullable(
      z.looseObject({
        id: z.optional(z.nullable(z.string())),
        ruleId: z.optional(z.nullable(z.string())),
        version: z.optional(z.nullable(z.number())),
      }),
    ),
  ),
  operator: z.looseObject({
    id: reference,
    version: z.optional(z.nullable(z.number())),
    parameters: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  }),
  metadata: z.optional(z.nullable(z.looseObject({ system: z.optional(z.nullable(systemMetadataSchema)) }))),
  result: z.optional(z.nullable(z.unknown())),
  refusal: z.optional(z.unknown()),
});

export type OperatorResult = z.infer<typeof operatorResultSchema>;
export type ExtractionEntity = z.infer<typeof extractionEntitySchema>;

/** The result narrowed by its declared format; `unknown` keeps whatever did not match. */
export type ResultView =
  | { format: 'TEXT'; text: string }
  | { format: 'CLASSIFICATION'; label: string }
  | { format: 'EXTRACTION'; entities: ExtractionEntity[] }
  | { format: 'JSON'; value: unknown }
  | { format: 'unknown'; declared: string; value: unknown };

export function viewResult(result: OperatorResult): ResultView {
  const value = result.result;
  switch (result.outputFormat) {
    case 'TEXT': {
      const parsed = textResultSchema.safeParse(value);
      if (parsed.success) return { format: 'TEXT', text: parsed.data.text };
      break;
    }
    case 'CLASSIFICATION': {
      const parsed = classificationResultSchema.safeParse(value);
      if (parsed.success) return { format: 'CLASSIFICATION', label: parsed.data.label };
      break;
    }
    case 'EXTRACTION': {
      const parsed = extractionResultSchema.safeParse(value);
      if (parsed.success) return { format: 'EXTRACTION', entities: parsed.data.entities };
      break;
    }
    case 'JSON':
      return { format: 'JSON', value };
  }
  return { format: 'unknown', declared: result.outputFormat, value };
}

/** A page of `GET /v3/OperatorResults`: token pagination, cursors are opaque. */
export const operatorResultPageSchema = pageOf(operatorResultSchema);
export type OperatorResultPage = z.infer<typeof operatorResultPageSchema>;
