import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { errorBody } from '../../api/error';
import { aiHandoff } from '../../mocks/fixtures/conversations';
import { server } from '../../../tests/bff-in-process';
import { renderApp } from '../../../tests/render-app';
import { installReviewBackend } from '../../../tests/review-backend';

const backend = installReviewBackend();
const [summaryId, sentimentId] = aiHandoff.operatorResultIds as [string, string];

async function verdict(resultId: string, body: object) {
  const response = await fetch(`/api/reviews/conversations/${aiHandoff.id}/results/${resultId}/verdict`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ expectedVersion: 0, ...body }),
  });
  expect(response.status).toBe(201);
}

describe('the agreement page', () => {
  it('says there is nothing yet before any verdict', async () => {
    renderApp('/agreement');
    await screen.findByText(/No verdict has been given yet/, undefined, { timeout: 10_000 });
    expect(screen.getByRole('heading', { level: 1, name: 'Agreement by operator' })).toBeInTheDocument();
  });

  it('shows shares per operator and version, and the AI\u2019s labels against the reviewers\u2019', async () => {
    await verdict(sentimentId, { verdict: 'agree' });
    await verdict(summaryId, { verdict: 'unsure' });
    // A second reviewer, by the name they give on loopback.
    backend.as('unnamed');
    const named = await fetch('/api/me', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name":"Noor"}',
    });
    expect(named.status).toBe(200);
    await verdict(sentimentId, { verdict: 'disagree', correction: 'NEGATIVE' });

    renderApp('/agreement');
    const byOperator = await screen.findByRole('region', { name: 'By operator and version' }, { timeout: 10_000 });
    const sentiment = await within(byOperator).findByRole('row', { name: /^Customer sentiment/ });
    expect(
      within(sentiment)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['v2', '50%', '50%', '0%', '', '1', '2']);
    const summary = within(byOperator).getByRole('row', { name: /^Conversation summary/ });
    expect(
      within(summary)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['v3', '0%', '0%', '100%', '', '1', '1']);
    // Most disagreed with first.
    const rows = within(byOperator).getAllByRole('row').slice(1);
    expect(rows[0]).toBe(sentiment);

    const labels = screen.getByRole('region', { name: /^Customer sentiment v2: the AI.s label against the reviewers/ });
    const pairs = within(labels)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['POSITIVE', 'POSITIVE', '1'],
        ['POSITIVE', 'NEGATIVE', '1'],
      ]),
    );
    expect(pairs).toHaveLength(2);
  });

  it('explains a failure and offers to retry', async () => {
    server.use(
      http.get('/api/reviews/agreement', () =>
        HttpResponse.json(errorBody(90503, 503, 'Reviews cannot be reached: the database is opening.', false), { status: 503 }),
      ),
    );
    renderApp('/agreement');
    const alert = await screen.findByRole('alert', undefined, { timeout: 10_000 });
    expect(alert).toHaveTextContent('The agreement figures could not be loaded.');
    expect(alert).toHaveTextContent('Reviews cannot be reached: the database is opening.');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
