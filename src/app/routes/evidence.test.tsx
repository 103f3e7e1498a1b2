import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { OperatorResult } from '../../api/operator-result';
import { resultRowId } from '../../features/operator-results/results-panel';
import { aiHandoff, whatsappOrder } from '../../mocks/fixtures/conversations';
import { operatorResults } from '../../mocks/fixtures/operator-results';
import { server } from '../../../tests/bff-in-process';
import { stubScrolling } from '../../../tests/dom-stubs';
import { renderApp } from '../../../tests/render-app';
import { resultsListAs } from '../../../tests/results-list';

const RESULT_API = '/api/v3/OperatorResults/:id';
const conversationPath = `/conversations/${aiHandoff.id}`;
const messageIds = aiHandoff.communications.map((communication) => communication.id);

function fixture(id: string): OperatorResult {
  const found = operatorResults.find((result) => result.id === id);
  if (!found) throw new Error(`No operator result fixture ${id}`);
  return found;
}

const [summaryId, sentimentId, entitiesId, qaId] = aiHandoff.operatorResultIds as [string, string, string, string];
const operatorNames: Record<string, string> = {
  [summaryId]: 'Conversation summary',
  [sentimentId]: 'Customer sentiment',
  [entitiesId]: 'Entity extraction',
  [qaId]: 'Agent script adherence',
};

/** What each message of aiHandoff should be marked with for `result`, from the fixture itself. */
function expectedMarks(result: OperatorResult): Array<'range' | 'reference' | null> {
  const first = messageIds.indexOf(result.executionDetails!.communications!.first!);
  const last = messageIds.indexOf(result.executionDetails!.communications!.last!);
  return messageIds.map((id, i) => {
    if (result.referenceIds.includes(id)) return 'reference';
    if (i >= first && i <= last) return 'range';
    return null;
  });
}

function message(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`No message ${id} on the page`);
  return element;
}

const marksOnPage = () => messageIds.map((id) => message(id).getAttribute('data-evidence'));

async function openConversation(path = conversationPath) {
  const app = renderApp(path);
  await screen.findByRole('heading', { level: 1, name: aiHandoff.name! });
  const panel = screen.getByRole('region', { name: /^Operator results/ });
  const log = screen.getByRole('log', { name: 'Transcript' });
  return { ...app, panel, log };
}

/** The row button of a result, once it is loaded and named. */
async function rowButton(id: string): Promise<HTMLElement> {
  return waitFor(() => {
    const button = document.getElementById(resultRowId(id));
    expect(button).not.toBeNull();
    expect(button).toHaveTextContent(operatorNames[id]!);
    return button!;
  });
}

/** The elements scrollIntoView was called on, in order. */
const { scrolledTo, scrollIntoView } = stubScrolling();

