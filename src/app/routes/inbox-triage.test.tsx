import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { activeCall, aiHandoff, seedConversation, smsThread } from '../../mocks/fixtures/conversations';
import { withoutMessages } from '../../mocks/fixtures/demo-account';
import { OPERATORS } from '../../mocks/fixtures/operator-results';
import { twilioError, TWILIO_V3 } from '../../mocks/twilio-http';
import { server } from '../../../tests/bff-in-process';
import { CONVERSATION_LIST, listAnswers } from '../../../tests/conversation-list-answers';
import { renderApp } from '../../../tests/render-app';

beforeEach(() => {
  vi.spyOn(window, 'scrollTo');
});

async function renderInbox(path = '/conversations') {
  const app = renderApp(path);
  await screen.findByRole('heading', { level: 1, name: 'Conversations' }, { timeout: 5000 });
  return app;
}

describe('the inbox: triage by what the AI concluded', () => {
  const three = [aiHandoff, smsThread, seedConversation];

  it('shows the latest result of each chosen operator as a cell: the label, the first number of JSON, — for none', async () => {
    listAnswers(three);
    await renderInbox(`/conversations?show=${OPERATORS.sentiment}&show=${OPERATORS.qa}`);
    const rows = await waitFor(
      () => {
        const found = screen.getAllByRole('listitem').filter((item) => item.hasAttribute('data-row-index'));
        expect(found).toHaveLength(3);
        return found;
      },
      { timeout: 5000 },
    );
    expect(await within(rows[0]!).findByText('POSITIVE')).toBeInTheDocument();
    expect(await within(rows[0]!).findByText('4')).toBeInTheDocument();
    expect(await within(rows[1]!).findAllByLabelText('No result')).toHaveLength(2);
    expect(await within(rows[2]!).findByText('NEUTRAL')).toBeInTheDocument();
  });

  it('marks a cell whose result could not be read', async () => {
    listAnswers([aiHandoff]);
    server.use(http.get(`${TWILIO_V3}/OperatorResults`, () => twilioError(500, 20500, 'Internal error')));
    await renderInbox(`/conversations?show=${OPERATORS.sentiment}`);
    expect(await screen.findByText('Not loaded', {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it('adds a column from the picker and a filter on its values, in the URL', async () => {
    listAnswers(three);
    const { user, router } = await renderInbox();
    const picker = await screen.findByRole('combobox', { name: 'What the AI concluded' });
    await user.selectOptions(
      picker,
      await within(picker).findByRole('option', { name: 'Customer sentiment' }, { timeout: 5000 }),
    );
    await waitFor(() => expect(router.state.location.search).toBe(`?show=${OPERATORS.sentiment}`));
    const filter = await screen.findByRole('combobox', { name: 'Show only rows where Customer sentiment is' });
    await user.selectOptions(filter, await within(filter).findByRole('option', { name: 'NEUTRAL' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        `?show=${OPERATORS.sentiment}&where=${encodeURIComponent(`${OPERATORS.sentiment}:is:NEUTRAL`)}`,
      ),
    );
    expect(await screen.findByRole('link', { name: seedConversation.name! })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('link', { name: aiHandoff.name! })).not.toBeInTheDocument());
  });

  it('filters only the rows loaded so far, says so, and loads more when asked', async () => {
    const asked: Array<string | null> = [];
    server.use(
      http.get(CONVERSATION_LIST, ({ request }) => {
        const token = new URL(request.url).searchParams.get('pageToken');
        asked.push(token);
        const page = token === null ? three : [activeCall];
        return HttpResponse.json({
          items: page.map(withoutMessages),
          meta: { key: 'items', pageSize: page.length, ...(token === null ? { nextToken: 'page-2' } : {}) },
        });
      }),
    );
    const { user } = await renderInbox(`/conversations?where=${OPERATORS.sentiment}:is:NEUTRAL`);
    const notice = (loaded: number) =>
      screen.findByText(
        (_, element) =>
          element?.tagName === 'P' &&
          new RegExp(
            `^1 of the ${loaded} loaded conversations where Customer sentiment is NEUTRAL\\. Only the conversations loaded so far are filtered\\.$`,
          ).test(element.textContent ?? ''),
        {},
        { timeout: 5000 },
      );
    expect(await notice(3)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: seedConversation.name! })).toBeInTheDocument();
    // Filtered by a result, the rows shown are few: the next page waits for the reader.
    expect(asked).toEqual([null]);
    await user.click(screen.getByRole('button', { name: 'Load more conversations' }));
    expect(await notice(4)).toBeInTheDocument();
    expect(asked).toEqual([null, 'page-2']);
  });

  it('keeps at most three result columns', async () => {
    await renderInbox(
      `/conversations?show=${OPERATORS.sentiment}&show=${OPERATORS.qa}&show=${OPERATORS.csat}&show=${OPERATORS.summary}`,
    );
    expect(await screen.findByText(/At most 3 result columns are shown/)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'What the AI concluded' })).toBeDisabled();
  });
});
