import { describe, expect, it } from 'vitest';
import type { Communication } from '../../api/conversation';
import type { OperatorResult } from '../../api/operator-result';
import { aiHandoff, whatsappOrder } from '../../mocks/fixtures/conversations';
import { operatorResults } from '../../mocks/fixtures/operator-results';
import { evidenceLocator, previewOf, staleNotice } from './result-summary';

const RESULT_ID = 'intelligence_operatorresult_01k6fc25s7epm9qtk8rszbv3q5';
const CONVERSATION_ID = 'conv_conversation_01k6fc25s7epm9qtk8rszbv3q5';

/** A minimal result of `outputFormat` carrying `result`; anything else may be overridden. */
function resultOf(outputFormat: string, result: unknown, extra: Partial<OperatorResult> = {}): OperatorResult {
  return {
    id: RESULT_ID,
    outputFormat,
    conversationId: CONVERSATION_ID,
    referenceIds: [],
    operator: { id: 'intelligence_operator_01k6fc25s7epm9qtk8rszbv3q5' },
    result,
    ...extra,
  };
}

function fixture(id: string): OperatorResult {
  const found = operatorResults.find((result) => result.id === id);
  if (!found) throw new Error(`No operator result fixture ${id}`);
  return found;
}

/** `count` communications in time order, with IDs c0, c1, … */
function transcript(count: number): Communication[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `c${i}`,
    participantId: 'conv_participant_01k6fc25s7epm9qtk8rszbv3q5',
    content: { text: `message ${i}` },
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, i)).toISOString(),
  }));
}

/** A result covering communications `first`…`last`, citing `references`. */
function spanning(first: string | null, last: string | null, references: string[] = []): OperatorResult {
  return resultOf('TEXT', { text: 'x' }, { referenceIds: references, executionDetails: { communications: { first, last } } });
}

describe('previewOf', () => {
  it('shows the first two non-empty lines of a TEXT result on one line', () => {
    expect(previewOf(resultOf('TEXT', { text: 'First line.\n\nSecond line.\nThird line.' }))).toBe('First line. Second line.');
    expect(previewOf(resultOf('TEXT', { text: 'Only one line' }))).toBe('Only one line');
  });

  it('clips a long TEXT preview to 180 characters with an ellipsis', () => {
    const preview = previewOf(resultOf('TEXT', { text: 'word '.repeat(100) }));
    expect(preview.length).toBeLessThanOrEqual(180);
    expect(preview.endsWith('\u2026')).toBe(true);
    expect(preview.startsWith('word word')).toBe(true);
    // Trailing spaces are trimmed before the ellipsis.
    expect(preview).not.toMatch(/ \u2026$/);
  });

  it('previews the aiHandoff summary by its first two lines', () => {
    const summary = fixture(aiHandoff.operatorResultIds[0]!);
    const [first, second] = (summary.result as { text: string }).text.split('\n');
    expect(previewOf(summary)).toBe(`${first} ${second}`);
  });

  it('shows a CLASSIFICATION result as its label', () => {
    expect(previewOf(resultOf('CLASSIFICATION', { label: 'POSITIVE' }))).toBe('POSITIVE');
    expect(previewOf(fixture(aiHandoff.operatorResultIds[1]!))).toBe('POSITIVE');
  });

  it('counts EXTRACTION entities and lists their distinct labels', () => {
    expect(previewOf(fixture(aiHandoff.operatorResultIds[2]!))).toBe('4 entities: AMOUNT, CASE_NUMBER, DATE, EMAIL');
    expect(
      previewOf(
        resultOf('EXTRACTION', {
          entities: [
            { text: 'a', label: 'DATE' },
            { text: 'b', label: 'DATE' },
            { text: 'c', label: 'AMOUNT' },
          ],
        }),
      ),
    ).toBe('3 entities: DATE, AMOUNT');
    expect(previewOf(resultOf('EXTRACTION', { entities: [{ text: 'a', label: 'DATE' }] }))).toBe('1 entity: DATE');
    expect(previewOf(resultOf('EXTRACTION', { entities: [] }))).toBe('0 entities');
  });

  it('shows a JSON object as its first key: value pairs, values in brief', () => {
    expect(previewOf(resultOf('JSON', { resolved: true, score: 4, note: null }))).toBe('resolved: true, score: 4, note: null');
    expect(previewOf(fixture(aiHandoff.operatorResultIds[3]!))).toBe(
      'score: 4, explanation: "Agent greeted, verified the issue and e\u2026", checklist: {\u2026}, handoff: {\u2026}',
    );
  });

  it('says "+N more" when a JSON object has more than four keys', () => {
    expect(previewOf(resultOf('JSON', { a: 1, b: 'two', c: [1, 2, 3], d: { e: 1 }, f: false, g: null }))).toBe(
      'a: 1, b: "two", c: [3], d: {\u2026}, +2 more',
    );
    expect(previewOf(resultOf('JSON', { a: 1, b: 2, c: 3, d: 4 }))).not.toContain('more');
  });

  it('shows a JSON value that is not an object in brief', () => {
    expect(previewOf(resultOf('JSON', [1, 2, 3]))).toBe('[3]');
    expect(previewOf(resultOf('JSON', 'done'))).toBe('"done"');
    expect(previewOf(resultOf('JSON', 7))).toBe('7');
    expect(previewOf(resultOf('JSON', null))).toBe('null');
  });

  it('says a refusal is a refusal, whether it comes at the top level or inside `result`', () => {
    expect(previewOf(resultOf('TEXT', {}, { refusal: 'Cannot judge a named individual.' }))).toBe(
      'Refused: Cannot judge a named individual.',
    );
    expect(previewOf(resultOf('CLASSIFICATION', { refusal: 'Not enough speech.' }))).toBe('Refused: Not enough speech.');
    expect(previewOf(resultOf('JSON', { a: 1 }, { refusal: { reason: 'policy' } }))).toBe('Refused: {"reason":"policy"}');
    const refused = fixture(whatsappOrder.operatorResultIds[2]!);
    expect(previewOf(refused)).toBe(`Refused: ${refused.refusal as string}`);
  });

  it('clips a long refusal', () => {
    const preview = previewOf(resultOf('TEXT', {}, { refusal: 'no '.repeat(200) }));
    expect(preview.startsWith('Refused: no no')).toBe(true);
    expect(preview.endsWith('\u2026')).toBe(true);
    expect(preview.length).toBeLessThanOrEqual('Refused: '.length + 180);
  });

  it('names an unknown format', () => {
    expect(previewOf(resultOf('AUDIO_TAGS', { tags: ['hold-music'] }))).toBe(
      'Output in the unknown format \u201cAUDIO_TAGS\u201d',
    );
  });
});

