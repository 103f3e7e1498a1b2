import { screen, waitFor, within } from '@testing-library/react';
import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { errorBody } from '../../api/error';
import { server } from '../../../tests/bff-in-process';
import { renderApp } from '../../../tests/render-app';
import {
  asJson,
  configuration,
  conversationListItem,
  conversationWithResults,
  languageOperator,
  operatorResult,
  operatorVersion,
  page,
  PROPERTY_SEED,
} from '../../../tests/spec-bodies';

/** Each run renders the whole page in jsdom: a few hundred milliseconds. */
const RUNS = Number(process.env.FC_RUNS ?? 10);

/** The first run also loads the page's code. */
const WAIT = { timeout: 10_000 };

/** A list's generated first page; the page after it is empty, so nothing is shown twice. */
const firstPageOf =
  (body: unknown) =>
  ({ request }: { request: Request }) =>
    new URL(request.url).searchParams.has('pageToken')
      ? HttpResponse.json({ items: [], meta: { key: 'items', pageSize: 0 } })
      : HttpResponse.json(body as object);

const notFound = () => HttpResponse.json(errorBody(20404, 404, 'The requested resource was not found', true), { status: 404 });

/** Nothing on the page says that a panel, or the page, failed. */
function expectNoFailure() {
  expect(screen.queryByText(/could not be shown/)).not.toBeInTheDocument();
  expect(screen.queryByText(/unexpected shape|does not understand/)).not.toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
}

/** What was written to the console (spied on by tests/setup-fail-on-console.ts) since `from`. */
function consoleSince(from: number): string[] {
  const calls = [...vi.mocked(console.error).mock.calls, ...vi.mocked(console.warn).mock.calls];
  return calls.slice(from).map((args) => args.map(String).join(' '));
}

/**
 * Renders `path`, runs `check`, and leaves nothing behind for the next generated body. A console
 * error or warning fails the run itself, so that fast-check shrinks it to a readable counterexample.
 */
async function onPage(path: string, check: () => Promise<void>) {
  const before = consoleSince(0).length;
  const view = renderApp(path);
  try {
    await check();
    const written = consoleSince(before);
    if (written.length > 0) throw new Error(`The page wrote to the console:\n${written.join('\n')}`);
  } finally {
    view.unmount();
    view.queryClient.clear();
    server.resetHandlers();
  }
}

