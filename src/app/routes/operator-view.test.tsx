import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { errorBody } from '../../api/error';
import type { OperatorResult } from '../../api/operator-result';
import { aiHandoff, seedConversation, smsThread, whatsappOrder } from '../../mocks/fixtures/conversations';
import { UNFAMILIAR } from '../../mocks/fixtures/drills';
import { OPERATORS, operatorResults } from '../../mocks/fixtures/operator-results';
import { operatorVersions } from '../../mocks/fixtures/operator-versions';
import { billingDispute } from '../../mocks/fixtures/repeated-runs';
import { stubScrolling } from '../../../tests/dom-stubs';
import { server } from '../../../tests/bff-in-process';
import { renderApp } from '../../../tests/render-app';

const VERSIONS_API = '/api/v3/ControlPlane/Operators/:id/Versions/:version';

function fixture(id: string): OperatorResult {
  const found = operatorResults.find((result) => result.id === id);
  if (!found) throw new Error(`No operator result fixture ${id}`);
  return found;
}

const qaId = aiHandoff.operatorResultIds[3]!;
const entitiesId = aiHandoff.operatorResultIds[2]!;
const seedSentimentId = seedConversation.operatorResultIds[1]!;
const refusedComplianceId = whatsappOrder.operatorResultIds[2]!;
const intentId = smsThread.operatorResultIds[1]!;
const billingSummaryId = billingDispute.operatorResultIds[4]!;

const { scrolledTo } = stubScrolling();

/** The API paths the page asks for while `run` runs. */
async function requestsDuring(run: () => Promise<void>): Promise<string[]> {
  const requested: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    requested.push(new URL(request.url).pathname);
  };
  server.events.on('request:start', listener);
  try {
    await run();
  } finally {
    server.events.removeListener('request:start', listener);
  }
  return requested;
}

/** Opens a result page and returns its operator section once the result is shown. */
async function openOperator(id: string, suffix = '') {
  const app = renderApp(`/operator-results/${id}${suffix}`);
  const heading = await screen.findByRole('heading', { level: 2, name: 'Why the operator concluded this' });
  return { ...app, section: heading.closest('section') as HTMLElement };
}

/** The section open, with the operator version (or what stands in for it) shown. */
async function openedOperator(id: string, suffix = '#operator') {
  const app = await openOperator(id, suffix);
  expect(within(app.section).getByRole('button', { name: 'Hide the operator' })).toHaveAttribute('aria-expanded', 'true');
  return app;
}

describe('the operator section on the result page', () => {
  it('is closed at first, opens with a button that puts #operator in the link, and closes again', async () => {
    const { section, user, router } = await openOperator(qaId, '?tz=utc');
    const show = within(section).getByRole('button', { name: 'Show the operator' });
    expect(show).toHaveAttribute('aria-expanded', 'false');
    expect(within(section).queryByRole('heading', { name: 'Prompt' })).not.toBeInTheDocument();

    await user.click(show);
    expect(await within(section).findByRole('heading', { level: 3, name: 'Prompt' })).toBeInTheDocument();
    expect(router.state.location.hash).toBe('#operator');
    expect(router.state.location.search).toBe('?tz=utc');
    // Opened by hand: the page does not jump.
    expect(scrolledTo()).not.toContain(section);

    await user.click(within(section).getByRole('button', { name: 'Hide the operator' }));
    await waitFor(() => expect(within(section).queryByRole('heading', { name: 'Prompt' })).not.toBeInTheDocument());
    expect(router.state.location.hash).toBe('');
  });

  it('opens by the #operator link, scrolled into view, with the rest of the page in place', async () => {
    const { section } = await openedOperator(qaId);
    await waitFor(() => expect(scrolledTo()).toContain(section));
    expect(screen.getByRole('heading', { level: 2, name: 'Result' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'How it was produced' })).toBeInTheDocument();
  });
});

