import { describe, expect, it } from 'vitest';
import { choicesOf } from './choices';

const operator = (suffix: string) => `intelligence_operator_01kcgy1ew0e9x8re6jq542zt${suffix}`;

describe('what the inbox pickers offer', () => {
  it('each operator with an ID once, by its name or else its ID; none without an ID the filter could send', () => {
    expect(
      choicesOf(
        [
          { id: operator('8b'), displayName: ' Script adherence ' },
          { displayName: 'No ID at all' },
          { id: null, displayName: 'A null ID' },
          { id: 'twilio/sentiment@v2', displayName: 'An ID in another shape' },
          { id: operator('9c'), displayName: '  ' },
          { id: operator('8b'), displayName: 'Listed again on the next page' },
          { id: operator('9d') },
        ],
        'operator',
      ),
    ).toEqual([
      { id: operator('8b'), name: 'Script adherence' },
      { id: operator('9c'), name: operator('9c') },
      { id: operator('9d'), name: operator('9d') },
    ]);
  });

  it('checks the ID against the kind the filter sends', () => {
    const configuration = 'intelligence_configuration_01kermhm82e5mr98nbeh1hpmbn';
    expect(choicesOf([{ id: configuration }, { id: operator('8b') }], 'intelligenceConfiguration')).toEqual([
      { id: configuration, name: configuration },
    ]);
  });
});
