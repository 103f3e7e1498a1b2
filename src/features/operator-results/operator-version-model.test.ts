import { describe, expect, it } from 'vitest';
import type { OperatorVersion } from '../../api/operator';
import {
  lifecycleOf,
  parameterRows,
  promptParts,
  trainingExamplesOf,
  valueAsJson,
  valueAsText,
  versionTarget,
} from './operator-version-model';

const OPERATOR = 'intelligence_operator_01kcgy1ew0e9x8re6jq542zt8b';

describe('versionTarget', () => {
  it('asks for an operator ID and a version number', () => {
    expect(versionTarget({ id: OPERATOR, version: 4, parameters: {} })).toEqual({ ok: true, id: OPERATOR, version: 4 });
  });

  it.each([
    ['an operator named by something else', { id: 'sentiment-v2', version: 2 }, 'something other than an operator ID'],
    ['no version', { id: OPERATOR, version: null }, 'does not say which version'],
    ['version 0', { id: OPERATOR, version: 0 }, 'version 0 of its operator, which is not a version number Twilio gives'],
    ['a fractional version', { id: OPERATOR, version: 2.5 }, 'version 2.5'],
    ['a negative version', { id: OPERATOR, version: -3 }, 'version -3'],
  ])('says why it cannot ask, for %s', (_label, operator, reason) => {
    const target = versionTarget(operator);
    expect(target.ok).toBe(false);
    if (!target.ok) expect(target.reason).toContain(reason);
  });
});

describe('parameterRows', () => {
  const declared = {
    scale: { type: 'INTEGER', default: 10, required: true, description: 'The top of the scale.' },
    tone: { type: 'STRING', description: 'How to phrase it.' },
    strict: { type: 'BOOLEAN', default: false },
  };

  it('sets each declared parameter beside the value the run used, its default, or nothing', () => {
    expect(parameterRows(declared, { scale: 5 })).toEqual([
      {
        name: 'scale',
        declared: true,
        type: 'INTEGER',
        required: true,
        description: 'The top of the scale.',
        default: { value: 10 },
        used: { source: 'run', value: 5 },
      },
      {
        name: 'tone',
        declared: true,
        type: 'STRING',
        required: null,
        description: 'How to phrase it.',
        default: null,
        used: { source: 'none' },
      },
      {
        name: 'strict',
        declared: true,
        type: 'BOOLEAN',
        required: null,
        description: null,
        default: { value: false },
        used: { source: 'default', value: false },
      },
    ]);
  });

  it('keeps a value the run passed that the version does not declare, after the declared ones', () => {
    const rows = parameterRows({ scale: declared.scale }, { legacy: 'yes', scale: 3 });
    expect(rows.map((row) => [row.name, row.declared, row.used])).toEqual([
      ['scale', true, { source: 'run', value: 3 }],
      ['legacy', false, { source: 'run', value: 'yes' }],
    ]);
  });

  it('tells a run value of null from no value, and a default of null from no default', () => {
    const [row] = parameterRows({ x: { type: 'STRING', default: null } }, { x: null });
    expect(row!.default).toEqual({ value: null });
    expect(row!.used).toEqual({ source: 'run', value: null });
  });

  it('reads declarations of unexpected shapes as far as they go', () => {
    expect(parameterRows({ a: 'STRING', b: { type: 7, description: '  ', required: 'yes' } }, null)).toEqual([
      { name: 'a', declared: true, type: null, required: null, description: null, default: null, used: { source: 'none' } },
      { name: 'b', declared: true, type: null, required: null, description: null, default: null, used: { source: 'none' } },
    ]);
    expect(parameterRows(['not', 'a', 'record'], 'nor this')).toEqual([]);
  });

  it('treats names of object internals as names', () => {
    const used = JSON.parse('{"__proto__": "run value", "constructor": 1}') as Record<string, unknown>;
    const rows = parameterRows({}, used);
    expect(rows.map((row) => [row.name, row.used])).toEqual([
      ['__proto__', { source: 'run', value: 'run value' }],
      ['constructor', { source: 'run', value: 1 }],
    ]);
    expect(parameterRows({ toString: { type: 'STRING' } }, {})[0]!.used).toEqual({ source: 'none' });
  });
});

