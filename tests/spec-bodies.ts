import fc from 'fast-check';

/**
 * Bodies that Twilio's published OpenAPI spec for Conversation Intelligence v3 allows
 * (`twilio/twilio-oai`, `spec/json/twilio_intelligence_v3.json`), generated: required fields always
 * there, optional ones sometimes left out, nulls where the spec says nullable, unknown extra fields,
 * any string where the spec gives no pattern or enum, and values matching the pattern where it
 * gives one. Arrays are kept short so that a shrunk counterexample stays readable.
 */

/** One seed per run, printed by fast-check on failure; fixed in CI, `FC_SEED=` replays one. */
export const PROPERTY_SEED = process.env.FC_SEED
  ? Number(process.env.FC_SEED)
  : process.env.CI
    ? 20_261_130
    : Math.floor(Math.random() * 2 ** 31);

const BASE32 = '0123456789abcdefghijklmnopqrstuvwxyz';
/** A TTID: the prefix, then 0–7, then 25 lower-case base-32 characters (the spec's patterns). */
export const ttid = (prefix: string) =>
  fc
    .tuple(fc.constantFrom(...'01234567'), fc.string({ unit: fc.constantFrom(...BASE32), minLength: 25, maxLength: 25 }))
    .map(([first, rest]) => `${prefix}${first}${rest}`);

const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: length, maxLength: length });
const alnum = (length: number) =>
  fc.string({
    unit: fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'),
    minLength: length,
    maxLength: length,
  });

/** Any string: unusual characters, markup, control characters and names of object internals too. */
export const anyText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\n\t',
      '<script>x</script>',
      '__proto__',
      'constructor',
      '\u202e\u200b',
      '%2e%2e%2f',
    ),
  },
);

const DOCUMENTED_TYPES = ['CUSTOMER', 'HUMAN_AGENT', 'AI_AGENT', 'AGENT', 'UNKNOWN'];
/** A string the spec documents values for without an enum: the documented ones, or anything. */
const documentedOr = (values: string[]) => fc.oneof(fc.constantFrom(...values), anyText);

/**
 * RFC 3339 date-times in the forms Twilio and its spec use: with or without fractions, Z or offsets,
 * and now and then a leap second (`23:59:60`), which RFC 3339 allows and `Date.parse` does not read.
 */
export const dateTime = fc
  .tuple(
    fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
    fc.constantFrom('Z', 'ms', '+05:30', '-08:00', 'leap second'),
  )
  .map(([date, form]) => {
    const iso = date.toISOString();
    if (form === 'ms') return iso;
    if (form === 'leap second') return `${iso.slice(0, 10)}T23:59:60Z`;
    const seconds = iso.replace(/\.\d{3}Z$/, '');
    return form === 'Z' ? `${seconds}Z` : `${seconds}${form}`;
  });

const int = fc.integer({ min: 0, max: 100_000 });

/** Fields an answer may carry that the spec does not list (the API may add some at any time). */
const extraKeys = fc.string({ minLength: 1, maxLength: 10 }).map((key) => `x${key}`);
const extras = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.oneof(extraKeys, fc.constant('__proto__')), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }),
  },
);

/** An object with the spec's required and optional fields, and perhaps fields it does not list. */
function object<R extends Record<string, fc.Arbitrary<unknown>>, O extends Record<string, fc.Arbitrary<unknown>>>(
  required: R,
  optional: O = {} as O,
) {
  return fc
    .tuple(fc.record(required), fc.record(optional, { requiredKeys: [] }), extras as fc.Arbitrary<Record<string, unknown>>)
    .map(([must, may, extra]) => ({ ...extra, ...must, ...may }));
}

const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 3 });
const list = <T>(arbitrary: fc.Arbitrary<T>, maxLength = 3) => fc.array(arbitrary, { maxLength });

export const participant = (id: fc.Arbitrary<string> = ttid('conv_participant_')) =>
  object({ id, addressValues: list(anyText) }, { name: nullable(anyText), type: nullable(documentedOr(DOCUMENTED_TYPES)) });

const CHANNELS = ['VOICE', 'SMS', 'RCS', 'EMAIL', 'WHATSAPP', 'CHAT', 'API', 'SYSTEM'];
const STATUSES = ['ACTIVE', 'INACTIVE', 'CLOSED'];

