import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { aiHandoff, seedConversation, smsThread } from '../../mocks/fixtures/conversations';
import { listAnswers } from '../../../tests/conversation-list-answers';
import { stubScrolling } from '../../../tests/dom-stubs';
import { renderApp } from '../../../tests/render-app';
import { installReviewBackend } from '../../../tests/review-backend';
import { server } from '../../../tests/bff-in-process';

const backend = installReviewBackend();
stubScrolling();

beforeEach(() => {
  vi.spyOn(window, 'scrollTo');
});

const walkBar = () => screen.getByRole('navigation', { name: 'The list this conversation was opened from' });

async function openFromList(conversation: { id: string; name?: string | null }, from: string) {
  const app = renderApp(`/conversations/${conversation.id}?from=${encodeURIComponent(from)}`);
  await screen.findByRole('heading', { level: 1, name: conversation.name! }, { timeout: 10_000 });
  await within(screen.getByRole('region', { name: 'Review' })).findByText('Review status:');
  return app;
}

describe('the review queue: the list a conversation was opened from, by review status', () => {
  beforeEach(async () => {
    listAnswers([aiHandoff, smsThread, seedConversation]);
    await backend.setStatusAs('Omar Other', smsThread.id, 'reviewed');
  });

  it('r marks the conversation reviewed and opens the next one nobody has reviewed; at the end, says none is left', async () => {
    const { user, router } = await openFromList(aiHandoff, '');
    await within(walkBar()).findByText('1 of 3');
    await user.keyboard('r');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${seedConversation.id}`), {
      timeout: 5000,
    });
    expect(router.state.location.search).toBe('?from=');
    await screen.findByRole('heading', { level: 1, name: seedConversation.name! });
    await within(screen.getByRole('region', { name: 'Review' })).findByText('Review status:');
    await user.keyboard('r');
    expect(await within(walkBar()).findByText('No unreviewed conversation is left in this list.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/conversations/${seedConversation.id}`);
    expect(backend.writes.map((write) => write.path)).toEqual([
      `/api/reviews/conversations/${aiHandoff.id}/status`,
      `/api/reviews/conversations/${seedConversation.id}/status`,
    ]);
  });

  it('"Mark reviewed, open next" does what r does: marks it and opens the next one nobody has reviewed', async () => {
    const { user, router } = await openFromList(aiHandoff, '');
    await within(walkBar()).findByText('1 of 3');
    const panel = screen.getByRole('region', { name: 'Review' });
    await user.click(within(panel).getByRole('button', { name: 'Mark reviewed, open next' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${seedConversation.id}`), {
      timeout: 5000,
    });
    expect(backend.writes.map((write) => write.path)).toEqual([`/api/reviews/conversations/${aiHandoff.id}/status`]);
  });

  it('Next unreviewed goes back to one passed over above when none is left below', async () => {
    const { user, router } = await openFromList(seedConversation, '');
    await within(walkBar()).findByText('3 of 3');
    await user.click(within(walkBar()).getByRole('button', { name: /Next unreviewed/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${aiHandoff.id}`), { timeout: 5000 });
    expect(backend.writes).toEqual([]);
  });

  it('reads the list’s review statuses only when the queue looks for the next unreviewed', async () => {
    const paths: string[] = [];
    const record = ({ request }: { request: Request }) => paths.push(new URL(request.url).pathname);
    server.events.on('request:start', record);
    onTestFinished(() => void server.events.removeListener('request:start', record));
    const { user, router } = await openFromList(aiHandoff, '');
    await within(walkBar()).findByText('1 of 3');
    expect(paths).not.toContain('/api/reviews/statuses');
    await user.click(within(walkBar()).getByRole('button', { name: /Next unreviewed/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${seedConversation.id}`), { timeout: 5000 });
    expect(paths.filter((path) => path === '/api/reviews/statuses')).toHaveLength(1);
  });

  it('Previous and Next walk only the rows the list’s review filter kept', async () => {
    const { user, router } = await openFromList(aiHandoff, 'review=not_reviewed');
    const bar = walkBar();
    expect(await within(bar).findByText('1 of 2')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(bar).getByRole('link', { name: /Next/ })).toHaveAttribute(
        'href',
        `/conversations/${seedConversation.id}?from=review%3Dnot_reviewed`,
      ),
    );
    await user.keyboard(']');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${seedConversation.id}`));
    await waitFor(() =>
      expect(within(walkBar()).getByRole('link', { name: /Previous/ })).toHaveAttribute(
        'href',
        `/conversations/${aiHandoff.id}?from=review%3Dnot_reviewed`,
      ),
    );
    expect(within(walkBar()).getByRole('link', { name: 'Back to the list' })).toHaveAttribute(
      'href',
      '/conversations?review=not_reviewed',
    );
  });

  it('lists r as marking reviewed and opening the next unreviewed in the shortcuts', async () => {
    // jsdom has no modal dialogs: opening one only marks it open.
    HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    onTestFinished(() => {
      Reflect.deleteProperty(HTMLDialogElement.prototype, 'showModal');
    });
    const { user } = await openFromList(aiHandoff, '');
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(
      within(dialog).getByText('Mark the conversation reviewed and open the next unreviewed one of the list'),
    ).toBeInTheDocument();
  });
});
