import * as z from 'zod/mini';
import { pageOf } from './page';

const text = z.optional(z.nullable(z.string()));
/** The spec says integer; its own example sends `"4"`. Either is read, neither is rewritten. */
const versionNumber = z.optional(z.nullable(z.union([z.number(), z.string()])));

/**
 * A language operator's definition. The spec makes none of its fields required (not even `id`), so
 * none is required here: what is missing is shown as missing.
 */
export const operatorSchema = z.looseObject({
  id: text,
  displayName: text,
  description: text,
  version: versionNumber,
  author: text,
  prompt: text,
  outputFormat: text,
  outputSchema: z.optional(z.nullable(z.unknown())),
  trainingExamples: z.optional(z.nullable(z.array(z.unknown()))),
  context: z.optional(z.nullable(z.unknown())),
  parameters: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
});
export type Operator = z.infer<typeof operatorSchema>;

/** A page of `GET /v3/ControlPlane/Operators`. */
export const operatorPageSchema = pageOf(operatorSchema);

/** `GET /v3/ControlPlane/Operators/{id}/Versions/{version}`: the definition as it was, with its lifecycle. */
export const operatorVersionSchema = z.looseObject({
  ...operatorSchema.shape,
  status: text,
  dateCreated: text,
  dateDeprecated: text,
  retirementDate: text,
  dateRetired: text,
});
export type OperatorVersion = z.infer<typeof operatorVersionSchema>;

/** A page of `GET /v3/ControlPlane/Operators/{id}/Versions`: the versions' lifecycles, without definitions. */
export const operatorVersionPageSchema = pageOf(
  z.looseObject({
    version: versionNumber,
    status: text,
    dateCreated: text,
    dateDeprecated: text,
    retirementDate: text,
    dateRetired: text,
  }),
);

/** An intelligence configuration: which rules run which operators. Read for its name and rules. */
export const configurationSchema = z.looseObject({
  id: text,
  accountId: text,
  displayName: text,
  description: text,
  version: versionNumber,
  rules: z.optional(
    z.nullable(
      z.array(
        z.looseObject({
          id: text,
          operators: z.optional(
            z.nullable(z.array(z.looseObject({ id: text, version: versionNumber, parameters: z.optional(z.unknown()) }))),
          ),
          triggers: z.optional(z.nullable(z.array(z.looseObject({ on: text, parameters: z.optional(z.unknown()) })))),
          actions: z.optional(z.nullable(z.array(z.unknown()))),
          context: z.optional(z.nullable(z.unknown())),
        }),
      ),
    ),
  ),
  dateCreated: text,
  dateUpdated: text,
});
export type Configuration = z.infer<typeof configurationSchema>;

/** A page of `GET /v3/ControlPlane/Configurations`. */
export const configurationPageSchema = pageOf(configurationSchema);
