import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aiHandoff, seedConversation, smsThread } from '../../mocks/fixtures/conversations';
import { listAnswers } from '../../../tests/conversation-list-answers';
import { renderApp } from '../../../tests/render-app';
import { installReviewBackend } from '../../../tests/review-backend';

const backend = installReviewBackend();

beforeEach(() => {
  vi.spyOn(window, 'scrollTo');
});

/** The page's own reviewer (Rita) marks a conversation, as in another tab of hers. */
async function markAsMe(conversationId: string, status: string) {
  const response = await fetch(`/api/reviews/conversations/${conversationId}/status`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ status, expectedVersion: 0 }),
  });
  expect(response.status).toBe(200);
}

function rows() {
  return screen.getAllByRole('listitem').filter((item) => item.hasAttribute('data-row-index'));
}

async function renderInbox(path: string) {
  const app = renderApp(path);
  await screen.findByRole('heading', { level: 1, name: 'Conversations' }, { timeout: 5000 });
  await waitFor(() => expect(rows().length).toBeGreaterThan(0), { timeout: 5000 });
  return app;
}

describe('the inbox: review status', () => {
  beforeEach(async () => {
    listAnswers([aiHandoff, smsThread, seedConversation]);
    await markAsMe(aiHandoff.id, 'reviewed');
    await backend.setStatusAs('Omar Other', smsThread.id, 'needs_follow_up');
    await backend.setStatusAs('Omar Other', seedConversation.id, 'in_review');
  });

  it('shows each row’s review status and who set it', async () => {
    await renderInbox('/conversations');
    const [handoff, sms, seed] = rows();
    expect(await within(handoff!).findByText('Reviewed')).toBeInTheDocument();
    expect(within(handoff!).getByText('by you')).toBeInTheDocument();
    expect(within(sms!).getByText('Needs follow-up')).toBeInTheDocument();
    expect(within(sms!).getByText('by Omar Other')).toBeInTheDocument();
    expect(within(seed!).getByText('In review')).toBeInTheDocument();
  });

  it('filters the loaded rows by review status, says so, keeps it in the URL and counts it as a filter', async () => {
    const { user, router } = await renderInbox('/conversations');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Review' }), 'Needs follow-up');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(within(rows()[0]!).getByRole('link', { name: smsThread.name! })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?review=needs_follow_up');
    expect(
      screen.getByText(
        (_, element) =>
          element?.tagName === 'P' &&
          /^1 of the 3 loaded conversations where the review status is Needs follow-up\. Only the conversations loaded so far are filtered\.$/.test(
            element.textContent ?? '',
          ),
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('1 active filter')).toBeInTheDocument();
    // The heading's count says the rows shown are a part of those loaded.
    expect(screen.getByText('1 shown of 3 loaded')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(router.state.location.search).toBe('');
    expect(screen.getByText('3 loaded')).toBeInTheDocument();
  });

  it('"Mine" keeps the rows the reader has in review or reviewed; a link with it opens filtered', async () => {
    await renderInbox('/conversations?review=mine');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(within(rows()[0]!).getByRole('link', { name: aiHandoff.name! })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Review' })).toHaveValue('mine');
    // The link to a conversation carries the filter, so its Previous / Next walk these rows.
    expect(within(rows()[0]!).getByRole('link', { name: aiHandoff.name! })).toHaveAttribute(
      'href',
      `/conversations/${aiHandoff.id}?from=review%3Dmine`,
    );
  });

  it('says which review filter in a link it could not use', async () => {
    await renderInbox('/conversations?review=done');
    expect(screen.getByText(/The review status filter "done" is not one this page knows/)).toBeInTheDocument();
    expect(rows()).toHaveLength(3);
  });
});