describe('promptParts', () => {
  const rows = parameterRows(
    { audience: { type: 'STRING', default: 'a team lead' }, max: { type: 'INTEGER', default: 3 }, tone: { type: 'STRING' } },
    { max: 2 },
  );

  it('cuts a prompt into text and placeholders, each with the value this run gave it', () => {
    expect(promptParts('For {{parameters.audience}}, at most {{ parameters.max }} lines.', rows)).toEqual([
      { kind: 'text', text: 'For ' },
      {
        kind: 'placeholder',
        name: 'audience',
        written: '{{parameters.audience}}',
        used: { source: 'default', value: 'a team lead' },
      },
      { kind: 'text', text: ', at most ' },
      { kind: 'placeholder', name: 'max', written: '{{ parameters.max }}', used: { source: 'run', value: 2 } },
      { kind: 'text', text: ' lines.' },
    ]);
  });

  it('marks a placeholder without a value, and one for a parameter the version does not declare', () => {
    const parts = promptParts('{{parameters.tone}}{{parameters.unknown}}', rows);
    expect(parts).toEqual([
      { kind: 'placeholder', name: 'tone', written: '{{parameters.tone}}', used: { source: 'none' } },
      { kind: 'placeholder', name: 'unknown', written: '{{parameters.unknown}}', used: { source: 'none' } },
    ]);
  });

  it('leaves other braces, and a prompt without placeholders, as text', () => {
    expect(promptParts('Answer {"label": x} or {{context.y}} or {{parameters. max}}', rows)).toEqual([
      { kind: 'text', text: 'Answer {"label": x} or {{context.y}} or {{parameters. max}}' },
    ]);
    expect(promptParts('', rows)).toEqual([]);
  });
});

describe('values', () => {
  it.each([
    ['text', 'a team lead', '"a team lead"', 'a team lead'],
    ['a number', 5, '5', '5'],
    ['a boolean', false, 'false', 'false'],
    ['null', null, 'null', 'null'],
    ['a list', ['a', 1], '["a",1]', '["a",1]'],
  ])('writes %s as JSON in a table and as itself in a prompt', (_label, value, json, text) => {
    expect(valueAsJson(value)).toBe(json);
    expect(valueAsText(value)).toBe(text);
  });
});

describe('trainingExamplesOf', () => {
  it('reads {input, output} pairs and keeps any other entry whole', () => {
    const version = {
      trainingExamples: [{ input: 'a', output: 'b' }, { output: { label: 'X' } }, 'just text'],
    } as OperatorVersion;
    expect(trainingExamplesOf(version)).toEqual([
      { input: 'a', output: 'b' },
      { input: undefined, output: { label: 'X' } },
      { input: 'just text', output: undefined },
    ]);
    expect(trainingExamplesOf({} as OperatorVersion)).toEqual([]);
  });
});

describe('lifecycleOf', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');

  it('needs no badge for an active version, or one without a status', () => {
    expect(lifecycleOf({ status: 'ACTIVE' }, now)).toBeNull();
    expect(lifecycleOf({ status: null }, now)).toBeNull();
  });

  it('gives a deprecated version the date it retires, or was due to', () => {
    expect(lifecycleOf({ status: 'DEPRECATED', retirementDate: '2027-03-31T00:00:00Z' }, now)).toEqual({
      status: 'DEPRECATED',
      label: 'Deprecated',
      date: { kind: 'retires', iso: '2027-03-31T00:00:00Z' },
    });
    expect(lifecycleOf({ status: 'DEPRECATED', retirementDate: '2026-03-31T00:00:00Z' }, now)?.date?.kind).toBe(
      'was due to retire',
    );
    expect(lifecycleOf({ status: 'DEPRECATED' }, now)).toEqual({ status: 'DEPRECATED', label: 'Deprecated', date: null });
  });

  it('gives a retired version the date it retired, else its retirement date', () => {
    expect(
      lifecycleOf({ status: 'RETIRED', retirementDate: '2026-09-30T00:00:00Z', dateRetired: '2026-10-01T00:00:00Z' }, now)?.date,
    ).toEqual({ kind: 'retired', iso: '2026-10-01T00:00:00Z' });
    expect(lifecycleOf({ status: 'RETIRED', retirementDate: '2026-09-30T00:00:00Z' }, now)?.date).toEqual({
      kind: 'retired',
      iso: '2026-09-30T00:00:00Z',
    });
  });

  it('shows a preview, and a status it does not know as it came', () => {
    expect(lifecycleOf({ status: 'PREVIEW' }, now)).toEqual({ status: 'PREVIEW', label: 'Preview', date: null });
    expect(lifecycleOf({ status: 'SUNSET' }, now)).toEqual({ status: 'other', label: 'SUNSET', date: null });
  });
});
