import { checkChannelId } from './channel-ids';
import { checkId, ID_LABELS, type IdKind } from './ids';

/**
 * The query of a v3 list, checked before it goes to Twilio (docs/decisions/0013-lists-and-filters.md):
 * every parameter is one this list knows, given once unless it is an OR list, with a value of the
 * allowed shape. What comes out is the query to send upstream: parameters in the order the official
 * library sends them, an OR list as repeated keys, its values without repeats and sorted, so that
 * the same filters always make the same request (and share its cache entry and its page tokens).
 * The browser may run the same checks to explain a filter before asking.
 */

export const PAGE_SIZE_MAX = 1000;
/** Page tokens are opaque: passed back exactly as Twilio gave them; only their length is bounded. */
export const MAX_PAGE_TOKEN_LENGTH = 2048;
/** How many values one OR filter may hold; no picker offers more. */
export const MAX_FILTER_VALUES = 20;

type Read = { ok: true; value: string } | { ok: false; problem: string };

export type ParameterRule = {
  name: string;
  /** An OR list, sent as repeated keys (`channels=SMS&channels=VOICE`). */
  repeatable?: boolean;
  /** What a value may be, for messages ("one of ACTIVE, INACTIVE or CLOSED"). */
  expects: string;
  /** Checks one value and gives what goes upstream. */
  read(value: string): Read;
  /** Its values are IDs: a bad one is answered with the invalid-ID code. */
  id?: boolean;
};

export type ListQueryProblem = { ok: false; parameter: string; problem: string; kind: 'id' | 'value' };
export type ListQuery = { ok: true; query: URLSearchParams };

export type ListQuerySpec = {
  rules: readonly ParameterRule[];
  /** A parameter the list cannot do without, and what to say when it is missing. */
  required?: { name: string; problem: string };
  /** Checks across parameters, given the values as they go upstream. */
  check?(values: URLSearchParams): ListQueryProblem | null;
};

/** A value quoted for a message: escaped, and never more than a few dozen characters of it. */
export function quoted(value: string, max = 40): string {
  const chars = Array.from(value);
  return JSON.stringify(chars.length > max ? `${chars.slice(0, max).join('')}\u2026` : value);
}

/** "A, B or C" */
export function oneOf(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

export const pageSizeRule: ParameterRule = {
  name: 'pageSize',
  expects: `a whole number from 1 to ${PAGE_SIZE_MAX}`,
  read: (value) =>
    /^\d{1,4}$/.test(value) && Number(value) >= 1 && Number(value) <= PAGE_SIZE_MAX
      ? { ok: true, value: String(Number(value)) }
      : { ok: false, problem: `pageSize must be a whole number from 1 to ${PAGE_SIZE_MAX}.` },
};

export const pageTokenRule: ParameterRule = {
  name: 'pageToken',
  expects: 'the nextToken or previousToken of the page before, exactly as it came',
  read: (value) =>
    value.length > 0 && value.length <= MAX_PAGE_TOKEN_LENGTH
      ? { ok: true, value }
      : { ok: false, problem: `pageToken must be from 1 to ${MAX_PAGE_TOKEN_LENGTH} characters, as Twilio gave it.` },
};

export function enumRule(name: string, values: readonly string[], repeatable = false): ParameterRule {
  const expects = `one of ${oneOf(values)}`;
  return {
    name,
    repeatable,
    expects,
    read: (value) => {
      if (values.includes(value)) return { ok: true, value };
      const hint = values.includes(value.toUpperCase()) ? ` Values are upper case: ${value.toUpperCase()}.` : '';
      return { ok: false, problem: `${name} must be ${expects}, not ${quoted(value)}.${hint}` };
    },
  };
}

export function idRule(name: string, kind: IdKind, repeatable = false): ParameterRule {
  return {
    name,
    repeatable,
    id: true,
    expects: `${/^[aeiou]/i.test(ID_LABELS[kind]) ? 'an' : 'a'} ${ID_LABELS[kind]}`,
    read: (value) => {
      const check = checkId(kind, value);
      return check.ok ? { ok: true, value: check.id } : { ok: false, problem: `${name}: ${check.problem}` };
    },
  };
}

export const channelIdRule: ParameterRule = {
  name: 'channelId',
  id: true,
  expects: 'a Twilio SID such as a Call SID (CA…) or a Message SID (SM… or MM…)',
  read: (value) => {
    const check = checkChannelId(value);
    return check.ok ? { ok: true, value: check.id } : { ok: false, problem: `channelId: ${check.problem}` };
  },
};

/**
 * Checks `params` against the list's rules and builds the query to send upstream, or names the first
 * problem: an unknown parameter, a single-valued one given twice, a value of the wrong shape, a
 * missing required one, then anything `check` finds across parameters.
 */
export function readListQuery(spec: ListQuerySpec, params: URLSearchParams): ListQuery | ListQueryProblem {
  const names = spec.rules.map((rule) => rule.name);
  for (const name of new Set(params.keys())) {
    if (names.includes(name)) continue;
    const near = names.find((known) => known.toLowerCase() === name.toLowerCase());
    return {
      ok: false,
      kind: 'value',
      parameter: name,
      problem: `Unknown parameter ${quoted(name)}${near ? ` (did you mean ${near}?)` : ''}: this list takes ${oneOf(names)}.`,
    };
  }
  const query = new URLSearchParams();
  for (const rule of spec.rules) {
    const given = params.getAll(rule.name);
    if (given.length === 0) continue;
    // A value that is not an ID of the right shape is answered as the fetch routes answer one;
    // a parameter given too often is a problem of the query, whatever it holds.
    const fail = (problem: string, kind: ListQueryProblem['kind'] = rule.id ? 'id' : 'value'): ListQueryProblem => ({
      ok: false,
      kind,
      parameter: rule.name,
      problem,
    });
    if (!rule.repeatable && given.length > 1) {
      return fail(`${rule.name} may be given once (it was given ${given.length} times): ${rule.expects}.`, 'value');
    }
    const values = new Set<string>();
    for (const value of given) {
      if (value.length === 0) return fail(`${rule.name} is empty: give ${rule.expects}, or leave it out.`);
      const read = rule.read(value);
      if (!read.ok) return fail(read.problem);
      values.add(read.value);
    }
    if (values.size > MAX_FILTER_VALUES) {
      return fail(`${rule.name} takes at most ${MAX_FILTER_VALUES} values (combined with OR); this has ${values.size}.`, 'value');
    }
    for (const value of rule.repeatable ? [...values].sort() : values) query.append(rule.name, value);
  }
  if (spec.required && !query.has(spec.required.name)) {
    return { ok: false, kind: 'value', parameter: spec.required.name, problem: spec.required.problem };
  }
  return spec.check?.(query) ?? { ok: true, query };
}

/** `GET /v3/ControlPlane/Operators`, `…/Configurations`: pages, no filters. */
export const controlPlaneListQuery: ListQuerySpec = { rules: [pageSizeRule, pageTokenRule] };

/** `GET /v3/OperatorResults`: the results of one conversation, maybe of one operator or configuration. */
export const operatorResultsListQuery: ListQuerySpec = {
  rules: [
    idRule('conversationId', 'conversation'),
    idRule('intelligenceConfigurationId', 'intelligenceConfiguration'),
    idRule('operatorId', 'operator'),
    pageSizeRule,
    pageTokenRule,
  ],
  required: { name: 'conversationId', problem: 'Add ?conversationId= to list the results of one conversation.' },
};