/** The fields a conversation and a list item share; all of them are required by the spec. */
const conversationFields = (participants: fc.Arbitrary<Array<Record<string, unknown>>>) => ({
  id: ttid('conv_conversation_'),
  accountId: nullable(hex(32).map((h) => `AC${h}`)),
  name: nullable(anyText),
  status: fc.constantFrom(...STATUSES),
  createdAt: dateTime,
  updatedAt: dateTime,
  intelligenceConfigurationIds: list(ttid('intelligence_configuration_')),
  conversationConfigurationId: anyText,
  channels: list(fc.constantFrom(...CHANNELS)),
  channelIds: list(anyText),
  participants,
  // Plain strings in the spec: result IDs mostly, and anything else.
  operatorResultIds: list(
    fc.oneof({ weight: 3, arbitrary: ttid('intelligence_operatorresult_') }, { weight: 1, arbitrary: anyText }),
    4,
  ),
});

/** `GET /v3/Conversations/{id}`: with communications by its participants (and sometimes by strangers). */
export const conversation = fc.uniqueArray(ttid('conv_participant_'), { minLength: 0, maxLength: 3 }).chain((participantIds) => {
  const people = participantIds.length ? fc.tuple(...participantIds.map((id) => participant(fc.constant(id)))) : fc.constant([]);
  const speaker = participantIds.length
    ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...participantIds) }, { weight: 1, arbitrary: ttid('conv_participant_') })
    : ttid('conv_participant_');
  const communication = object(
    { id: ttid('conv_communication_'), participantId: speaker, content: object({}, { text: anyText }), createdAt: dateTime },
    {},
  );
  return object({
    ...conversationFields(people as fc.Arbitrary<Array<Record<string, unknown>>>),
    communications: fc.uniqueArray(communication, { maxLength: 6, selector: (c) => c.id }),
  });
});

/** An item of `GET /v3/Conversations`: the same without communications. */
export const conversationListItem = object(conversationFields(list(participant())));

const tokenAndMeta = (count: number) =>
  object({ key: fc.constant('items'), pageSize: fc.constant(count) }, { nextToken: anyText, previousToken: anyText });

/** `{ items, meta }`, with `meta.pageSize` the number of items, as the spec says. */
export const page = <T>(item: fc.Arbitrary<T>, maxLength = 3) =>
  list(item, maxLength).chain((items) => tokenAndMeta(items.length).map((meta) => ({ items, meta })));

const resultByFormat = {
  TEXT: object({ text: anyText }),
  JSON: fc.dictionary(anyText, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
  CLASSIFICATION: object({ label: anyText }),
  EXTRACTION: object({ entities: list(object({ text: anyText, label: anyText })) }),
};

/**
 * An operator result; `conversationId` and the messages it may point at are given when it belongs
 * to a generated conversation.
 */
export function operatorResult(context: { conversationId?: string; communicationIds?: string[] } = {}) {
  const communicationId =
    context.communicationIds && context.communicationIds.length > 0
      ? fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...context.communicationIds) },
          { weight: 1, arbitrary: ttid('conv_communication_') },
        )
      : ttid('conv_communication_');
  const reference = fc.oneof(
    communicationId,
    ttid('conv_participant_'),
    hex(32).map((h) => `CA${h.toLowerCase()}`),
    anyText.map((text) => text.slice(0, 97)),
  );
  return fc.constantFrom('TEXT', 'JSON', 'CLASSIFICATION', 'EXTRACTION').chain((format) =>
    object(
      {
        id: ttid('intelligence_operatorresult_'),
        accountId: alnum(32).map((a) => `AC${a}`),
        intelligenceConfiguration: object({
          id: ttid('intelligence_configuration_'),
          ruleId: ttid('intelligence_configurationrule_'),
          version: int,
        }),
        conversationId: context.conversationId ? fc.constant(context.conversationId) : ttid('conv_conversation_'),
        // A plain string in the spec: an operator ID mostly, but anything is allowed.
        operator: object({
          id: fc.oneof({ weight: 3, arbitrary: ttid('intelligence_operator_') }, { weight: 1, arbitrary: anyText }),
          version: int,
          parameters: fc.dictionary(anyText, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
        }),
        dateCreated: dateTime,
        outputFormat: fc.constant(format),
        referenceIds: list(reference, 4),
        executionDetails: object(
          {
            trigger: object({
              on: documentedOr(['COMMUNICATION', 'CONVERSATION_END', 'CONVERSATION_INACTIVE']),
              timestamp: dateTime,
            }),
            communications: object({ first: communicationId, last: communicationId }),
            channels: list(anyText),
            participants: list(
              object(
                { id: ttid('conv_participant_') },
                { profileId: ttid('mem_profile_'), type: documentedOr(DOCUMENTED_TYPES) },
              ),
            ),
          },
          {
            resolvedContext: object(
              {},
              {
                memory: object({ profileId: ttid('mem_profile_'), memoryStoreId: ttid('mem_store_') }),
                knowledge: nullable(
                  object({ sources: list(object({ baseId: ttid('know_knowledgebase_'), sourceId: ttid('know_knowledge_') })) }),
                ),
              },
            ),
          },
        ),
        result: resultByFormat[format as keyof typeof resultByFormat],
      },
      {
        // Required by the spec, yet its own examples leave it out.
        metadata: object({
          system: object(
            { latencyMs: int, inputCharacters: int, outputCharacters: int, inputTruncated: fc.boolean() },
            { resolvedModel: anyText },
          ),
        }),
        // Documented in prose only: what the model said when it refused.
        refusal: anyText,
      },
    ),
  );
}

