import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aiHandoff } from '../../mocks/fixtures/conversations';
import { renderApp } from '../../../tests/render-app';
import { installReviewBackend } from '../../../tests/review-backend';
import { stubScrolling } from '../../../tests/dom-stubs';

const backend = installReviewBackend();
stubScrolling();
const sentimentId = aiHandoff.operatorResultIds[1]!;

async function openConversation(search = '') {
  const app = renderApp(`/conversations/${aiHandoff.id}${search}`);
  const panel = await screen.findByRole('region', { name: 'Review' }, { timeout: 10_000 });
  await within(panel).findByText('Reviewing as');
  await within(panel).findByText('Review status:');
  return { ...app, panel };
}

describe('the review status of a conversation', () => {
  it('starts not reviewed, and changes with who and when', async () => {
    const { user, panel } = await openConversation();
    expect(within(panel).getByText('Not reviewed', { selector: 'span' })).toBeInTheDocument();
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Change to' }), 'Needs follow-up');
    await within(panel).findByText('Needs follow-up', { selector: 'span' });
    expect(within(panel).getByText(/set by you,/)).toBeInTheDocument();
    expect(backend.writes.at(-1)).toEqual({
      method: 'PUT',
      path: `/api/reviews/conversations/${aiHandoff.id}/status`,
      body: { status: 'needs_follow_up', expectedVersion: 0 },
    });
  });

  it('marks the conversation reviewed with r, and says so', async () => {
    const { user, panel } = await openConversation();
    await user.keyboard('r');
    expect(await screen.findByText('Marked reviewed.')).toHaveAttribute('role', 'status');
    await within(panel).findByText('Reviewed', { selector: 'span' });
  });

  it('marks the conversation reviewed with its button, and stays on it', async () => {
    const { user, panel, router } = await openConversation();
    await user.click(within(panel).getByRole('button', { name: 'Mark reviewed' }));
    await within(panel).findByText('Reviewed', { selector: 'span' });
    expect(router.state.location.pathname).toBe(`/conversations/${aiHandoff.id}`);
    expect(backend.writes.at(-1)?.body).toEqual({ status: 'reviewed', expectedVersion: 0 });
  });

  it('sets the verdict on the selected result with a, d and u', async () => {
    const { user } = await openConversation(`?result=${sentimentId}`);
    const panel = screen.getByRole('region', { name: /^Operator results/ });
    const group = await within(panel).findByRole('group', { name: 'Your verdict on this result' });
    await user.keyboard('d');
    await screen.findByText('Verdict saved: Disagree.');
    await waitFor(() => expect(within(group).getByRole('button', { name: 'Disagree' })).toHaveAttribute('aria-pressed', 'true'));
    await user.keyboard('a');
    await screen.findByText('Verdict saved: Agree.');
    await waitFor(() => expect(within(group).getByRole('button', { name: 'Agree' })).toHaveAttribute('aria-pressed', 'true'));
    expect(backend.writes.map((write) => (write.body as { verdict: string }).verdict)).toEqual(['disagree', 'agree']);
  });

  it('says what to do when a verdict key is pressed with no result selected', async () => {
    const { user } = await openConversation();
    await user.keyboard('u');
    await screen.findByText('Select a result first: the verdict keys apply to the selected result.');
    expect(backend.writes).toEqual([]);
  });

  it('shows the history of the review: who, when, before and after', async () => {
    const { user, panel } = await openConversation();
    await user.keyboard('r');
    await within(panel).findByText('Reviewed', { selector: 'span' });
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Change to' }), 'In review');
    await within(panel).findByText('In review', { selector: 'span' });
    await user.click(within(panel).getByText('History of this review'));
    const list = await within(panel).findByRole('list', { name: 'Changes, oldest first' });
    const entries = within(list).getAllByRole('listitem');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent(/Rita Reviewer added a review status/);
    expect(entries[0]).toHaveTextContent('status: Reviewed');
    expect(entries[1]).toHaveTextContent(/Rita Reviewer changed a review status/);
    expect(entries[1]).toHaveTextContent('status: Reviewed \u2192 In review');
  });

  it('shows a long history a page at a time: Load more changes reads the rest', async () => {
    // 501 changes, more than one page holds (as a busy conversation's would be, written directly).
    const id = '00000000-0000-4000-8000-000000000001';
    await backend
      .database()
      .db.insertInto('reviewHistory')
      .values(
        Array.from({ length: 501 }, (_, index) => ({
          actorId: null,
          entity: 'conversation_review' as const,
          entityId: id,
          conversationId: aiHandoff.id,
          action: index === 0 ? ('create' as const) : ('update' as const),
          version: index + 1,
          before: index === 0 ? null : JSON.stringify({ status: index % 2 ? 'not_reviewed' : 'in_review' }),
          after: JSON.stringify({ status: index % 2 ? 'in_review' : 'not_reviewed' }),
        })),
      )
      .execute();
    const { user, panel } = await openConversation();
    await user.click(within(panel).getByText('History of this review'));
    const list = await within(panel).findByRole('list', { name: 'Changes, oldest first' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(500);
    expect(within(panel).getByText('The first 500 changes are shown.')).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Load more changes' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(501));
    expect(within(panel).queryByRole('button', { name: 'Load more changes' })).not.toBeInTheDocument();
  });
});
