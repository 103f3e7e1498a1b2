import { describe, expect, it } from 'vitest';
import { markTerms } from './mark-terms';

const order = { text: 'ORD-88213', label: 'ORDER_NUMBER' };
const address = { text: '14 Harbour View, Cobh', label: 'ADDRESS' };
const town = { text: 'Cobh', label: 'TOWN' };

describe('markTerms', () => {
  it('marks every occurrence, whatever its case', () => {
    const parts = markTerms('ord-88213 and ORD-88213.', [order]);
    expect(parts).toEqual([
      { text: 'ord-88213', term: order },
      { text: ' and ' },
      { text: 'ORD-88213', term: order },
      { text: '.' },
    ]);
  });

  it('lets the longer term win where two overlap, and keeps the rest', () => {
    const parts = markTerms('Deliver to 14 Harbour View, Cobh. Cobh is lovely.', [town, address]);
    expect(parts.filter((p) => p.term).map((p) => [p.text, p.term!.label])).toEqual([
      ['14 Harbour View, Cobh', 'ADDRESS'],
      ['Cobh', 'TOWN'],
    ]);
    expect(parts.map((p) => p.text).join('')).toBe('Deliver to 14 Harbour View, Cobh. Cobh is lovely.');
  });

  it('leaves text without terms, and ignores blank terms', () => {
    expect(markTerms('nothing here', [order, { text: '  ', label: 'BLANK' }])).toEqual([{ text: 'nothing here' }]);
    expect(markTerms('nothing here', [])).toEqual([{ text: 'nothing here' }]);
  });
});
