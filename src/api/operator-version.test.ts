import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROPERTY_SEED } from '../../tests/spec-bodies';
import { checkOperatorVersion, isOperatorVersion, MAX_OPERATOR_VERSION } from './operator-version';

describe('checkOperatorVersion', () => {
  it.each([
    ['1', 1],
    ['9', 9],
    ['10', 10],
    ['4096', 4096],
    [String(MAX_OPERATOR_VERSION), MAX_OPERATOR_VERSION],
  ])('reads %s', (raw, version) => {
    expect(checkOperatorVersion(raw)).toEqual({ ok: true, version });
  });

  it.each([
    ['', 'Add the operator version: a whole number such as 3.'],
    ['0', 'Operator versions start at 1.'],
    ['007', 'An operator version is written without leading zeros: 3, not 03.'],
    ['-2', 'An operator version is written without a sign: 3, not +3 or -3.'],
    ['+2', 'An operator version is written without a sign: 3, not +3 or -3.'],
    ['2.5', 'Character 2 of the operator version is ".": a version is written with the digits 0 to 9 only.'],
    ['v2', 'Character 1 of the operator version is "v": a version is written with the digits 0 to 9 only.'],
    ['2\n', 'Character 2 of the operator version is a control character (U+000A)'],
    ['\u0662', 'Character 1 of the operator version is "\u0662" (U+0662, not a plain ASCII character)'],
    [String(MAX_OPERATOR_VERSION + 1), `An operator version is at most ${MAX_OPERATOR_VERSION}.`],
    ['12345678901', `An operator version is at most ${MAX_OPERATOR_VERSION}.`],
  ])('explains what is wrong with %j', (raw, problem) => {
    const check = checkOperatorVersion(raw);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toContain(problem);
  });

  it('accepts exactly the canonical decimal form of each version from 1 to the largest', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (raw) => {
        const check = checkOperatorVersion(raw);
        const canonical = /^[1-9][0-9]*$/.test(raw) && Number(raw) <= MAX_OPERATOR_VERSION;
        expect(check.ok).toBe(canonical);
        if (check.ok) expect(String(check.version)).toBe(raw);
      }),
      { seed: PROPERTY_SEED, numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_OPERATOR_VERSION }), (version) => {
        expect(checkOperatorVersion(String(version))).toEqual({ ok: true, version });
      }),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });
});

describe('isOperatorVersion', () => {
  it.each([1, 3, MAX_OPERATOR_VERSION])('%s is a version the viewer may ask for', (value) => {
    expect(isOperatorVersion(value)).toBe(true);
  });

  it.each([0, -1, 2.5, MAX_OPERATOR_VERSION + 1, Number.NaN, Number.POSITIVE_INFINITY, '3', null, undefined])(
    '%s is not',
    (value) => {
      expect(isOperatorVersion(value)).toBe(false);
    },
  );
});
