import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { seedConversation, unusualData } from '../../mocks/fixtures/conversations';
import { server } from '../../../tests/bff-in-process';
import { renderApp } from '../../../tests/render-app';

const seedPath = `/conversations/${seedConversation.id}`;

describe('conversation page', () => {
  it('shows a skeleton, then the conversation with its participants, timeline and results', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get('/api/v3/Conversations/:id', async () => {
        await held;
        return HttpResponse.json(seedConversation);
      }),
    );
    renderApp(seedPath);
    expect(await screen.findByText('Loading conversation…')).toBeInTheDocument();
    release();
    expect(await screen.findByRole('heading', { level: 1, name: 'Customer Support Call - Order #12345' })).toBeInTheDocument();
    expect(document.title).toBe('Customer Support Call - Order #12345 \u00b7 Conversation Viewer');

    const participants = screen.getByRole('region', { name: /Participants/ });
    expect(within(participants).getByText('John Customer')).toBeInTheDocument();
    expect(within(participants).getByText('Sarah Agent')).toBeInTheDocument();
    expect(within(participants).getByText('2 messages')).toBeInTheDocument();

    const log = screen.getByRole('log', { name: 'Transcript' });
    const messages = within(log)
      .getAllByRole('listitem')
      .filter((item) => item.id.startsWith('conv_communication_'));
    expect(messages).toHaveLength(3);
    expect(messages[0]).toHaveTextContent('Thank you for calling customer support.');
    expect(messages[0]).toHaveTextContent('+0:15');

    const results = screen.getByRole('region', { name: /Operator results/ });
    expect(await within(results).findByRole('link', { name: 'Full result: Conversation summary' })).toBeInTheDocument();
    const links = within(results).getAllByRole('link', { name: /^Full result/ });
    expect(links.map((link) => link.getAttribute('href')).sort()).toEqual(
      seedConversation.operatorResultIds.map((id) => `/operator-results/${id}`).sort(),
    );
  });

  it('shows nullable and unknown data plainly instead of dropping it', async () => {
    renderApp(`/conversations/${unusualData.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Untitled conversation' })).toBeInTheDocument();
    const log = screen.getByRole('log', { name: 'Transcript' });
    expect(within(log).getByText('This message belongs to a participant that is not on the conversation.')).toBeInTheDocument();
    expect(within(log).getByText('Not on this conversation')).toBeInTheDocument();
    expect(within(log).getByText('No text in this communication')).toBeInTheDocument();
    expect(screen.getByText('VIDEO')).toBeInTheDocument();
  });

  it('says precisely what is wrong with a malformed ID and never calls the API', async () => {
    let calls = 0;
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/api/v3/')) calls++;
    });
    renderApp('/conversations/conv_conversation_01K1');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This link does not contain a valid conversation ID' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Character 21 is "K"/)).toBeInTheDocument();
    expect(calls).toBe(0);
    server.events.removeAllListeners();
  });

  it('explains a 404', async () => {
    renderApp('/conversations/conv_conversation_00000000000000000000000000');
    expect(await screen.findByRole('heading', { name: 'No conversation with this ID in this account' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('offers a retry when Twilio cannot be reached, and recovers', async () => {
    server.use(
      http.get('/api/v3/Conversations/:id', () =>
        HttpResponse.json({ code: 90502, message: 'Twilio could not be reached.', httpStatusCode: 502 }, { status: 502 }),
      ),
    );
    const { user } = renderApp(seedPath);
    expect(await screen.findByRole('heading', { name: 'Twilio could not be reached' })).toBeInTheDocument();
    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Customer Support Call - Order #12345' })).toBeInTheDocument();
  });
});
