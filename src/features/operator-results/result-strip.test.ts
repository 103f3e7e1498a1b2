import { describe, expect, it } from 'vitest';
import { liveCallAt, LIVE_LINE_MS } from '../../mocks/fixtures/live-call';
import { tracksOf } from './result-strip';

describe('tracksOf', () => {
  const { conversation, results } = liveCallAt(0, Date.parse('2026-11-30T10:00:00Z'), 10 * LIVE_LINE_MS);

  it('follows the sentiment run by run, each step at the message its range ended on', () => {
    const [track] = tracksOf(results, conversation);
    expect(track!.steps.map((step) => [step.value, step.position])).toEqual([
      [{ kind: 'label', value: 'NEGATIVE' }, 3],
      [{ kind: 'label', value: 'NEGATIVE' }, 6],
      [{ kind: 'label', value: 'NEUTRAL' }, 9],
    ]);
  });

  it('leaves out a run whose last message the page does not have yet, and a track left with one step', () => {
    const older = { ...conversation, communications: conversation.communications.slice(0, 7) };
    expect(tracksOf(results, older)[0]!.steps.map((step) => step.position)).toEqual([3, 6]);
    const oldest = { ...conversation, communications: conversation.communications.slice(0, 5) };
    expect(tracksOf(results, oldest)).toEqual([]);
  });
});
