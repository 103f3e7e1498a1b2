import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationReviewSchema } from '../../api/review-answers';
import { NOTE_TEXT_MAX } from '../../api/reviews';
import { aiHandoff } from '../../mocks/fixtures/conversations';
import { operatorResults } from '../../mocks/fixtures/operator-results';
import { freshId } from '../db/testing/review-fixtures';
import { reviewApp, type ReviewApp } from './testing/review-app';

const TEAM_TOKEN = 'a-shared-team-token-of-at-least-32-characters';
let api: ReviewApp;
let team: ReviewApp;
beforeAll(async () => {
  api = await reviewApp();
  team = await reviewApp({ accessToken: TEAM_TOKEN });
});
afterAll(async () => {
  await api.database.remove();
  await team.database.remove();
});

const anchor = () => {
  const id = freshId('communication');
  return { firstCommunicationId: id, lastCommunicationId: id, passage: null };
};

/** Whatever a refused write tried, the conversation still has no notes, verdicts or status. */
async function nothingStored(conversationId: string, on = api) {
  const state = conversationReviewSchema.parse(
    await (
      await on.send('GET', `/api/reviews/conversations/${conversationId}`, {
        headers: on === team ? { Authorization: `Bearer ${TEAM_TOKEN}` } : {},
      })
    ).json(),
  );
  expect(state).toMatchObject({ notes: [], verdicts: [], status: { version: 0 } });
}

