import { describe, expect, it } from 'vitest';
import { lookup } from './lookup';

const LABELS: Record<string, string> = { ACTIVE: 'Active' };

describe('lookup', () => {
  it('finds the table’s own entries', () => {
    expect(lookup(LABELS, 'ACTIVE')).toBe('Active');
    expect(lookup(LABELS, 'ARCHIVED')).toBeUndefined();
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'finds nothing for %s, which a plain object inherits',
    (key) => {
      expect(lookup(LABELS, key)).toBeUndefined();
      // What a plain index would have returned instead.
      expect(LABELS[key]).toBeDefined();
    },
  );
});
