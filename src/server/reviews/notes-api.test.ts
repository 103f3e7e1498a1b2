import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictBodySchema, conversationReviewSchema, historyPageSchema, noteSchema } from '../../api/review-answers';
import { freshId } from '../db/testing/review-fixtures';
import { reviewApp, type ReviewApp } from './testing/review-app';

let api: ReviewApp;
beforeAll(async () => {
  api = await reviewApp();
});
afterAll(() => api.database.remove());

const onMessage = (id = freshId('communication')) => ({ firstCommunicationId: id, lastCommunicationId: id, passage: null });

async function writeNote(as: { Cookie: string }, conversationId: string, text = 'The agent promised a refund by Friday.') {
  const response = await api.send('POST', `/api/reviews/conversations/${conversationId}/notes`, {
    as,
    body: { anchor: onMessage(), text },
  });
  expect(response.status).toBe(201);
  return noteSchema.parse(await response.json());
}

describe('notes through the API', () => {
  it('are pinned to a message, a range or a passage, and read back with the conversation, author and time', async () => {
    const ana = api.person('Ana Lima');
    const conversationId = freshId('conversation');
    const [first, last] = [freshId('communication'), freshId('communication')];
    const anchors = [
      onMessage(first),
      { firstCommunicationId: first, lastCommunicationId: last, passage: null },
      { firstCommunicationId: last, lastCommunicationId: last, passage: { start: 4, end: 10, quote: 'refund' } },
    ];
    for (const anchor of anchors) {
      const response = await api.send('POST', `/api/reviews/conversations/${conversationId}/notes`, {
        as: ana,
        body: { anchor, text: `Pinned ${anchors.indexOf(anchor)}` },
      });
      expect(response.status).toBe(201);
      expect(noteSchema.parse(await response.json())).toMatchObject({
        anchor,
        author: { name: 'Ana Lima' },
        version: 1,
        mine: true,
      });
    }

    const asAna = conversationReviewSchema.parse(
      await (await api.send('GET', `/api/reviews/conversations/${conversationId}`, { as: ana })).json(),
    );
    expect(asAna.notes.map((note) => [note.text, note.anchor, note.mine])).toEqual(
      anchors.map((anchor, i) => [`Pinned ${i}`, anchor, true]),
    );
    expect(asAna.status).toMatchObject({ status: 'not_reviewed', version: 0, updatedBy: null, mine: false });
    const asBo = conversationReviewSchema.parse(
      await (await api.send('GET', `/api/reviews/conversations/${conversationId}`, { as: api.person('Bo') })).json(),
    );
    expect(asBo.notes.map((note) => note.mine)).toEqual([false, false, false]);
  });

  it('are edited by their author with the version they read; a stale edit gets 409 naming who and when, and changes nothing', async () => {
    const ana = api.person('Ana Lima');
    const note = await writeNote(ana, freshId('conversation'));
    const edited = await api.send('PATCH', `/api/reviews/notes/${note.id}`, {
      as: ana,
      body: { text: 'Refund by Monday.', expectedVersion: 1 },
    });
    expect(edited.status).toBe(200);
    const second = noteSchema.parse(await edited.json());
    expect(second).toMatchObject({ text: 'Refund by Monday.', version: 2 });

    const stale = await api.send('PATCH', `/api/reviews/notes/${note.id}`, {
      as: ana,
      body: { text: 'Lost edit.', expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    const body = conflictBodySchema(noteSchema).parse(await stale.json());
    expect(body).toMatchObject({
      code: 90409,
      conflict: { version: 2, changedBy: { name: 'Ana Lima' }, changedAt: second.updatedAt, deleted: false, current: second },
    });
    expect(body.message).toBe(
      `Ana Lima changed this note at ${second.updatedAt} (now version 2). Reload it, or save again to overwrite.`,
    );
    const kept = noteSchema.parse(await (await api.send('GET', `/api/reviews/notes/${note.id}`, { as: ana })).json());
    expect(kept).toEqual(second);

    const overwritten = await api.send('PATCH', `/api/reviews/notes/${note.id}`, {
      as: ana,
      body: { text: 'Overwritten.', expectedVersion: 2 },
    });
    expect(noteSchema.parse(await overwritten.json())).toMatchObject({ text: 'Overwritten.', version: 3 });
  });

  it('cannot be edited or deleted by anyone but their author', async () => {
    const note = await writeNote(api.person('Ana Lima'), freshId('conversation'));
    const bo = api.person('Bo');
    const edit = await api.send('PATCH', `/api/reviews/notes/${note.id}`, {
      as: bo,
      body: { text: 'Mine now.', expectedVersion: 1 },
    });
    expect(edit.status).toBe(403);
    expect(await edit.json()).toMatchObject({ code: 92403, message: 'Only its author can change a note.' });
    expect((await api.send('DELETE', `/api/reviews/notes/${note.id}?expectedVersion=1`, { as: bo })).status).toBe(403);
    const kept = noteSchema.parse(await (await api.send('GET', `/api/reviews/notes/${note.id}`, { as: bo })).json());
    expect(kept).toMatchObject({ text: note.text, version: 1, mine: false });
  });

  it('leave a tombstone when deleted: the link still finds it, the history keeps the text, and a later edit gets 409', async () => {
    const ana = api.person('Ana Lima');
    const conversationId = freshId('conversation');
    const note = await writeNote(ana, conversationId, 'Soon gone.');
    const deleted = await api.send('DELETE', `/api/reviews/notes/${note.id}?expectedVersion=1`, { as: ana });
    expect(deleted.status).toBe(200);
    const tombstone = noteSchema.parse(await deleted.json());
    expect(tombstone).toMatchObject({ id: note.id, text: null, version: 2 });
    expect(tombstone.deletedAt).not.toBeNull();

    const state = conversationReviewSchema.parse(
      await (await api.send('GET', `/api/reviews/conversations/${conversationId}`)).json(),
    );
    expect(state.notes).toEqual([{ ...tombstone, mine: false }]);
    const history = historyPageSchema.parse(
      await (await api.send('GET', `/api/reviews/conversations/${conversationId}/history`)).json(),
    );
    expect(history.entries.map((entry) => [entry.action, entry.actor?.name])).toEqual([
      ['create', 'Ana Lima'],
      ['delete', 'Ana Lima'],
    ]);
    expect(history.entries[1]!.before).toMatchObject({ text: 'Soon gone.' });
    expect(history.entries[1]!.after).toMatchObject({ text: null });

    const late = await api.send('PATCH', `/api/reviews/notes/${note.id}`, {
      as: ana,
      body: { text: 'Back?', expectedVersion: 1 },
    });
    expect(late.status).toBe(409);
    expect(conflictBodySchema(noteSchema).parse(await late.json())).toMatchObject({
      conflict: { deleted: true, changedBy: { name: 'Ana Lima' }, current: tombstone },
    });
  });

  it('are looked up by ID: 404 for one that is not there, 400 for a malformed ID', async () => {
    const missing = await api.send('GET', '/api/reviews/notes/0b7f7b8e-1c1a-4c55-9d1e-2a51f0a7c001');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 91404 });
    const malformed = await api.send('GET', '/api/reviews/notes/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 90400, message: 'A note ID must be a lower-case UUID.' });
  });
});