/** A conversation and every result of it, as `GET /v3/OperatorResults?conversationId=` lists them. */
export const conversationWithResults = conversation.chain((body) => {
  const communicationIds = (body.communications as Array<{ id: string }>).map((c) => c.id);
  return fc
    .uniqueArray(operatorResult({ conversationId: body.id as string, communicationIds }), { maxLength: 4, selector: (r) => r.id })
    .map((results) => ({ conversation: body, results }));
});

const OPERATOR_FORMATS = ['TEXT', 'JSON', 'CLASSIFICATION'];

/** A language operator: the spec makes none of its fields required. */
export const languageOperator = object(
  {},
  {
    id: ttid('intelligence_operator_'),
    displayName: fc.string({ minLength: 1, maxLength: 128 }),
    description: anyText,
    version: int,
    author: fc.constantFrom('SELF', 'TWILIO'),
    prompt: anyText,
    outputFormat: fc.constantFrom(...OPERATOR_FORMATS),
    outputSchema: fc.dictionary(anyText, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }),
    trainingExamples: list(object({ input: anyText, output: anyText })),
    context: object({}, { memory: object({}, { enabled: fc.boolean() }), knowledge: object({}, { enabled: fc.boolean() }) }),
    parameters: fc.dictionary(
      anyText,
      object(
        { type: fc.constantFrom('STRING', 'INTEGER', 'NUMBER', 'BOOLEAN', 'KNOWLEDGE_BASE_AND_SOURCE_IDS') },
        { default: fc.jsonValue({ maxDepth: 1 }), required: fc.boolean(), description: anyText },
      ),
      { maxKeys: 2 },
    ),
  },
);

const VERSION_STATUSES = ['PREVIEW', 'ACTIVE', 'DEPRECATED', 'RETIRED'];

/**
 * `GET /v3/ControlPlane/Operators/{id}/Versions/{version}`: the operator as it was, with its
 * lifecycle (with the dates a list item has). The spec says `version` is an integer; its own
 * example sends `"4"`, so both come.
 */
export const operatorVersion = fc
  .tuple(
    languageOperator,
    object(
      { status: fc.constantFrom(...VERSION_STATUSES), dateCreated: dateTime },
      { version: int.map(String), dateDeprecated: dateTime, retirementDate: dateTime, dateRetired: dateTime },
    ),
  )
  .map(([operator, lifecycle]) => ({ ...operator, ...lifecycle }));

export const operatorVersionItem = object(
  { version: int, status: fc.constantFrom(...VERSION_STATUSES), dateCreated: dateTime },
  { dateDeprecated: dateTime, retirementDate: dateTime, dateRetired: dateTime },
);

/** An intelligence configuration, with up to five rules. */
export const configuration = object(
  {
    accountId: anyText,
    id: anyText,
    displayName: fc.string({ minLength: 1, maxLength: 128 }),
    version: int,
    rules: list(
      object(
        {
          id: anyText,
          operators: list(
            object(
              { id: anyText },
              { version: int, parameters: fc.dictionary(anyText, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }) },
            ),
          ),
          triggers: list(
            object(
              { on: fc.constantFrom('COMMUNICATION', 'CONVERSATION_END', 'CONVERSATION_INACTIVE') },
              { parameters: object({}, { count: fc.integer({ min: 1, max: 20 }) }) },
            ),
            1,
          ),
          actions: list(object({ type: fc.constant('WEBHOOK'), method: fc.constant('POST'), url: fc.webUrl() }), 2),
        },
        {
          context: object(
            {},
            {
              memory: object({}, { enabled: fc.boolean() }),
              knowledge: object({ bases: fc.array(anyText, { minLength: 1, maxLength: 2 }) }),
            },
          ),
        },
      ),
      5,
    ),
    dateCreated: dateTime,
    dateUpdated: dateTime,
  },
  { description: anyText },
);

/** What JSON carries: the body as the server and the browser receive it after a round trip. */
export const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
