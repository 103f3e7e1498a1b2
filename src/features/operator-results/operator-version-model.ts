import { isId } from '../../api/ids';
import type { OperatorVersion } from '../../api/operator';
import type { OperatorResult } from '../../api/operator-result';
import { isOperatorVersion } from '../../api/operator-version';
import { parseTimestamp } from '../../api/timestamp';

/** The operator version a result names, or why the viewer cannot ask for it. */
export type VersionTarget = { ok: true; id: string; version: number } | { ok: false; reason: string };

export function versionTarget(operator: OperatorResult['operator']): VersionTarget {
  if (!isId('operator', operator.id)) {
    return {
      ok: false,
      reason:
        'This result names its operator by something other than an operator ID, so the viewer cannot look up its definition.',
    };
  }
  if (operator.version === null || operator.version === undefined) {
    return { ok: false, reason: 'This result does not say which version of its operator produced it.' };
  }
  if (!isOperatorVersion(operator.version)) {
    return {
      ok: false,
      reason: `This result names version ${operator.version} of its operator, which is not a version number Twilio gives (1, 2, 3…).`,
    };
  }
  return { ok: true, id: operator.id, version: operator.version };
}

/** What a run used for a parameter: its own value, the version's default, or nothing. */
export type UsedValue = { source: 'run' | 'default'; value: unknown } | { source: 'none' };

/** One parameter: as the version declares it (when it does) beside what this run used. */
export type ParameterRow = {
  name: string;
  /** False for a value the run passed that this version does not declare. */
  declared: boolean;
  type: string | null;
  required: boolean | null;
  description: string | null;
  default: { value: unknown } | null;
  used: UsedValue;
};

const has = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The version's parameters, in the order it declares them, each with the value this run used; then
 * any value the run passed that the version does not declare. Declarations are read leniently: a
 * field of an unexpected type is treated as missing.
 */
export function parameterRows(declared: unknown, used: unknown): ParameterRow[] {
  const declarations = isRecord(declared) ? declared : {};
  const values = isRecord(used) ? used : {};
  const rows: ParameterRow[] = Object.entries(declarations).map(([name, declaration]) => {
    const d = isRecord(declaration) ? declaration : {};
    const fallback = has(d, 'default') ? { value: d.default } : null;
    return {
      name,
      declared: true,
      type: typeof d.type === 'string' ? d.type : null,
      required: typeof d.required === 'boolean' ? d.required : null,
      description: typeof d.description === 'string' && d.description.trim() ? d.description : null,
      default: fallback,
      used: has(values, name)
        ? { source: 'run', value: values[name] }
        : fallback
          ? { source: 'default', value: fallback.value }
          : { source: 'none' },
    };
  });
  for (const [name, value] of Object.entries(values)) {
    if (has(declarations, name)) continue;
    rows.push({
      name,
      declared: false,
      type: null,
      required: null,
      description: null,
      default: null,
      used: { source: 'run', value },
    });
  }
  return rows;
}

/** A value as it reads in a table: JSON, so that "5" and 5 are told apart. */
export function valueAsJson(value: unknown): string {
  return value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
}

/** A value as it reads inside a prompt: a string as itself, anything else as JSON. */
export function valueAsText(value: unknown): string {
  return typeof value === 'string' ? value : valueAsJson(value);
}

export type PromptPart =
  | { kind: 'text'; text: string }
  /** `written` is the placeholder as the prompt has it: `{{parameters.scale}}`. */
  | { kind: 'placeholder'; name: string; written: string; used: UsedValue };

/** Twilio's placeholder for a parameter in a prompt: `{{parameters.name}}`, spaces allowed inside the braces. */
const PLACEHOLDER = /\{\{\s*parameters\.([^\s{}]+)\s*\}\}/g;

/** The prompt cut into its text and its placeholders, each placeholder with the value this run gave it. */
export function promptParts(prompt: string, rows: ParameterRow[]): PromptPart[] {
  const byName = new Map(rows.map((row) => [row.name, row]));
  const parts: PromptPart[] = [];
  let at = 0;
  for (const match of prompt.matchAll(PLACEHOLDER)) {
    if (match.index > at) parts.push({ kind: 'text', text: prompt.slice(at, match.index) });
    const name = match[1]!;
    parts.push({ kind: 'placeholder', name, written: match[0], used: byName.get(name)?.used ?? { source: 'none' } });
    at = match.index + match[0].length;
  }
  if (at < prompt.length) parts.push({ kind: 'text', text: prompt.slice(at) });
  return parts;
}

export type TrainingExample = { input: unknown; output: unknown };

/** Training examples as `{input, output}`; an entry of another shape is kept whole as its input. */
export function trainingExamplesOf(version: OperatorVersion): TrainingExample[] {
  return (version.trainingExamples ?? []).map((example) =>
    isRecord(example) && (has(example, 'input') || has(example, 'output'))
      ? { input: example.input, output: example.output }
      : { input: example, output: undefined },
  );
}

export const AUTHOR_LABELS: Record<string, string> = { SELF: 'This account', TWILIO: 'Twilio' };

export const STATUS_LABELS: Record<string, string> = {
  PREVIEW: 'Preview',
  ACTIVE: 'Active',
  DEPRECATED: 'Deprecated',
  RETIRED: 'Retired',
};

/**
 * Where a version is in its life, for a badge: a deprecated one with the date it retires (or was
 * due to, when that has passed and Twilio has not said it retired), a retired one with the date it
 * did. Null for an active version, which needs no badge.
 */
export type Lifecycle = {
  status: 'PREVIEW' | 'DEPRECATED' | 'RETIRED' | 'other';
  label: string;
  date: { kind: 'retires' | 'was due to retire' | 'retired'; iso: string } | null;
} | null;

export function lifecycleOf(
  version: Pick<OperatorVersion, 'status' | 'retirementDate' | 'dateRetired'>,
  now: number = Date.now(),
): Lifecycle {
  const status = version.status?.trim();
  if (!status || status === 'ACTIVE') return null;
  switch (status) {
    case 'PREVIEW':
      return { status, label: 'Preview', date: null };
    case 'DEPRECATED': {
      const iso = version.retirementDate;
      if (!iso) return { status, label: 'Deprecated', date: null };
      return { status, label: 'Deprecated', date: { kind: parseTimestamp(iso) < now ? 'was due to retire' : 'retires', iso } };
    }
    case 'RETIRED': {
      const iso = version.dateRetired || version.retirementDate;
      return { status, label: 'Retired', date: iso ? { kind: 'retired', iso } : null };
    }
    default:
      return { status: 'other', label: status, date: null };
  }
}