describe('evidence: selecting a result', () => {
  it('selects a row with a click, puts ?result= in the URL, and clears it with a second click', async () => {
    const { router, user } = await openConversation();
    const button = await rowButton(sentimentId);
    expect(button).toHaveAttribute('aria-pressed', 'false');

    // The URL is the state: the click navigates, and the row follows the URL.
    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'true'));
    expect(router.state.location.pathname).toBe(conversationPath);
    expect(router.state.location.search).toBe(`?result=${sentimentId}`);
    for (const other of [summaryId, entitiesId, qaId]) {
      expect(document.getElementById(resultRowId(other))).toHaveAttribute('aria-pressed', 'false');
    }

    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'false'));
    expect(router.state.location.search).toBe('');
    expect(marksOnPage().every((mark) => mark === null)).toBe(true);
    expect(screen.queryByRole('button', { name: /^(Evidence for|Cited by) / })).not.toBeInTheDocument();
  });

  it('moves the selection from one row to another', async () => {
    const { router, user } = await openConversation();
    await user.click(await rowButton(sentimentId));
    await user.click(await rowButton(qaId));
    await waitFor(() => expect(document.getElementById(resultRowId(qaId))).toHaveAttribute('aria-pressed', 'true'));
    expect(document.getElementById(resultRowId(sentimentId))).toHaveAttribute('aria-pressed', 'false');
    expect(router.state.location.search).toBe(`?result=${qaId}`);
    await waitFor(() => expect(marksOnPage()).toEqual(expectedMarks(fixture(qaId))));
  });

  it.each([
    ['the sentiment (covers 5–10, cites one)', sentimentId],
    ['the QA result (a citation inside the range wins)', qaId],
    ['the summary (covers everything)', summaryId],
  ])('marks the covered and cited messages of %s', async (_, id) => {
    const { user } = await openConversation();
    const result = fixture(id);
    const expected = expectedMarks(result);
    expect(expected).toContain('reference');
    await user.click(await rowButton(id));
    await waitFor(() => expect(marksOnPage()).toEqual(expected));

    const name = operatorNames[id]!;
    messageIds.forEach((messageId, i) => {
      const markers = within(message(messageId)).queryAllByRole('button', { name: /^(Evidence for|Cited by) / });
      if (expected[i] === null) expect(markers).toHaveLength(0);
      else {
        expect(markers).toHaveLength(1);
        expect(markers[0]).toHaveAccessibleName(`${expected[i] === 'reference' ? 'Cited by' : 'Evidence for'} ${name}`);
      }
    });

    // The earliest cited message is brought into view (each of these results cites one).
    const firstIndex = expected.indexOf('reference');
    await waitFor(() => expect(scrolledTo()).toContain(message(messageIds[firstIndex]!)));
    expect(scrollIntoView()).toHaveBeenCalledWith({ block: 'center' });
  });

  it('marks nothing but the first four messages for the sentiment, which starts at the fifth', async () => {
    const { user } = await openConversation();
    await user.click(await rowButton(sentimentId));
    await waitFor(() => expect(message(messageIds[4]!)).toHaveAttribute('data-evidence', 'range'));
    for (const id of messageIds.slice(0, 4)) expect(message(id)).not.toHaveAttribute('data-evidence');
    expect(message(messageIds[8]!)).toHaveAttribute('data-evidence', 'reference');
    expect(fixture(sentimentId).referenceIds).toEqual([messageIds[8]]);
  });

  it('focuses the result’s row when a marker on a message is clicked', async () => {
    const { user } = await openConversation();
    const row = await rowButton(sentimentId);
    await user.click(row);
    const cited = await within(message(messageIds[8]!)).findByRole('button', { name: 'Cited by Customer sentiment' });
    cited.focus();
    expect(document.activeElement).toBe(cited);
    scrollIntoView().mockClear();

    await user.click(cited);
    await waitFor(() => expect(document.activeElement?.id).toBe(resultRowId(sentimentId)));
    expect(document.activeElement).toBe(row);
    expect(scrolledTo()).toContain(row);
    expect(row).toHaveAttribute('aria-pressed', 'true');

    // A range marker leads to the same row.
    const range = within(message(messageIds[6]!)).getByRole('button', { name: 'Evidence for Customer sentiment' });
    range.focus();
    await user.click(range);
    await waitFor(() => expect(document.activeElement).toBe(row));
  });

  it('does not scroll the transcript away from the marker that was clicked', async () => {
    const { user } = await openConversation();
    const row = await rowButton(sentimentId);
    await user.click(row);
    const cited = await within(message(messageIds[8]!)).findByRole('button', { name: 'Cited by Customer sentiment' });
    await waitFor(() => expect(scrolledTo()).toContain(message(messageIds[8]!)));
    scrollIntoView().mockClear();

    await user.click(cited);
    await waitFor(() => expect(document.activeElement).toBe(row));
    // Only the row in the panel is scrolled to; the transcript stays where the reader is.
    expect(scrolledTo().filter((element) => messageIds.includes(element.id))).toEqual([]);
  });
});