describe('bad input gets 400 with a clear message, and stores nothing', () => {
  it.each([
    ['an unknown field', { anchor: anchor(), text: 'Hi.', colour: 'red' }, '(root): unknown field "colour"'],
    [
      'a note that is too long',
      { anchor: anchor(), text: 'x'.repeat(NOTE_TEXT_MAX + 1) },
      'text: The note is longer than 4,000 characters',
    ],
    ['an empty note', { anchor: anchor(), text: '  ' }, 'text: The note is empty'],
    [
      'a message ID that is not one',
      { anchor: { ...anchor(), lastCommunicationId: 'conv_communication_x' }, text: 'Hi.' },
      'anchor.lastCommunicationId: must be a communication ID',
    ],
    [
      'a passage across messages',
      {
        anchor: { ...anchor(), lastCommunicationId: freshId('communication'), passage: { start: 0, end: 2, quote: 'Hi' } },
        text: 'Hi.',
      },
      'a passage lies inside one message',
    ],
  ])('%s', async (_what, body, message) => {
    const conversationId = freshId('conversation');
    const response = await api.send('POST', `/api/reviews/conversations/${conversationId}/notes`, {
      as: api.person('Ana'),
      body,
    });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { code: number; message: string };
    expect(answer.code).toBe(91400);
    expect(answer.message).toContain(message);
    await nothingStored(conversationId);
  });

  it('a verdict or status outside its list, a correction while agreeing, a version that is not a whole number', async () => {
    const conversationId = aiHandoff.id;
    const result = operatorResults.find((r) => r.conversationId === conversationId)!;
    const ana = api.person('Ana');
    const path = `/api/reviews/conversations/${conversationId}/results/${result.id}/verdict`;
    for (const [body, message] of [
      [{ verdict: 'maybe', expectedVersion: 0 }, 'verdict: '],
      [{ verdict: 'agree', correction: 'NEUTRAL', expectedVersion: 0 }, 'a correction goes with "disagree" or "unsure"'],
      [{ verdict: 'agree', expectedVersion: 1.5 }, 'expectedVersion: must be a whole number'],
      [{ verdict: 'agree' }, 'expectedVersion: '],
    ] as const) {
      const response = await api.send('PUT', path, { as: ana, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { message: string }).message).toContain(message);
    }
    const status = await api.send('PUT', `/api/reviews/conversations/${conversationId}/status`, {
      as: ana,
      body: { status: 'done', expectedVersion: 0 },
    });
    expect(status.status).toBe(400);
    await nothingStored(conversationId);
  });

  it('IDs in the path by their pattern', async () => {
    const response = await api.send('POST', '/api/reviews/conversations/conv_conversation_01K1/notes', {
      as: api.person('Ana'),
      body: { anchor: anchor(), text: 'Hi.' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 90400,
      message: expect.stringContaining('lower-case letters and digits'),
    });
  });

  it('a body that is not JSON, by its type or its content', async () => {
    const conversationId = freshId('conversation');
    const path = `/api/reviews/conversations/${conversationId}/notes`;
    const typed = await api.send('POST', path, {
      as: api.person('Ana'),
      body: '{"text":',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(typed.status).toBe(415);
    expect(await typed.json()).toMatchObject({ code: 90415 });
    const broken = await api.send('POST', path, { as: api.person('Ana'), body: '{"text":' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ code: 91400, message: 'The body is not valid JSON.' });
    await nothingStored(conversationId);
  });

  it('a body over 16 KiB, before it is parsed, whether it says its length or not', async () => {
    const conversationId = freshId('conversation');
    const path = `/api/reviews/conversations/${conversationId}/notes`;
    const big = JSON.stringify({ anchor: anchor(), text: 'x'.repeat(17_000) });
    const declared = await api.send('POST', path, {
      as: api.person('Ana'),
      body: big,
      headers: { 'Content-Length': String(big.length) },
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: 90413 });
    const streamed = await api.app.request(path, {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json', ...api.person('Ana') },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    // 4,000 characters of four UTF-8 bytes each still fit.
    const widest = await api.send('POST', path, {
      as: api.person('Ana'),
      body: { anchor: anchor(), text: '𝄞'.repeat(NOTE_TEXT_MAX) },
    });
    expect(widest.status).toBe(201);
  });
});

describe('nobody let in', () => {
  it('a write from another site gets 403 and stores nothing', async () => {
    const conversationId = freshId('conversation');
    const response = await api.send('POST', `/api/reviews/conversations/${conversationId}/notes`, {
      as: api.person('Ana'),
      body: { anchor: anchor(), text: 'Hi.' },
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 90403 });
    await nothingStored(conversationId);
  });

  it("a viewer's write gets 403; without signing in, 401", async () => {
    const conversationId = freshId('conversation');
    const path = `/api/reviews/conversations/${conversationId}/status`;
    const body = { status: 'reviewed', expectedVersion: 0 };
    const viewer = await team.send('PUT', path, { body, headers: { Authorization: `Bearer ${TEAM_TOKEN}` } });
    expect(viewer.status).toBe(403);
    expect(await viewer.json()).toMatchObject({ code: 91403 });
    const stranger = await team.send('PUT', path, { body });
    expect(stranger.status).toBe(401);
    expect((await team.send('GET', `/api/reviews/conversations/${conversationId}`)).status).toBe(401);
    await nothingStored(conversationId, team);
  });

  it('on loopback, a write before the reviewer has given a name gets 403 asking for it', async () => {
    const conversationId = freshId('conversation');
    const response = await api.send('PUT', `/api/reviews/conversations/${conversationId}/status`, {
      body: { status: 'reviewed', expectedVersion: 0 },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 93403, message: expect.stringContaining('PUT /api/me') });
    await nothingStored(conversationId);
  });
});

describe('while the database is not there', () => {
  it('reads and writes answer 503 with the reason, and Retry-After while it opens', async () => {
    const opening = await reviewApp({ storage: { state: () => ({ state: 'opening' }) } });
    await opening.database.remove();
    const response = await opening.send('GET', `/api/reviews/conversations/${freshId('conversation')}`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toMatchObject({ code: 90503, message: expect.stringContaining('still opening') });
  });
});

describe('the logs', () => {
  it('never hold the text of a note or a verdict, whatever happens to it', async () => {
    const MARKER = 'zq-private-marker-7731';
    const ana = api.person('Ana');
    const conversationId = aiHandoff.id;
    const result = operatorResults.find((r) => r.conversationId === conversationId && r.outputFormat === 'CLASSIFICATION')!;
    const notes = `/api/reviews/conversations/${conversationId}/notes`;
    const created = await api.send('POST', notes, { as: ana, body: { anchor: anchor(), text: `Note ${MARKER}` } });
    const { id } = (await created.json()) as { id: string };
    await api.send('PATCH', `/api/reviews/notes/${id}`, { as: ana, body: { text: `Edit ${MARKER}`, expectedVersion: 1 } });
    await api.send('PATCH', `/api/reviews/notes/${id}`, { as: ana, body: { text: `Stale ${MARKER}`, expectedVersion: 1 } });
    await api.send('PATCH', `/api/reviews/notes/${id}`, {
      as: api.person('Bo'),
      body: { text: `Not yours ${MARKER}`, expectedVersion: 2 },
    });
    await api.send('POST', notes, { as: ana, body: { anchor: anchor(), text: `${MARKER}${'x'.repeat(NOTE_TEXT_MAX)}` } });
    await api.send('POST', notes, { as: ana, body: `{"text": "${MARKER}` });
    await api.send('PUT', `/api/reviews/conversations/${conversationId}/results/${result.id}/verdict`, {
      as: ana,
      body: { verdict: 'disagree', correction: `Label ${MARKER}`, note: `Why ${MARKER}`, expectedVersion: 0 },
    });
    await api.send('DELETE', `/api/reviews/notes/${id}?expectedVersion=2`, { as: ana });
    await api.send('GET', `/api/reviews/conversations/${conversationId}/history`, { as: ana });
    const lines = api.logs.map((entry) => JSON.stringify(entry));
    expect(lines.filter((line) => line.includes(`/api/reviews/notes/${id}`)).length).toBeGreaterThanOrEqual(4);
    expect(lines.filter((line) => line.includes(MARKER))).toEqual([]);
  });

  it('hold the code of a database error, not its message, which can quote what was written', async () => {
    const MARKER = 'zq-private-marker-9902';
    const failure = Object.assign(new Error(`new row violates check constraint: Failing row contains (${MARKER})`), {
      code: '23514',
    });
    const failing = {
      transaction: () => {
        throw failure;
      },
      selectFrom: () => {
        throw failure;
      },
    };
    const broken = await reviewApp({
      storage: { state: () => ({ state: 'ready', database: { db: failing } }) } as never,
    });
    await broken.database.remove();
    const response = await broken.send('POST', `/api/reviews/conversations/${freshId('conversation')}/notes`, {
      as: broken.person('Ana'),
      body: { anchor: anchor(), text: `Note ${MARKER}` },
    });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain(MARKER);
    expect(broken.logs).toContainEqual({ level: 'error', event: 'unhandled', name: 'Error', sqlState: '23514' });
    expect(broken.logs.map((entry) => JSON.stringify(entry)).filter((line) => line.includes(MARKER))).toEqual([]);
  });
});