describe('evidenceLocator', () => {
  const ordered = transcript(10);

  it('puts every communication from first to last in the range, with 1-based coverage', () => {
    const evidence = evidenceLocator(ordered)(spanning('c2', 'c5'));
    expect([...evidence.range]).toEqual(['c2', 'c3', 'c4', 'c5']);
    expect(evidence.references.size).toBe(0);
    expect(evidence.firstId).toBe('c2');
    expect(evidence.coverage).toEqual({ from: 3, to: 6, total: 10 });
  });

  it('keeps the cited communications, dropping those not in the conversation', () => {
    const evidence = evidenceLocator(ordered)(spanning('c0', 'c9', ['c7', 'c3', 'not-here']));
    expect([...evidence.references].sort()).toEqual(['c3', 'c7']);
    expect(evidence.range.size).toBe(10);
    expect(evidence.coverage).toEqual({ from: 1, to: 10, total: 10 });
  });

  it('brings the earliest cited message into view, or the start of the range when nothing is cited', () => {
    expect(evidenceLocator(ordered)(spanning('c4', 'c6', ['c8', 'c1'])).firstId).toBe('c1');
    // A summary of thousands of messages that cites two near the end: those are what to show.
    expect(evidenceLocator(ordered)(spanning('c0', 'c9', ['c8', 'c7'])).firstId).toBe('c7');
    expect(evidenceLocator(ordered)(spanning('c4', 'c6', ['c8'])).firstId).toBe('c8');
    expect(evidenceLocator(ordered)(spanning('c4', 'c6')).firstId).toBe('c4');
    expect(evidenceLocator(ordered)(spanning(null, null, ['c8', 'c6'])).firstId).toBe('c6');
  });

  it('gives an empty range and no coverage when first or last is not in the conversation', () => {
    for (const result of [
      spanning('gone', 'c5', ['c3']),
      spanning('c2', 'gone', ['c3']),
      spanning('gone', 'also-gone', ['c3']),
    ]) {
      const evidence = evidenceLocator(ordered)(result);
      expect(evidence.range.size).toBe(0);
      expect(evidence.coverage).toBeNull();
      expect([...evidence.references]).toEqual(['c3']);
      expect(evidence.firstId).toBe('c3');
    }
  });

  it('has no evidence at all without execution details, or when first comes after last', () => {
    for (const result of [resultOf('TEXT', { text: 'x' }), spanning('c6', 'c2')]) {
      const evidence = evidenceLocator(ordered)(result);
      expect(evidence).toEqual({ range: new Set(), references: new Set(), firstId: null, coverage: null });
    }
  });

  it('locates the fixtures in their conversation', () => {
    const sentiment = fixture(aiHandoff.operatorResultIds[1]!);
    const evidence = evidenceLocator(aiHandoff.communications)(sentiment);
    const ids = aiHandoff.communications.map((c) => c.id);
    expect([...evidence.range]).toEqual(ids.slice(4));
    expect([...evidence.references]).toEqual([ids[8]]);
    expect(evidence.firstId).toBe(ids[8]);
    expect(evidence.coverage).toEqual({ from: 5, to: 10, total: 10 });
  });

  it('returns the same Evidence object for the same result object', () => {
    const locate = evidenceLocator(ordered);
    const result = spanning('c1', 'c3', ['c5']);
    const first = locate(result);
    expect(locate(result)).toBe(first);
    // An equal but distinct result is located afresh, to the same effect.
    const copy = locate({ ...result });
    expect(copy).not.toBe(first);
    expect(copy).toEqual(first);
  });
});

describe('staleNotice', () => {
  it('says nothing without coverage or when the result covers the last message', () => {
    expect(staleNotice(null)).toBeNull();
    expect(staleNotice({ from: 1, to: 7, total: 7 })).toBeNull();
    expect(staleNotice({ from: 3, to: 7, total: 7 })).toBeNull();
  });

  it('says which messages the result covers when the conversation has grown since', () => {
    expect(staleNotice({ from: 1, to: 4, total: 7 })).toBe('Covers messages 1\u20134 of 7');
    expect(staleNotice({ from: 1, to: 1500, total: 2000 })).toBe('Covers messages 1\u20131500 of 2000');
  });
});