describe('an operator the account wrote (author SELF)', () => {
  it('shows its name, description, author, output format and output schema', async () => {
    const { section } = await openedOperator(qaId);
    expect(await within(section).findByText('Agent script adherence')).toBeInTheDocument();
    expect(within(section).getByText('version 1')).toBeInTheDocument();
    expect(within(section).getByText('Scores the human agent against the support script.')).toBeInTheDocument();
    const definition = (label: string) => within(section).getByText(label, { selector: 'dt' }).nextElementSibling;
    expect(definition('Written by')).toHaveTextContent('This account');
    expect(definition('Output format')).toHaveTextContent('JSON');
    expect(definition('Status')).toHaveTextContent(/^Active/);
    expect(definition('Operator ID')).toHaveTextContent(OPERATORS.qa);
    const schema = within(section).getByRole('list', { name: 'Output schema as a tree' });
    expect(within(schema).getByText('schema')).toBeInTheDocument();
    expect(
      within(schema).getByRole('button', { name: 'Copy value of $.properties.checklist.properties.closingScript.type' }),
    ).toBeInTheDocument();
  });

  it('lists the parameters it takes, each with its type, default and description beside the value this run used', async () => {
    const { section } = await openedOperator(qaId);
    expect(fixture(qaId).operator.parameters).toEqual({ scale: 5 });
    const parameters = (await within(section).findByRole('heading', { name: 'Parameters' })).closest('section')!;
    const items = within(parameters).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const [scale, handoff] = items as [HTMLElement, HTMLElement];
    expect(scale).toHaveTextContent(/^scaleINTEGERrequiredThe top of the score scale\.This run5Default10$/);
    expect(handoff).toHaveTextContent(
      /^includeHandoffBOOLEANWhether to report a handoff and the wait\.This runtrue \(the default: the run set none\)Defaulttrue$/,
    );
  });

  it('shows its prompt with the placeholders filled in with this run\u2019s values and marked, or as written', async () => {
    const { section, user } = await openedOperator(qaId);
    const prompt = (await within(section).findByRole('heading', { name: 'Prompt' })).closest('section')!;
    const marks = () => [...prompt.querySelectorAll('mark')];
    expect(marks().map((mark) => [mark.dataset.placeholder, mark.firstChild?.textContent])).toEqual([
      ['scale', '5'],
      ['includeHandoff', 'true'],
    ]);
    expect(marks()[0]).toHaveAttribute('title', '{{parameters.scale}}, this run\u2019s value');
    expect(marks()[1]).toHaveAttribute('title', '{{parameters.includeHandoff}}, its default: the run set none');
    expect(prompt).toHaveTextContent(
      'Score the human agent from 0 to 5 (from {{parameters.scale}}, this run\u2019s value) against',
    );
    expect(prompt).not.toHaveTextContent(/0 to \{\{parameters\.scale\}\} against/);

    await user.click(within(prompt).getByRole('checkbox', { name: 'Show the placeholders' }));
    expect(marks().map((mark) => mark.textContent)).toEqual(['{{parameters.scale}}', '{{parameters.includeHandoff}}']);
    expect(prompt).toHaveTextContent('Score the human agent from 0 to {{parameters.scale}} against the support script');
  });

  it('fills a placeholder with the default where the run set none, and its own value where it did', async () => {
    const { section } = await openedOperator(billingSummaryId);
    expect(fixture(billingSummaryId).operator.parameters).toEqual({ maxSentences: 2 });
    const prompt = (await within(section).findByRole('heading', { name: 'Prompt' })).closest('section')!;
    const text = [...prompt.querySelectorAll('mark')].map((mark) => mark.firstChild?.textContent);
    expect(text).toEqual(['a support team lead', '2']);
  });

  it('shows its training examples', async () => {
    const { section } = await openedOperator(seedSentimentId);
    const examples = (await within(section).findByRole('heading', { name: 'Training examples' })).closest('section')!;
    const items = within(examples).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(
      'Example 1InputCustomer: This is the third time I am calling about this!Expected outputNEGATIVE',
    );
    expect(within(section).queryByText(/keeps its prompt and training examples private/)).not.toBeInTheDocument();
  });
});

