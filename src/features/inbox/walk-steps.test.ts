import { describe, expect, it } from 'vitest';
import { nextToReview, stepFrom, type Accepts } from './walk-steps';

const ids = ['a', 'b', 'c', 'd', 'e'];
const only =
  (verdicts: Record<string, boolean | null>): Accepts =>
  (id) =>
    id in verdicts ? verdicts[id]! : false;

describe('a step through the filtered list', () => {
  it('lands on the nearest row that passes, either way, skipping those left out', () => {
    const accepts = only({ a: true, c: false, d: true, e: true });
    expect(stepFrom(ids, 1, 1, accepts, false)).toEqual({ kind: 'found', id: 'd' });
    expect(stepFrom(ids, 3, -1, accepts, false)).toEqual({ kind: 'found', id: 'a' });
  });

  it('waits while a row before the first that passes is still being read', () => {
    expect(stepFrom(ids, 0, 1, only({ b: null, c: true }), false)).toEqual({ kind: 'checking' });
    // A row after the one found does not hold the step up.
    expect(stepFrom(ids, 0, 1, only({ b: true, c: null }), false)).toEqual({ kind: 'found', id: 'b' });
  });

  it('asks for the next page past the loaded rows, and says when the list has none', () => {
    const accepts = only({ a: true });
    expect(stepFrom(ids, 0, 1, accepts, true)).toEqual({ kind: 'more' });
    expect(stepFrom(ids, 0, 1, accepts, false)).toEqual({ kind: 'none' });
    // Going back never loads: the pages above are loaded.
    expect(stepFrom(ids, 0, -1, accepts, true)).toEqual({ kind: 'none' });
  });
});

describe('the next conversation to review', () => {
  it('is the first after the current one, never the current one', () => {
    expect(nextToReview(ids, 1, only({ b: true, e: true }), false)).toEqual({ kind: 'found', id: 'e' });
  });

  it('loads further pages before going back to the top', () => {
    expect(nextToReview(ids, 3, only({ a: true }), true)).toEqual({ kind: 'more' });
  });

  it('at the list’s end, goes back to one passed over above, else there is none', () => {
    expect(nextToReview(ids, 3, only({ b: true, d: true }), false)).toEqual({ kind: 'found', id: 'b' });
    expect(nextToReview(ids, 3, only({ d: true }), false)).toEqual({ kind: 'none' });
    expect(nextToReview(ids, 3, only({ b: null }), false)).toEqual({ kind: 'checking' });
  });

  it('searches from the top when the current conversation is not in the list', () => {
    expect(nextToReview(ids, -1, only({ a: true }), false)).toEqual({ kind: 'found', id: 'a' });
  });
});
