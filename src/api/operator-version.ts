import { describeChar } from './characters';

/**
 * The highest operator version the viewer asks for. Twilio numbers an operator's versions 1, 2, 3…
 * as a 32-bit integer; anything above cannot be one, and a bound keeps the path short.
 */
export const MAX_OPERATOR_VERSION = 2_147_483_647;

export type VersionCheck = { ok: true; version: number } | { ok: false; problem: string };

/**
 * Says precisely what is wrong with an operator version number as it arrives in a path: only the
 * canonical form (digits, no sign, no leading zero) passes, so that one version has one path and
 * one cache entry.
 */
export function checkOperatorVersion(raw: string): VersionCheck {
  const chars = Array.from(raw);
  if (chars.length === 0) return { ok: false, problem: 'Add the operator version: a whole number such as 3.' };
  if (chars[0] === '+' || chars[0] === '-') {
    return { ok: false, problem: 'An operator version is written without a sign: 3, not +3 or -3.' };
  }
  for (let i = 0; i < chars.length; i++) {
    if (!/^[0-9]$/.test(chars[i]!)) {
      return {
        ok: false,
        problem: `Character ${i + 1} of the operator version is ${describeChar(chars[i]!)}: a version is written with the digits 0 to 9 only.`,
      };
    }
  }
  if (chars[0] === '0') {
    return {
      ok: false,
      problem:
        chars.length === 1 ? 'Operator versions start at 1.' : 'An operator version is written without leading zeros: 3, not 03.',
    };
  }
  const version = Number(raw);
  if (chars.length > String(MAX_OPERATOR_VERSION).length || version > MAX_OPERATOR_VERSION) {
    return { ok: false, problem: `An operator version is at most ${MAX_OPERATOR_VERSION}.` };
  }
  return { ok: true, version };
}

/** Whether a value read from an answer (a result's `operator.version`) names a version the viewer may ask for. */
export function isOperatorVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_OPERATOR_VERSION;
}
