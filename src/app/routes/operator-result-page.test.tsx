import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { OperatorResult } from '../../api/operator-result';
import { longChat, seedConversation, whatsappOrder } from '../../mocks/fixtures/conversations';
import { missingOperatorResultId, OPERATORS, operatorResults } from '../../mocks/fixtures/operator-results';
import { server } from '../../../tests/bff-in-process';
import { renderApp } from '../../../tests/render-app';

const RESULT_API = '/api/v3/OperatorResults/:id';

function fixture(id: string): OperatorResult {
  const found = operatorResults.find((result) => result.id === id);
  if (!found) throw new Error(`No operator result fixture ${id}`);
  return found;
}

const seedSummary = fixture(seedConversation.operatorResultIds[0]!);
const seedSentiment = fixture(seedConversation.operatorResultIds[1]!);
const whatsappEntities = fixture(whatsappOrder.operatorResultIds[0]!);
const whatsappResolution = fixture(whatsappOrder.operatorResultIds[1]!);
const longSummary = fixture(longChat.operatorResultIds[0]!);

/** Opens a result page and waits for the result to be shown; returns its "Result" section. */
async function openResult(id: string) {
  const app = renderApp(`/operator-results/${id}`);
  const heading = await screen.findByRole('heading', { level: 2, name: 'Result' });
  return { ...app, body: heading.closest('section') as HTMLElement };
}

/** Serves `result` for any operator result ID, as the BFF would pass it through. */
function serveResult(result: Record<string, unknown>) {
  server.use(http.get(RESULT_API, () => HttpResponse.json(result)));
}

function provenance() {
  return screen.getByRole('heading', { level: 2, name: 'How it was produced' }).closest('section') as HTMLElement;
}

/** The value of a provenance row, found by its label. */
function provenanceRow(label: string): HTMLElement {
  const term = within(provenance()).getByText(label, { selector: 'dt' });
  return term.nextElementSibling as HTMLElement;
}

