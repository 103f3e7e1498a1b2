import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OperatorResult } from '../../api/operator-result';
import { resultRowId } from '../../features/operator-results/results-panel';
import { aiHandoff, longChat, whatsappOrder } from '../../mocks/fixtures/conversations';
import { operatorResults } from '../../mocks/fixtures/operator-results';
import { restoreClipboardAfterEach, stubClipboard } from '../../../tests/dom-stubs';
import { renderApp } from '../../../tests/render-app';

function fixture(id: string): OperatorResult {
  const found = operatorResults.find((result) => result.id === id);
  if (!found) throw new Error(`No operator result fixture ${id}`);
  return found;
}

const [summaryId, sentimentId, , qaId] = aiHandoff.operatorResultIds as [string, string, string, string];
const longSummaryId = longChat.operatorResultIds[0]!;
const refusedId = whatsappOrder.operatorResultIds[2]!;

/** Opens a result page and waits for the result to be shown. */
async function openResult(id: string) {
  const app = renderApp(`/operator-results/${id}`);
  const heading = await screen.findByRole('heading', { level: 2, name: 'Result' });
  return { ...app, body: heading.closest('section') as HTMLElement };
}

describe('operator result page: operator and evidence link', () => {
  beforeEach(() => {
    Element.prototype.scrollIntoView = vi.fn();
    vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  });
  afterEach(() => {
    Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
  });

  it('shows the operator’s display name above the h1', async () => {
    await openResult(qaId);
    const h1 = screen.getByRole('heading', { level: 1, name: 'Operator result' });
    const name = await screen.findByText('Agent script adherence');
    expect(name.closest('header')).toBe(h1.closest('header'));
    expect(name.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('links to its evidence in the conversation, and the link lands with its row selected', async () => {
    const { router, user } = await openResult(sentimentId);
    const link = screen.getByRole('link', { name: 'Show its evidence in the conversation' });
    expect(link).toHaveAttribute('href', `/conversations/${aiHandoff.id}?result=${sentimentId}`);

    await user.click(link);
    await screen.findByRole('heading', { level: 1, name: aiHandoff.name! }, { timeout: 5000 });
    expect(router.state.location.pathname).toBe(`/conversations/${aiHandoff.id}`);
    expect(router.state.location.search).toBe(`?result=${sentimentId}`);
    const row = await waitFor(() => {
      const button = document.getElementById(resultRowId(sentimentId));
      expect(button).not.toBeNull();
      return button!;
    });
    expect(row).toHaveAttribute('aria-pressed', 'true');
    const cited = fixture(sentimentId).referenceIds[0]!;
    await waitFor(() => expect(document.getElementById(cited)).toHaveAttribute('data-evidence', 'reference'));
    expect(document.getElementById(aiHandoff.communications[0]!.id)).not.toHaveAttribute('data-evidence');
  });
});

describe('operator result page: input and context', () => {
  it('notes that the long chat summary saw a truncated input', async () => {
    await openResult(longSummaryId);
    expect(fixture(longSummaryId).metadata?.system?.inputTruncated).toBe(true);
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent(
      'Input truncated: the conversation was too long for the model, so this result did not see all of it.',
    );
  });

  it('has no truncation note when the input was complete', async () => {
    await openResult(summaryId);
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    expect(screen.queryByText(/Input truncated:/)).not.toBeInTheDocument();
  });

  it('shows the context the QA result was given: memory profile and knowledge source', async () => {
    await openResult(qaId);
    const section = screen.getByRole('heading', { level: 2, name: 'Context it was given' }).closest('section') as HTMLElement;
    const memory = within(section).getByText('Memory profile').nextElementSibling as HTMLElement;
    expect(within(memory).getByText('mem_profile_01k6fbz0v4f4e9qtk8p8z7y3w1')).toBeInTheDocument();
    expect(within(memory).getByText('mem_store_01k6fbyq2m3n4p5q6r7s8t9v0w')).toBeInTheDocument();
    const knowledge = within(section).getByText('Knowledge sources').nextElementSibling as HTMLElement;
    const sources = within(knowledge).getAllByRole('listitem');
    expect(sources).toHaveLength(1);
    expect(within(sources[0]!).getByText('know_knowledge_01k6fc0b2c3d4e5f6g7h8j9k0m')).toBeInTheDocument();
    expect(within(sources[0]!).getByText('know_knowledgebase_01k6fc0a1b2c3d4e5f6g7h8j9k')).toBeInTheDocument();
  });

  it('has no context section for a result without a resolved context', async () => {
    await openResult(summaryId);
    expect(screen.queryByRole('heading', { name: 'Context it was given' })).not.toBeInTheDocument();
  });
});

describe('operator result page: copying from the JSON tree', () => {
  restoreClipboardAfterEach();

  async function openTree() {
    const app = await openResult(qaId);
    const tree = within(app.body).getByRole('list', { name: 'Result as a tree' });
    const status = tree.parentElement!.querySelector(':scope > [role="status"]') as HTMLElement;
    expect(status).not.toBeNull();
    return { ...app, tree, status };
  }

  it('copies a nested value and its path, and says what it copied', async () => {
    const { user, tree, status } = await openTree();
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    stubClipboard(writeText);
    expect(status).toHaveTextContent('');

    await user.click(within(tree).getByRole('button', { name: 'Copy value of $.checklist.closingScript' }));
    expect(writeText).toHaveBeenLastCalledWith('false');
    await waitFor(() => expect(status).toHaveTextContent(/^Copied the value of \$\.checklist\.closingScript$/));

    await user.click(within(tree).getByRole('button', { name: 'Copy path $.handoff.to' }));
    expect(writeText).toHaveBeenLastCalledWith('$.handoff.to');
    await waitFor(() => expect(status).toHaveTextContent('Copied the path of $.handoff.to'));

    await user.click(within(tree).getByRole('button', { name: 'Copy value of $.handoff.to' }));
    expect(writeText).toHaveBeenLastCalledWith('HUMAN_AGENT');

    await user.click(within(tree).getByRole('button', { name: 'Copy value of $.checklist' }));
    expect(writeText).toHaveBeenLastCalledWith(
      JSON.stringify({ greeting: true, verification: true, nextSteps: true, closingScript: false }, null, 2),
    );
    await waitFor(() => expect(status).toHaveTextContent(/^Copied the value of \$\.checklist$/));
    expect(writeText).toHaveBeenCalledTimes(4);
  });

  it('says so when the browser blocks the clipboard', async () => {
    const { user, tree, status } = await openTree();
    stubClipboard(
      vi.fn<(text: string) => Promise<void>>().mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError')),
    );
    await user.click(within(tree).getByRole('button', { name: 'Copy value of $.score' }));
    await waitFor(() => expect(status).toHaveTextContent('Copy failed: the browser blocked the clipboard'));
  });
});

describe('operator result page: refusal', () => {
  it('shows the WhatsApp compliance review as a refusal', async () => {
    const { body } = await openResult(refusedId);
    expect(within(body).getByText('The model refused to produce this result')).toBeInTheDocument();
    expect(within(body).getByText(fixture(refusedId).refusal as string)).toBeInTheDocument();
    expect(within(body).queryByRole('list', { name: 'Result as a tree' })).not.toBeInTheDocument();
    expect(await screen.findByText('Compliance review')).toBeInTheDocument();
  });
});
