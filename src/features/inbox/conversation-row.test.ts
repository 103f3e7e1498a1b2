import { describe, expect, it } from 'vitest';
import { gridClasses, ROW_GRIDS } from './conversation-row';
import { MAX_TRIAGE_COLUMNS } from './triage';

describe('the row grid classes', () => {
  it('are written out for every number of result columns the inbox shows', () => {
    expect(ROW_GRIDS).toHaveLength(MAX_TRIAGE_COLUMNS + 1);
  });

  it.each([0, 1, 2, 3])('match the tracks for %i result columns', (columns) => {
    expect(ROW_GRIDS[columns]).toEqual(gridClasses(columns));
  });
});
