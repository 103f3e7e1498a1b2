import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../api/conversation';
import { aiHandoff, whatsappOrder } from '../../mocks/fixtures/conversations';
import { operatorResults } from '../../mocks/fixtures/operator-results';
import { billingDispute } from '../../mocks/fixtures/repeated-runs';
import { server } from '../../../tests/bff-in-process';
import { renderApp } from '../../../tests/render-app';
import { resultsListAs } from '../../../tests/results-list';

const resultsOf = (conversation: Conversation) => operatorResults.filter((r) => r.conversationId === conversation.id);
const sum = (conversation: Conversation, field: 'inputCharacters' | 'outputCharacters') =>
  resultsOf(conversation).reduce((total, r) => total + (r.metadata?.system?.[field] ?? 0), 0);

/** The foot of the results panel, once every listed result has loaded. */
async function costLine(conversation: Conversation) {
  renderApp(`/conversations/${conversation.id}`);
  await screen.findByRole('heading', { level: 1, name: conversation.name! });
  const panel = screen.getByRole('region', { name: /^Operator results/ });
  return waitFor(() => {
    const line = within(panel).getByText('What the analysis cost:').parentElement!;
    expect(line).toHaveTextContent(/\d+ results? ·/);
    return line;
  });
}

describe('what a conversation\u2019s analysis cost, at the foot of the results panel', () => {
  it('adds up the repeated runs of a conversation: characters, latency, the slowest run', async () => {
    const line = await costLine(billingDispute);
    // 420 + 515 + 480 + 655 + 1,120 + 890 ms; the summary was the slowest.
    await waitFor(() =>
      expect(line).toHaveTextContent(
        `What the analysis cost: 6 results · ${sum(billingDispute, 'inputCharacters').toLocaleString()} characters in, ${sum(billingDispute, 'outputCharacters').toLocaleString()} out · 4.1 s in all, the slowest 1.1 s · no truncated input · no refusal`,
      ),
    );
    expect(sum(billingDispute, 'inputCharacters')).toBeGreaterThan(1000);
  });

  it('counts a refusal', async () => {
    const line = await costLine(whatsappOrder);
    await waitFor(() =>
      expect(line).toHaveTextContent(/^What the analysis cost: 3 results · .* · no truncated input · 1 refusal$/),
    );
  });

  it('counts only the results it has, and says which gave no figures', async () => {
    // Its fifth listed result is missing (a 404 in its row), and one result comes without metadata.
    const first = resultsOf(aiHandoff)[0]!.id;
    server.use(
      resultsListAs((result) => {
        if (result.id !== first) return result;
        const { metadata: _dropped, ...withoutMetadata } = result;
        return withoutMetadata;
      }),
    );
    const line = await costLine(aiHandoff);
    await waitFor(() =>
      expect(line).toHaveTextContent(/^What the analysis cost: 4 results · .* · figures missing for 1 result$/),
    );
    expect(resultsOf(aiHandoff)).toHaveLength(4);
  });

  it('is not shown while there are no results', async () => {
    server.use(http.get('/api/v3/OperatorResults', () => HttpResponse.json({ items: [], meta: { key: 'items', pageSize: 0 } })));
    const empty = { ...billingDispute, operatorResultIds: [] };
    server.use(http.get('/api/v3/Conversations/:id', () => HttpResponse.json(empty)));
    renderApp(`/conversations/${billingDispute.id}`);
    expect(await screen.findByText('No language operator has produced a result for this conversation.')).toBeInTheDocument();
    expect(screen.queryByText('What the analysis cost:')).not.toBeInTheDocument();
  });
});