describe('one of Twilio\u2019s own operators (author TWILIO)', () => {
  it('says Twilio keeps its prompt and examples private, and shows what it does give', async () => {
    const { section } = await openedOperator(entitiesId);
    expect(await within(section).findByText('Entity extraction')).toBeInTheDocument();
    expect(within(section).getByText('Written by', { selector: 'dt' }).nextElementSibling).toHaveTextContent('Twilio');
    expect(
      within(section).getByText(
        'Twilio wrote this operator and keeps its prompt and training examples private: Twilio does not return them, so they cannot be shown.',
      ),
    ).toBeInTheDocument();
    expect(within(section).queryByRole('heading', { name: 'Prompt' })).not.toBeInTheDocument();
    expect(within(section).queryByRole('heading', { name: 'Training examples' })).not.toBeInTheDocument();
    expect(within(section).getByRole('list', { name: 'Output schema as a tree' })).toBeInTheDocument();
    const parameters = within(section).getByRole('heading', { name: 'Parameters' }).closest('section')!;
    expect(parameters).toHaveTextContent(
      'labelsSTRINGThe kinds of entity to look for.This run"ORDER_NUMBER, AMOUNT, DATE, EMAIL, ADDRESS"',
    );
  });
});

describe('a version the operator section cannot show', () => {
  it('explains a version Twilio does not have, in the section, with the page in place', async () => {
    const { section } = await openedOperator(intentId);
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('Twilio has no version 1 of this operator');
    expect(within(alert).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 2, name: 'Result' })).toBeInTheDocument();
  });

  it('explains a failed lookup, and Retry asks again', async () => {
    server.use(
      http.get(VERSIONS_API, () => HttpResponse.json(errorBody(20500, 500, 'Internal Server Error', false), { status: 500 }), {
        once: true,
      }),
    );
    const { section, user } = await openedOperator(qaId);
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('Twilio could not be reached');
    expect(screen.getByRole('heading', { level: 2, name: 'How it was produced' })).toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(section).findByText('Agent script adherence')).toBeInTheDocument();
    expect(within(section).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('never asks for an operator named by something other than an operator ID, and says why', async () => {
    expect(fixture(UNFAMILIAR.unlistedResult).operator.id).toBe(UNFAMILIAR.operator);
    const requested = await requestsDuring(async () => {
      const { section } = await openedOperator(UNFAMILIAR.unlistedResult);
      expect(section).toHaveTextContent(
        'The operator version cannot be shown. This result names its operator by something other than an operator ID, so the viewer cannot look up its definition.',
      );
    });
    expect(requested.filter((path) => path.includes('/Versions/'))).toEqual([]);
  });

  it.each([
    ['no version', null, 'This result does not say which version of its operator produced it.'],
    ['version 0', 0, 'This result names version 0 of its operator, which is not a version number Twilio gives'],
  ])('never asks for %s, and says why', async (_label, version, reason) => {
    const result = { ...fixture(qaId), operator: { ...fixture(qaId).operator, version } };
    server.use(http.get('/api/v3/OperatorResults/:id', () => HttpResponse.json(result)));
    const requested = await requestsDuring(async () => {
      const { section } = await openedOperator(qaId);
      expect(section).toHaveTextContent(reason);
    });
    expect(requested.filter((path) => path.includes('/Versions/'))).toEqual([]);
  });

  it('asks for the version by the result\u2019s operator ID and version', async () => {
    const requested = await requestsDuring(async () => {
      const { section } = await openedOperator(refusedComplianceId);
      await within(section).findByText('Compliance review');
    });
    expect(requested).toContain(`/api/v3/ControlPlane/Operators/${OPERATORS.compliance}/Versions/1`);
    expect(operatorVersions.some((v) => v.id === OPERATORS.compliance && v.status === 'RETIRED')).toBe(true);
  });
});