describe('evidence: extracted entities', () => {
  it('marks the entity texts in the messages with their labels, and only for an EXTRACTION result', async () => {
    const { user, log } = await openConversation();
    await user.click(await rowButton(entitiesId));
    await waitFor(() => expect(log.querySelectorAll('mark').length).toBeGreaterThan(0));

    const marks = [...log.querySelectorAll('mark')];
    const found = marks.map((mark) => [mark.firstChild?.textContent, mark.getAttribute('title')]);
    expect(found).toEqual([
      ['$149.00', 'AMOUNT'],
      ['May 12', 'DATE'],
      ['CS-20931', 'CASE_NUMBER'],
      ['CS-20931', 'CASE_NUMBER'],
      ['$149.00', 'AMOUNT'],
      ['priya.n@example.com', 'EMAIL'],
    ]);
    const entities = (fixture(entitiesId).result as { entities: Array<{ text: string; label: string }> }).entities;
    for (const entity of entities) {
      expect(found).toContainEqual([entity.text, entity.label]);
    }
    // Screen readers hear the label after the text.
    for (const mark of marks) {
      expect(within(mark).getByText(`(${mark.getAttribute('title')})`)).toHaveClass('sr-only');
    }
    expect(marks[0]!.closest('li')).toBe(message(messageIds[2]!));
    expect(marks[5]!.closest('li')).toBe(message(messageIds[7]!));

    // A TEXT result marks no terms.
    await user.click(await rowButton(summaryId));
    await waitFor(() => expect(log.querySelectorAll('mark')).toHaveLength(0));
    expect(marksOnPage()).toEqual(expectedMarks(fixture(summaryId)));
  });

  it('matches entity texts case-insensitively and keeps the message’s own casing', async () => {
    const shouted = { ...fixture(entitiesId), result: { entities: [{ text: 'MARCUS', label: 'PERSON' }] } };
    server.use(
      http.get(RESULT_API, ({ params }) => (params.id === entitiesId ? HttpResponse.json(shouted) : undefined)),
      resultsListAs((result) => (result.id === entitiesId ? shouted : result)),
    );
    const { user, log } = await openConversation();
    await user.click(await rowButton(entitiesId));
    await waitFor(() => expect(log.querySelectorAll('mark')).toHaveLength(2));
    for (const mark of log.querySelectorAll('mark')) {
      expect(mark.firstChild?.textContent).toBe('Marcus');
      expect(mark).toHaveAttribute('title', 'PERSON');
    }
  });
});

describe('evidence: ?result= links', () => {
  it('lands in the selected state when opened directly', async () => {
    const { router } = await openConversation(`${conversationPath}?result=${qaId}`);
    const button = await rowButton(qaId);
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(router.state.location.search).toBe(`?result=${qaId}`);
    const expected = expectedMarks(fixture(qaId));
    await waitFor(() => expect(marksOnPage()).toEqual(expected));
    await waitFor(() => expect(scrolledTo()).toContain(message(messageIds[expected.indexOf('reference')]!)));
    expect(within(message(messageIds[9]!)).getByRole('button', { name: 'Cited by Agent script adherence' })).toBeInTheDocument();
    expect(screen.queryByText(/which this conversation does not list/)).not.toBeInTheDocument();
  });

  it('says so when ?result= names a result the conversation does not list, and highlights nothing', async () => {
    const foreign = whatsappOrder.operatorResultIds[0]!;
    const requested: string[] = [];
    const listener = ({ request }: { request: Request }) => {
      requested.push(new URL(request.url).pathname);
    };
    server.events.on('request:start', listener);
    try {
      const { panel, log } = await openConversation(`${conversationPath}?result=${foreign}`);
      const note = await within(panel).findByRole('status');
      expect(note).toHaveTextContent(`The link selects result ${foreign}, which this conversation does not list.`);
      await rowButton(summaryId);
      await rowButton(qaId);
      expect(within(panel).queryAllByRole('button', { pressed: true })).toHaveLength(0);
      expect(log.querySelectorAll('[data-evidence]')).toHaveLength(0);
      expect(log.querySelectorAll('mark')).toHaveLength(0);
      expect(scrolledTo().filter((element) => messageIds.includes(element.id))).toEqual([]);
      // It is not even fetched.
      expect(requested).not.toContain(`/api/v3/OperatorResults/${foreign}`);
    } finally {
      server.events.removeListener('request:start', listener);
    }
  });

  it.each([
    ['an uppercase character', `intelligence_operatorresult_01K6FC25S7EPM9QTK8RSZBV3Q5`],
    ['a conversation ID', aiHandoff.id],
    ['plain text', 'summary'],
    ['a listed ID with extra characters', `${sentimentId}x`],
  ])('ignores a malformed ?result= value (%s)', async (_, value) => {
    const { panel, log, router } = await openConversation(`${conversationPath}?result=${encodeURIComponent(value)}`);
    await rowButton(sentimentId);
    await rowButton(qaId);
    expect(router.state.location.search).toBe(`?result=${encodeURIComponent(value)}`);
    expect(within(panel).queryByRole('status')).not.toBeInTheDocument();
    expect(within(panel).queryAllByRole('button', { pressed: true })).toHaveLength(0);
    expect(log.querySelectorAll('[data-evidence]')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /^(Evidence for|Cited by) / })).not.toBeInTheDocument();
  });
});