// Component-level: the page reads what the BFF relays (which src/server/spec-bodies.test.ts shows
// is every body the spec allows) and must show all of it without a page or panel error. Any
// console error (a React warning included) fails the test too (tests/setup-fail-on-console.ts).
describe('the page shows every answer the spec allows', () => {
  it('a conversation with its results, and operators named by anything', async () => {
    await fc.assert(
      fc.asyncProperty(
        conversationWithResults.map(asJson),
        languageOperator.map(asJson),
        async ({ conversation, results }, operator) => {
          server.use(
            http.get('/api/v3/Conversations/:id', () => HttpResponse.json(conversation)),
            http.get('/api/v3/OperatorResults', () =>
              HttpResponse.json({ items: results, meta: { key: 'items', pageSize: results.length } }),
            ),
            http.get('/api/v3/OperatorResults/:id', notFound),
            http.get('/api/v3/ControlPlane/Operators/:id', () => HttpResponse.json(operator)),
          );
          const named = [...new Set(conversation.operatorResultIds as string[])];
          const entries = named.length + results.filter((result) => !named.includes(result.id as string)).length;
          await onPage(`/conversations/${conversation.id as string}`, async () => {
            expect(await screen.findByRole('heading', { level: 1 }, WAIT)).toBeInTheDocument();
            const panel = await screen.findByRole('region', { name: `Operator results (${entries})` }, WAIT);
            await waitFor(() => expect(within(panel).queryByText(/^Loading result/)).not.toBeInTheDocument(), WAIT);
            expect(screen.getByRole('heading', { name: 'Transcript' })).toBeInTheDocument();
            expectNoFailure();
          });
        },
      ),
      { seed: PROPERTY_SEED, numRuns: RUNS },
    );
  }, 60_000);

  it('an operator result on its own page', async () => {
    await fc.assert(
      fc.asyncProperty(operatorResult().map(asJson), languageOperator.map(asJson), async (result, operator) => {
        server.use(
          http.get('/api/v3/OperatorResults/:id', () => HttpResponse.json(result)),
          http.get('/api/v3/Conversations/:id', notFound),
          http.get('/api/v3/ControlPlane/Operators/:id', () => HttpResponse.json(operator)),
        );
        await onPage(`/operator-results/${result.id as string}`, async () => {
          expect(await screen.findByRole('heading', { level: 1, name: 'Operator result' }, WAIT)).toBeInTheDocument();
          expect(screen.getByRole('heading', { name: 'Result' })).toBeInTheDocument();
          expect(screen.getByRole('heading', { name: 'How it was produced' })).toBeInTheDocument();
          await waitFor(() => expect(screen.queryByText(/^Reading the conversation/)).not.toBeInTheDocument(), WAIT);
          expectNoFailure();
        });
      }),
      { seed: PROPERTY_SEED, numRuns: RUNS },
    );
  }, 60_000);

  it('an operator result on its own page, with the operator version that produced it open', async () => {
    await fc.assert(
      fc.asyncProperty(operatorResult().map(asJson), operatorVersion.map(asJson), async (result, version) => {
        server.use(
          http.get('/api/v3/OperatorResults/:id', () => HttpResponse.json(result)),
          http.get('/api/v3/Conversations/:id', notFound),
          http.get('/api/v3/ControlPlane/Operators/:id', () => HttpResponse.json(version)),
          http.get('/api/v3/ControlPlane/Operators/:id/Versions/:version', () => HttpResponse.json(version)),
        );
        await onPage(`/operator-results/${result.id as string}#operator`, async () => {
          const heading = await screen.findByRole('heading', { level: 2, name: 'Why the operator concluded this' }, WAIT);
          const section = heading.closest('section')!;
          await waitFor(() => expect(section).toHaveTextContent(/Written by|The operator version cannot be shown/), WAIT);
          await waitFor(() => expect(screen.queryByText(/^Reading the conversation/)).not.toBeInTheDocument(), WAIT);
          expectNoFailure();
        });
      }),
      { seed: PROPERTY_SEED, numRuns: RUNS },
    );
  }, 60_000);

  it('the inbox: a page of conversations, with the operators and configurations its filters offer', async () => {
    await fc.assert(
      fc.asyncProperty(
        page(conversationListItem, 4).map(asJson),
        page(languageOperator).map(asJson),
        page(configuration, 2).map(asJson),
        async (conversations, operators, configurations) => {
          server.use(
            http.get('/api/v3/Conversations', firstPageOf(conversations)),
            http.get('/api/v3/ControlPlane/Operators', firstPageOf(operators)),
            http.get('/api/v3/ControlPlane/Configurations', firstPageOf(configurations)),
          );
          await onPage('/conversations', async () => {
            expect(await screen.findByRole('heading', { level: 1, name: 'Conversations' }, WAIT)).toBeInTheDocument();
            const rows = conversations.items.length;
            if (rows === 0) expect(await screen.findByText('No conversation matches these filters', {}, WAIT)).toBeVisible();
            else await waitFor(() => expect(document.querySelectorAll('[data-row-index]')).toHaveLength(rows), WAIT);
            const operatorPicker = screen.getByRole('combobox', { name: 'Operator ran' });
            await waitFor(
              () =>
                expect(within(operatorPicker).getAllByRole('option')).toHaveLength(
                  1 + new Set(operators.items.flatMap((operator) => (operator.id ? [operator.id] : []))).size,
                ),
              WAIT,
            );
            expectNoFailure();
          });
        },
      ),
      { seed: PROPERTY_SEED, numRuns: RUNS },
    );
  }, 60_000);
});
