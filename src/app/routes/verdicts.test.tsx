import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aiHandoff } from '../../mocks/fixtures/conversations';
import { server } from '../../../tests/bff-in-process';
import { renderApp } from '../../../tests/render-app';
import { installReviewBackend } from '../../../tests/review-backend';
import { stubScrolling } from '../../../tests/dom-stubs';

const backend = installReviewBackend();
stubScrolling();
const [summaryId, sentimentId] = aiHandoff.operatorResultIds as [string, string];

async function openResultPage(id: string) {
  const app = renderApp(`/operator-results/${id}`);
  const section = await screen.findByRole('region', { name: 'Reviewers\u2019 verdicts' }, { timeout: 10_000 });
  return { ...app, section };
}

describe('verdicts on an operator result', () => {
  it('records, shows and changes the reader\u2019s verdict with a correction picked from the labels', async () => {
    const { user, section } = await openResultPage(sentimentId);
    const group = await within(section).findByRole('group', { name: 'Your verdict on this result' });
    expect(within(section).getByText('No reviewer has given a verdict yet.')).toBeInTheDocument();

    await user.click(within(group).getByRole('button', { name: 'Agree' }));
    await within(section).findByText('Saved: Agree');
    expect(within(group).getByRole('button', { name: 'Agree' })).toHaveAttribute('aria-pressed', 'true');
    const list = await within(section).findByRole('list');
    expect(within(list).getByText('Rita Reviewer (you)')).toBeInTheDocument();
    expect(within(list).getByText('Agree')).toBeInTheDocument();

    // Disagreeing offers the operator's labels for the correction.
    await user.click(within(group).getByRole('button', { name: 'Disagree' }));
    await waitFor(() => expect(within(list).getByText('Disagree')).toBeInTheDocument());
    const correction = within(section).getByRole('combobox', { name: /Correction: the right label/ });
    const options = [...section.querySelectorAll('datalist option')].map((option) => option.getAttribute('value'));
    expect(options).toContain('POSITIVE');
    await user.type(correction, 'NEGATIVE');
    await user.type(
      within(section).getByRole('textbox', { name: 'Note on your verdict (optional)' }),
      'She was angry about the charge.',
    );
    await user.click(within(section).getByRole('button', { name: 'Save correction and note' }));
    await within(list).findByText('NEGATIVE');
    expect(within(list).getByText(/the AI said POSITIVE/)).toBeInTheDocument();
    expect(within(list).getByText('She was angry about the charge.')).toBeInTheDocument();
    expect(backend.writes.at(-1)).toEqual({
      method: 'PUT',
      path: `/api/reviews/conversations/${aiHandoff.id}/results/${sentimentId}/verdict`,
      body: { verdict: 'disagree', correction: 'NEGATIVE', note: 'She was angry about the charge.', expectedVersion: 2 },
    });
  });

  it('asks for a free-text correction on a result that is not a classification', async () => {
    const { user, section } = await openResultPage(summaryId);
    const group = await within(section).findByRole('group', { name: 'Your verdict on this result' });
    expect(within(section).getByRole('textbox', { name: 'Correction (optional)' })).toBeInTheDocument();
    await user.type(within(section).getByRole('textbox', { name: 'Correction (optional)' }), 'The charge was $129.');
    await user.click(within(group).getByRole('button', { name: 'Unsure' }));
    await within(section).findByText('The charge was $129.', { selector: 'strong' });
  });

  it('asks a reviewer on loopback for their name once, then lets them give a verdict', async () => {
    backend.as('unnamed');
    const { user, section } = await openResultPage(sentimentId);
    expect(within(section).queryByRole('group', { name: 'Your verdict on this result' })).toBeNull();
    await user.type(await within(section).findByRole('textbox', { name: /Your name, to sign your reviews/ }), 'Noor Haddad');
    await user.click(within(section).getByRole('button', { name: 'Save name' }));
    await within(section).findByText('Noor Haddad');
    await user.click(await within(section).findByRole('button', { name: 'Unsure' }));
    await within(section).findByText('Noor Haddad (you)');
  });

  it('shows a viewer everyone\u2019s verdicts and no way to write', async () => {
    const first = await openResultPage(sentimentId);
    await first.user.click(await within(first.section).findByRole('button', { name: 'Agree' }));
    await within(first.section).findByText('Rita Reviewer (you)');
    first.unmount();
    backend.as('viewer');
    const viewer = await openResultPage(sentimentId);
    await within(viewer.section).findByText(/a viewer: you can read reviews but not write them/);
    expect(within(viewer.section).getByText('Rita Reviewer')).toBeInTheDocument();
    expect(within(viewer.section).queryByRole('button', { name: 'Agree' })).toBeNull();
  });

  it('keeps the reader\u2019s note when the verdict was changed elsewhere, and overwrites on request', async () => {
    const { user, section } = await openResultPage(sentimentId);
    const group = await within(section).findByRole('group', { name: 'Your verdict on this result' });
    await user.click(within(group).getByRole('button', { name: 'Disagree' }));
    await within(section).findByText('Saved: Disagree');
    // The same reviewer changes it in another tab.
    const other = await fetch(`/api/reviews/conversations/${aiHandoff.id}/results/${sentimentId}/verdict`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ verdict: 'agree', expectedVersion: 1 }),
    });
    expect(other.status).toBe(200);
    const note = within(section).getByRole('textbox', { name: 'Note on your verdict (optional)' });
    await user.type(note, 'Careful: the refund came later.');
    await user.click(within(section).getByRole('button', { name: 'Save correction and note' }));
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('Rita Reviewer changed this verdict while you were writing. Your text is still here');
    expect(note).toHaveValue('Careful: the refund came later.');
    await user.click(within(alert).getByRole('button', { name: 'Overwrite with mine' }));
    await within(section).findByText('Careful: the refund came later.', { selector: 'p' });
    expect(within(section).queryByRole('alert')).toBeNull();
  });

  it('says clearly why a write was refused and keeps what was typed', async () => {
    const { user, section } = await openResultPage(summaryId);
    await within(section).findByRole('group', { name: 'Your verdict on this result' });
    server.use(
      http.put('/api/reviews/*', () =>
        HttpResponse.json({ code: 90413, message: 'Too large', httpStatusCode: 413, userError: true }, { status: 413 }),
      ),
    );
    await user.type(within(section).getByRole('textbox', { name: 'Note on your verdict (optional)' }), 'Long thoughts');
    await user.click(within(section).getByRole('button', { name: 'Agree' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent('The verdict is too long to send (at most 16 KiB)');
    expect(within(section).getByRole('textbox', { name: 'Note on your verdict (optional)' })).toHaveValue('Long thoughts');
  });

  it('gives and shows verdicts on the selected result in the conversation\u2019s results panel', async () => {
    const { user } = renderApp(`/conversations/${aiHandoff.id}?result=${sentimentId}`);
    const panel = await screen.findByRole('region', { name: /^Operator results/ }, { timeout: 10_000 });
    const group = await within(panel).findByRole('group', { name: 'Your verdict on this result' });
    await user.click(within(group).getByRole('button', { name: 'Disagree' }));
    await within(panel).findByText('Saved: Disagree');
    expect(within(panel).getByText('Rita Reviewer')).toBeInTheDocument();
    // Only the selected result carries the verdict controls.
    expect(within(panel).getAllByRole('group', { name: 'Your verdict on this result' })).toHaveLength(1);
  });
});
