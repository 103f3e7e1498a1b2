import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { server } from '../../../tests/bff-in-process';
import { stubScrolling } from '../../../tests/dom-stubs';
import { renderApp } from '../../../tests/render-app';
import { installReviewBackend } from '../../../tests/review-backend';
import { LIVE_CALL_ID, LIVE_LINE_MS, liveCallAt } from '../../mocks/fixtures/live-call';
import { liveCallHandlers } from '../../mocks/live-call-handlers';

installReviewBackend();
stubScrolling();

const START = Date.parse('2026-11-30T10:00:00Z');
/** Eleven lines into the demo's live call: the sentiment operator has run three times. */
const ELAPSED = 10 * LIVE_LINE_MS + 500;
const { conversation, results } = liveCallAt(0, START, ELAPSED);
const [first, , third] = results;

/** Someone opened the call at START, which started it; the page opens it ELAPSED later. */
async function openLiveCall(query = '', before?: () => Promise<void>) {
  let now = START;
  server.use(...liveCallHandlers({ now: () => now }));
  await fetch(`/api/v3/Conversations/${LIVE_CALL_ID}`);
  now += ELAPSED;
  await before?.();
  return renderApp(`/conversations/${LIVE_CALL_ID}${query}`);
}

describe('results over time', () => {
  it('groups the operator\u2019s runs in the panel: the latest, with the earlier ones folded under it', async () => {
    const { user } = await openLiveCall();
    const panel = await screen.findByRole('region', { name: /Operator results/ });
    await within(panel).findByText('NEUTRAL');
    expect(within(panel).getAllByRole('link', { name: /^Full result: / })).toHaveLength(1);
    await user.click(within(panel).getByText('2 earlier runs'));
    const earlier = within(panel).getByRole('list', { name: /^Earlier runs of / });
    const buttons = within(earlier).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([expect.stringMatching(/^NEGATIVE/), expect.stringMatching(/^NEGATIVE/)]);
    await user.click(buttons[1]!);
    await waitFor(() => expect(buttons[1]).toHaveAttribute('aria-pressed', 'true'));
    // The heading counts what the reader sees: one row, holding three runs.
    expect(panel).toHaveAccessibleName('Operator results (1 \u00b7 3 runs)');
    // An earlier run takes a verdict as the latest does.
    const verdict = await within(earlier).findByRole('group', { name: 'Your verdict on this result' }, { timeout: 10_000 });
    await user.click(within(verdict).getByRole('button', { name: 'Disagree' }));
    await within(earlier).findByText('Saved: Disagree');
  });

  it('shows how the sentiment changed, each step at the message its run had seen up to, and selecting one dims what it had not seen', async () => {
    const { user, router } = await openLiveCall();
    const strip = await screen.findByRole('list', { name: 'Customer sentiment over the conversation' });
    const steps = within(strip).getAllByRole('button');
    expect(steps.map((step) => step.textContent)).toEqual([
      expect.stringMatching(/^NEGATIVE #3, after message 3 of 11, /),
      expect.stringMatching(/^NEGATIVE #6, after message 6 of 11, /),
      expect.stringMatching(/^NEUTRAL #9, after message 9 of 11, /),
    ]);

    await user.click(steps[0]!);
    await waitFor(() => expect(router.state.location.search).toBe(`?result=${first!.id}`));
    expect(steps[0]).toHaveAttribute('aria-pressed', 'true');
    const log = screen.getByRole('log', { name: 'Transcript' });
    const unseen = log.querySelectorAll('[data-unseen]');
    expect([...unseen].map((row) => row.id)).toEqual(conversation.communications.slice(3).map((c) => c.id));
    expect(within(log).getAllByText('The operator had not seen these yet')).toHaveLength(1);
    expect(log.querySelector(`[id="${conversation.communications[3]!.id}"]`)).toHaveAttribute('data-unseen', 'first');
    // Its evidence lights up as a selected result's does.
    expect(log.querySelector(`[id="${conversation.communications[2]!.id}"]`)).toHaveAttribute('data-evidence', 'reference');

    await user.click(steps[2]!);
    await waitFor(() => expect(router.state.location.search).toBe(`?result=${third!.id}`));
    expect([...log.querySelectorAll('[data-unseen]')].map((row) => row.id)).toEqual(
      conversation.communications.slice(9).map((c) => c.id),
    );
  });

  it('says when a step\u2019s message is hidden by the filters', async () => {
    await openLiveCall('?hide=' + conversation.participants[1]!.id);
    const strip = await screen.findByRole('list', { name: 'Customer sentiment over the conversation' });
    const steps = within(strip).getAllByRole('button');
    // Message 6 is the agent's, message 3 the caller's.
    expect(steps[1]).toHaveTextContent('that message is hidden by the filters');
    expect(steps[0]).not.toHaveTextContent('hidden by the filters');
  });

  it('marks each step with its reviewers\u2019 verdicts', async () => {
    const verdict = (resultId: string, body: object) =>
      fetch(`/api/reviews/conversations/${LIVE_CALL_ID}/results/${resultId}/verdict`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ expectedVersion: 0, ...body }),
      }).then((response) => expect(response.status).toBe(201));
    await openLiveCall('', () => verdict(first!.id, { verdict: 'disagree', correction: 'NEUTRAL' }));
    const strip = await screen.findByRole('list', { name: 'Customer sentiment over the conversation' }, { timeout: 10_000 });
    await waitFor(() => expect(within(strip).getAllByRole('button')[0]).toHaveTextContent(/, reviewers: 1 disagree$/));
    expect(within(strip).getAllByRole('button')[2]).not.toHaveTextContent('reviewers');
    const marks = screen.getByRole('region', { name: 'Results over time' }).querySelectorAll('[data-verdict-marks]');
    expect([...marks].map((mark) => [mark.getAttribute('data-verdict-marks'), mark.textContent])).toEqual([
      [first!.id, '\u2717'],
    ]);
  });
});
