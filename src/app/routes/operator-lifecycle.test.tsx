import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../../api/conversation';
import { resultRowId } from '../../features/operator-results/results-panel';
import { seedConversation, smsThread, whatsappOrder } from '../../mocks/fixtures/conversations';
import { OPERATORS, operatorResults } from '../../mocks/fixtures/operator-results';
import { operatorVersions } from '../../mocks/fixtures/operator-versions';
import { stubScrolling } from '../../../tests/dom-stubs';
import { renderApp } from '../../../tests/render-app';

/**
 * The "dom" project runs in UTC; this file runs in New York, set before any module is loaded (the
 * app builds its formatters once), so that a retirement at midnight UTC falls on the day before in
 * the reader's own zone and on the day itself with ?tz=utc.
 */
const zone = vi.hoisted(() => {
  const previous = process.env.TZ;
  process.env.TZ = 'America/New_York';
  return { previous };
});
afterAll(() => {
  process.env.TZ = zone.previous;
});

stubScrolling();

const seedSentimentId = seedConversation.operatorResultIds[1]!;
const complianceId = whatsappOrder.operatorResultIds[2]!;
const version = (id: string, number: number) => operatorVersions.find((v) => v.id === id && v.version === number)!;

async function operatorSection(path: string) {
  const app = renderApp(path);
  const heading = await screen.findByRole('heading', { level: 2, name: 'Why the operator concluded this' });
  return { ...app, section: heading.closest('section') as HTMLElement };
}

describe('a deprecated or retired version is badged with its date, in the zone the page shows', () => {
  it.each([
    ['the reader\u2019s own zone', '', 'Deprecated · retires Mar 30, 2027'],
    ['UTC', '?tz=utc', 'Deprecated · retires Mar 31, 2027'],
  ])('deprecated, in %s', async (_zone, search, badge) => {
    expect(version(OPERATORS.sentiment, 2)).toMatchObject({ status: 'DEPRECATED', retirementDate: '2027-03-31T00:00:00Z' });
    const { section, user } = await operatorSection(`/operator-results/${seedSentimentId}${search}`);
    // Seen before the section is opened.
    const heading = within(section).getByRole('heading', { level: 2 }).parentElement!;
    await waitFor(() => expect(heading).toHaveTextContent(`Why the operator concluded this${badge}`));
    expect(heading.querySelector('time')).toHaveAttribute('datetime', '2027-03-31T00:00:00Z');

    await user.click(within(section).getByRole('button', { name: 'Show the operator' }));
    const status = (await within(section).findByText('Status', { selector: 'dt' })).nextElementSibling!;
    expect(status).toHaveTextContent(/^Deprecated/);
    expect(status).toHaveTextContent(
      search ? 'retirement date Mar 31, 2027, 12:00:00 AM UTC' : 'retirement date Mar 30, 2027, 8:00:00 PM EDT',
    );
  });

  it.each([
    ['the reader\u2019s own zone', '', 'Retired on Sep 29, 2026'],
    ['UTC', '?tz=utc', 'Retired on Sep 30, 2026'],
  ])('retired, in %s', async (_zone, search, badge) => {
    expect(version(OPERATORS.compliance, 1)).toMatchObject({ status: 'RETIRED', dateRetired: '2026-09-30T00:00:00Z' });
    const { section } = await operatorSection(`/operator-results/${complianceId}${search}`);
    const heading = within(section).getByRole('heading', { level: 2 }).parentElement!;
    await waitFor(() => expect(heading).toHaveTextContent(`Why the operator concluded this${badge}`));
  });

  it('has no badge for an active version', async () => {
    const summaryId = smsThread.operatorResultIds[0]!;
    const { section, user } = await operatorSection(`/operator-results/${summaryId}#operator`);
    const status = (await within(section).findByText('Status', { selector: 'dt' })).nextElementSibling!;
    expect(status).toHaveTextContent(/^Active/);
    await user.click(within(section).getByRole('button', { name: 'Hide the operator' }));
    expect(section).not.toHaveTextContent(/Deprecated|Retired|Preview/);
  });
});

/** The panel's line about the selected result's operator. */
const operatorLine = (item: HTMLElement) =>
  within(item).findByText((_text, element) => element?.tagName === 'P' && /^Operator:/.test(element.textContent ?? ''));

async function selectedRow(conversation: Conversation, resultId: string, search = '') {
  const app = renderApp(`/conversations/${conversation.id}?result=${resultId}${search}`);
  await screen.findByRole('heading', { level: 1, name: conversation.name! });
  const item = await waitFor(() => {
    const button = document.getElementById(resultRowId(resultId));
    expect(button).toHaveAttribute('aria-pressed', 'true');
    return button!.closest('li')!;
  });
  return { ...app, item };
}

describe('the selected result in the results panel names its operator version', () => {
  it.each([
    ['the reader\u2019s own zone', '', 'Mar 30, 2027', `/operator-results/${seedSentimentId}#operator`],
    ['UTC', '&tz=utc', 'Mar 31, 2027', `/operator-results/${seedSentimentId}?tz=utc#operator`],
  ])('with its lifecycle, in %s, and a link to the operator view', async (_zone, search, day, href) => {
    const { item, user, router } = await selectedRow(seedConversation, seedSentimentId, search);
    const line = await operatorLine(item);
    await waitFor(() =>
      expect(line).toHaveTextContent(`Operator: Customer sentiment v2 (Deprecated, retires ${day}) · Operator view`),
    );
    const link = within(line).getByRole('link', { name: 'Operator view: Customer sentiment v2' });
    expect(link).toHaveAttribute('href', href);

    await user.click(link);
    const section = (await screen.findByRole('heading', { level: 2, name: 'Why the operator concluded this' })).closest(
      'section',
    )!;
    expect(within(section).getByRole('button', { name: 'Hide the operator' })).toHaveAttribute('aria-expanded', 'true');
    expect(await within(section).findByRole('heading', { name: 'Prompt' })).toBeInTheDocument();
    expect(router.state.location.hash).toBe('#operator');
  });

  it('only for the selected row', async () => {
    const { item } = await selectedRow(seedConversation, seedSentimentId);
    await operatorLine(item);
    const other = document.getElementById(resultRowId(seedConversation.operatorResultIds[0]!))!.closest('li')!;
    expect(within(other).queryByText(/^Operator:/)).not.toBeInTheDocument();
  });

  it('says when the version cannot be read', async () => {
    const intentId = smsThread.operatorResultIds[1]!;
    expect(operatorResults.find((r) => r.id === intentId)?.operator.id).toBe(OPERATORS.intent);
    const { item } = await selectedRow(smsThread, intentId);
    const line = await operatorLine(item);
    await waitFor(() => expect(line).toHaveTextContent(/^Operator: .+ v1 \(its version could not be read\) · Operator view$/));
  });
});