describe('operator result page: formats', () => {
  it('shows a TEXT result as text, line breaks kept', async () => {
    const { body } = await openResult(seedSummary.id);
    expect(screen.getByRole('heading', { level: 1, name: 'Operator result' })).toBeInTheDocument();
    expect(screen.getByText('Text')).toBeInTheDocument();
    const text = within(body).getByText(/^John called to track order #12345\./);
    expect(text.tagName).toBe('P');
    expect(text.textContent).toBe((seedSummary.result as { text: string }).text);
    expect(within(body).queryByRole('table')).not.toBeInTheDocument();
    expect(within(body).queryByRole('list', { name: 'Result as a tree' })).not.toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Text result \u00b7 Conversation Viewer'));
  });

  it('shows a CLASSIFICATION result as its label', async () => {
    const { body } = await openResult(seedSentiment.id);
    expect(screen.getByText('Classification')).toBeInTheDocument();
    expect(within(body).getByText('Label')).toBeInTheDocument();
    expect(within(body).getByText('NEUTRAL')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Classification result \u00b7 Conversation Viewer'));
  });

  it('shows an EXTRACTION result as a table of labels and texts, one row per entity', async () => {
    const { body } = await openResult(whatsappEntities.id);
    expect(screen.getByText('Extraction')).toBeInTheDocument();
    const table = within(body).getByRole('table', { name: 'Extracted entities' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Label', 'Text']);
    const rows = within(table).getAllByRole('row').slice(1);
    const entities = (whatsappEntities.result as { entities: Array<{ text: string; label: string }> }).entities;
    expect(rows).toHaveLength(entities.length);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual(entities.map((entity) => [entity.label, entity.text]));
    expect(rows[2]).toHaveTextContent('ADDRESS14 Harbour View, Cobh, P24 X892');
  });

  it('says so when an EXTRACTION found nothing', async () => {
    serveResult({ ...whatsappEntities, result: { entities: [] } });
    const { body } = await openResult(whatsappEntities.id);
    expect(within(body).getByText('No entities were extracted.')).toBeInTheDocument();
    expect(within(body).queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows a JSON result as a tree of <details> nodes with keys and values', async () => {
    const { body } = await openResult(whatsappResolution.id);
    expect(screen.getByText('JSON')).toBeInTheDocument();
    const tree = within(body).getByRole('list', { name: 'Result as a tree' });
    // result, customerEffort and customerEffort.drivers are objects or arrays: each is a <details>.
    const nodes = tree.querySelectorAll('details');
    expect(nodes).toHaveLength(3);
    for (const node of nodes) expect(node).toHaveAttribute('open');
    expect(within(tree).getAllByRole('group')).toHaveLength(3);
    expect(within(tree).getByText('{4 keys}')).toBeInTheDocument();
    expect(within(tree).getByText('{3 keys}')).toBeInTheDocument();
    expect(within(tree).getByText('[1 item]')).toBeInTheDocument();
    for (const key of ['resolved', 'resolution', 'followUpNeeded', 'customerEffort', 'score', 'scale', 'drivers', '[0]']) {
      expect(within(tree).getByText(key)).toBeInTheDocument();
    }
    expect(within(tree).getByText('"Redelivery booked for 3 April, 9:00\u201313:00"')).toBeInTheDocument();
    expect(within(tree).getByText('"had to repeat address"')).toBeInTheDocument();
    expect(within(tree).getByText('true')).toBeInTheDocument();
    expect(within(tree).getByText('false')).toBeInTheDocument();
    expect(within(tree).getByText('2')).toBeInTheDocument();
    expect(within(tree).getByText('5')).toBeInTheDocument();
  });
});

describe('operator result page: provenance and links', () => {
  it('says which operator, trigger and model produced the result', async () => {
    await openResult(seedSummary.id);
    expect(provenanceRow('Operator')).toHaveTextContent(`${OPERATORS.summary}version 3`);
    expect(provenanceRow('Trigger')).toHaveTextContent('When the conversation closed');
    expect(provenanceRow('Model')).toHaveTextContent('gpt-4.1-nano-2025-04-14');
    expect(provenanceRow('Latency')).toHaveTextContent(/^640 ms$/);
    expect(provenanceRow('Input truncated')).toHaveTextContent(/^No$/);
    expect(provenanceRow('Configuration')).toHaveTextContent(seedSummary.intelligenceConfiguration!.id!);
    expect(provenanceRow('Messages covered')).toHaveTextContent(
      `${seedConversation.communications[0]!.id} to ${seedConversation.communications[2]!.id}`,
    );
    expect(provenanceRow('Parameters')).toHaveTextContent('None');
  });

  it('warns that the long chat summary saw a truncated input', async () => {
    await openResult(longSummary.id);
    expect(provenanceRow('Input truncated')).toHaveTextContent('Yes: the operator did not see the whole conversation');
    expect(provenanceRow('Latency')).toHaveTextContent(/^4,210 ms$/);
    expect(provenanceRow('Trigger')).toHaveTextContent('When the conversation became inactive');
    expect(provenanceRow('Operator')).toHaveTextContent(`${OPERATORS.summary}version 3`);
  });

  it('shows parameters and says "Not provided" for missing metadata', async () => {
    serveResult({ ...whatsappResolution, metadata: null, executionDetails: null, intelligenceConfiguration: null });
    await openResult(whatsappResolution.id);
    expect(provenanceRow('Parameters')).toHaveTextContent('{"requireConfirmation":true}');
    for (const label of [
      'Configuration',
      'Trigger',
      'Messages covered',
      'Model',
      'Latency',
      'Characters in / out',
      'Input truncated',
    ]) {
      expect(provenanceRow(label)).toHaveTextContent('Not provided');
    }
  });

  it('links back to its conversation, and the link works', async () => {
    vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    const { router, user } = await openResult(seedSummary.id);
    const back = screen.getByRole('link', { name: /Back to the conversation/ });
    expect(back).toHaveAttribute('href', `/conversations/${seedConversation.id}`);
    expect(screen.getByRole('link', { name: seedConversation.id })).toHaveAttribute(
      'href',
      `/conversations/${seedConversation.id}`,
    );
    const references = screen.getByRole('heading', { name: 'What it refers to (1)' }).closest('section') as HTMLElement;
    // A message of the conversation, found in it, links to that message.
    expect(await within(references).findByRole('link', { name: 'Message 2' })).toHaveAttribute(
      'href',
      `/conversations/${seedConversation.id}#${seedConversation.communications[1]!.id}`,
    );

    await user.click(back);
    expect(await screen.findByRole('heading', { level: 1, name: 'Customer Support Call - Order #12345' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/conversations/${seedConversation.id}`);
  });
});

describe('operator result page: unusual results', () => {
  it('shows a top-level refusal as a refusal, not as an empty result', async () => {
    serveResult({ ...seedSummary, result: null, refusal: 'I cannot summarise a conversation that contains payment card data.' });
    const { body } = await openResult(seedSummary.id);
    expect(within(body).getByText('The model refused to produce this result')).toBeInTheDocument();
    expect(within(body).getByText('I cannot summarise a conversation that contains payment card data.')).toBeInTheDocument();
    expect(within(body).queryByRole('list', { name: 'Result as a tree' })).not.toBeInTheDocument();
    expect(within(body).queryByText(/content has another shape/)).not.toBeInTheDocument();
  });

  it('shows a refusal inside `result` as a refusal too', async () => {
    serveResult({ ...seedSentiment, result: { refusal: 'Not enough customer speech to classify.' } });
    const { body } = await openResult(seedSentiment.id);
    expect(within(body).getByText('The model refused to produce this result')).toBeInTheDocument();
    expect(within(body).getByText('Not enough customer speech to classify.')).toBeInTheDocument();
    expect(within(body).queryByText('Label')).not.toBeInTheDocument();
    expect(within(body).queryByRole('list', { name: 'Result as a tree' })).not.toBeInTheDocument();
  });

  it('shows a result of an unknown format as it is, and says the format is not known', async () => {
    serveResult({ ...seedSummary, outputFormat: 'AUDIO_TAGS', result: { tags: ['hold-music', 'crosstalk'] } });
    const { body } = await openResult(seedSummary.id);
    expect(screen.getByText('AUDIO_TAGS')).toBeInTheDocument();
    expect(
      within(body).getByText('This viewer does not know the output format \u201cAUDIO_TAGS\u201d. The result is shown as it is.'),
    ).toBeInTheDocument();
    const tree = within(body).getByRole('list', { name: 'Result as a tree' });
    expect(within(tree).getByText('tags')).toBeInTheDocument();
    expect(within(tree).getByText('"hold-music"')).toBeInTheDocument();
    expect(within(tree).getByText('"crosstalk"')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('AUDIO_TAGS result \u00b7 Conversation Viewer'));
  });

  it('still shows a TEXT result whose payload has another shape', async () => {
    serveResult({ ...seedSummary, result: { summary: 'Customer asked about order #12345.', confidence: 0.82 } });
    const { body } = await openResult(seedSummary.id);
    expect(
      within(body).getByText('This result says it is TEXT, but its content has another shape. It is shown as it is.'),
    ).toBeInTheDocument();
    const tree = within(body).getByRole('list', { name: 'Result as a tree' });
    expect(within(tree).getByText('summary')).toBeInTheDocument();
    expect(within(tree).getByText('"Customer asked about order #12345."')).toBeInTheDocument();
    expect(within(tree).getByText('0.82')).toBeInTheDocument();
  });

  it('still shows a TEXT result whose payload is a bare string', async () => {
    serveResult({ ...seedSummary, result: 'Just a string' });
    const { body } = await openResult(seedSummary.id);
    expect(within(body).getByText(/content has another shape/)).toBeInTheDocument();
    expect(within(body).getByText('"Just a string"')).toBeInTheDocument();
  });

  it('says there is no such result for the listed-but-missing ID, without a Retry', async () => {
    renderApp(`/operator-results/${missingOperatorResultId}`);
    const heading = await screen.findByRole('heading', { level: 2, name: 'No operator result with this ID in this account' });
    expect(heading.closest('[role="alert"]')).toHaveTextContent('Twilio has no operator result with this ID');
    expect(screen.getByRole('heading', { level: 1, name: 'Operator result' })).toBeInTheDocument();
    expect(screen.getByText(missingOperatorResultId)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open another conversation' })).toHaveAttribute('href', '/');
  });

  it('explains a malformed result ID in the URL without asking the API', async () => {
    const requests: string[] = [];
    const listener = ({ request }: { request: Request }) => {
      if (request.url.includes('/api/v3/')) requests.push(request.url);
    };
    server.events.on('request:start', listener);
    try {
      renderApp('/operator-results/intelligence_operatorresult_01K6fc25s7epm9qtk8rszbv3q5');
      expect(
        await screen.findByRole('heading', { level: 1, name: 'This link does not contain a valid operator result ID' }),
      ).toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 2, name: /Character 31 is "K"/ })).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Paste another ID' })).toHaveAttribute('href', '/');
      await waitFor(() => expect(document.title).toBe('Invalid operator result ID \u00b7 Conversation Viewer'));
      expect(requests).toEqual([]);
    } finally {
      server.events.removeListener('request:start', listener);
    }
  });

  it('explains a conversation ID given where a result ID belongs', async () => {
    renderApp(`/operator-results/${seedConversation.id}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This link does not contain a valid operator result ID' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', {
        level: 2,
        name: 'This is a conversation ID, not an operator result ID. An operator result ID starts with "intelligence_operatorresult_".',
      }),
    ).toBeInTheDocument();
  });
});
