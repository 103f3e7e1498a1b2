import { describe, expect, it } from 'vitest';
import { childPath, copyableValue } from './json-path';

describe('childPath', () => {
  it('writes JSONPath for keys, indexes and keys that need quoting', () => {
    expect(childPath('$', 'checklist')).toBe('$.checklist');
    expect(childPath('$.checklist', 'greeting')).toBe('$.checklist.greeting');
    expect(childPath('$.items', 0)).toBe('$.items[0]');
    expect(childPath('$', 'odd key')).toBe('$["odd key"]');
    expect(childPath('$', '"quoted"')).toBe('$["\\"quoted\\""]');
  });
});

describe('copyableValue', () => {
  it('copies strings bare and everything else as JSON', () => {
    expect(copyableValue('AI_AGENT')).toBe('AI_AGENT');
    expect(copyableValue(4)).toBe('4');
    expect(copyableValue(null)).toBe('null');
    expect(copyableValue({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
  });
});
