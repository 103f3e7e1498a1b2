import { describe, expect, it } from 'vitest';
import type { OperatorResult } from '../../api/operator-result';
import { analysisCost, describeCost, formatLatency } from './analysis-cost';

let next = 0;
function result(system: Record<string, unknown> | null, extra: Partial<OperatorResult> = {}): OperatorResult {
  next += 1;
  return {
    id: `intelligence_operatorresult_0000000000000000000000000${next}`,
    outputFormat: 'TEXT',
    conversationId: 'conv_conversation_00000000000000000000000000',
    referenceIds: [],
    operator: { id: 'intelligence_operator_00000000000000000000000000', version: 1, parameters: {} },
    result: { text: 'x' },
    ...(system === null ? {} : { metadata: { system } }),
    ...extra,
  } as OperatorResult;
}

describe('analysisCost', () => {
  it('adds up characters and latency, finds the slowest run, and counts truncated inputs and refusals', () => {
    const slow = result({ latencyMs: 4210, inputCharacters: 90_000, outputCharacters: 130, inputTruncated: true });
    const results = [
      result({ latencyMs: 640, inputCharacters: 1200, outputCharacters: 80, inputTruncated: false }),
      slow,
      result({ latencyMs: 900, inputCharacters: 300, outputCharacters: 2 }, { refusal: 'I cannot assess this.' }),
      result({ latencyMs: 10, inputCharacters: 0, outputCharacters: 0 }, { result: { refusal: 'Not this one either.' } }),
    ];
    expect(analysisCost(results)).toEqual({
      results: 4,
      inputCharacters: 91_500,
      outputCharacters: 212,
      latencyMs: 5760,
      slowest: { resultId: slow.id, latencyMs: 4210 },
      truncated: 1,
      refusals: 2,
      incomplete: 0,
    });
  });

  it('counts what it cannot add: a result without metadata, or with a figure missing or not a number', () => {
    const cost = analysisCost([
      result(null),
      result({ latencyMs: 100, inputCharacters: 50 }),
      result({ latencyMs: 'fast', inputCharacters: -1, outputCharacters: Number.NaN }),
      result({ latencyMs: 200, inputCharacters: 10, outputCharacters: 5 }),
    ]);
    expect(cost).toMatchObject({ results: 4, inputCharacters: 60, outputCharacters: 5, latencyMs: 300, incomplete: 3 });
    expect(cost.slowest?.latencyMs).toBe(200);
  });

  it('is all zeros for no results', () => {
    expect(analysisCost([])).toEqual({
      results: 0,
      inputCharacters: 0,
      outputCharacters: 0,
      latencyMs: 0,
      slowest: null,
      truncated: 0,
      refusals: 0,
      incomplete: 0,
    });
  });
});

describe('describeCost', () => {
  it('writes the figures as one line of parts', () => {
    const cost = analysisCost([
      result({ latencyMs: 640, inputCharacters: 1200, outputCharacters: 80 }),
      result({ latencyMs: 4210, inputCharacters: 90_000, outputCharacters: 130, inputTruncated: true }),
    ]);
    expect(describeCost(cost)).toEqual([
      '2 results',
      '91,200 characters in, 210 out',
      '4.9 s in all, the slowest 4.2 s',
      '1 truncated input',
      'no refusal',
    ]);
  });

  it('says one result, several refusals, and which figures are missing', () => {
    expect(describeCost(analysisCost([result(null, { refusal: 'No.' })]))).toEqual([
      '1 result',
      '0 characters in, 0 out',
      'no truncated input',
      '1 refusal',
      'Twilio gave no figures for any result',
    ]);
    const parts = describeCost(
      analysisCost([
        result(null, { refusal: 'No.' }),
        result({ latencyMs: 5, inputCharacters: 1, outputCharacters: 1, inputTruncated: true }, { refusal: 'No.' }),
        result({ latencyMs: 5, inputCharacters: 1, outputCharacters: 1, inputTruncated: true }),
      ]),
    );
    expect(parts.slice(2)).toEqual([
      '10 ms in all, the slowest 5 ms',
      '2 truncated inputs',
      '2 refusals',
      'figures missing for 1 result',
    ]);
  });
});

describe('formatLatency', () => {
  it.each([
    [0, '0 ms'],
    [640.4, '640 ms'],
    [999, '999 ms'],
    [1000, '1 s'],
    [4210, '4.2 s'],
    [1_250_500, '1,250.5 s'],
  ])('%s ms reads %s', (ms, text) => {
    expect(formatLatency(ms)).toBe(text);
  });
});
