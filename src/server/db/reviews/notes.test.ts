import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTE_TEXT_MAX } from '../../../api/reviews';
import { addReviewer, aNote, freshId, written } from '../testing/review-fixtures';
import { openTestDatabase, type TestDatabase } from '../testing/test-database';
import { historyOfConversation, historyOfRecord } from './history';
import { createNote, deleteNote, noteById, notesOfConversation, updateNote } from './notes';
import type { Reviewer } from './reviewers';

let database: TestDatabase;
let ana: Reviewer;
let ben: Reviewer;
beforeAll(async () => {
  database = await openTestDatabase();
  ana = await addReviewer(database.db, { name: 'Ana' });
  ben = await addReviewer(database.db, { name: 'Ben' });
});
afterAll(() => database.remove());

describe('notes', () => {
  it('pins a note to a message, a range and a passage, and reads them per conversation', async () => {
    const conversationId = freshId('conversation');
    const [first, last] = [freshId('communication'), freshId('communication')];
    const db = database.db;
    const onMessage = written(
      await createNote(
        db,
        ana.id,
        aNote({ conversationId, anchor: { firstCommunicationId: first, lastCommunicationId: first, passage: null } }),
      ),
    );
    const onRange = written(
      await createNote(
        db,
        ben.id,
        aNote({ conversationId, anchor: { firstCommunicationId: first, lastCommunicationId: last, passage: null } }),
      ),
    );
    const onPassage = written(
      await createNote(db, ana.id, {
        conversationId,
        anchor: { firstCommunicationId: last, lastCommunicationId: last, passage: { start: 4, end: 10, quote: 'refund' } },
        text: 'Promised without checking the order.',
      }),
    );
    expect(onMessage).toMatchObject({ conversationId, author: { id: ana.id, name: 'Ana' }, version: 1, deletedAt: null });
    expect(onPassage.anchor).toEqual({
      firstCommunicationId: last,
      lastCommunicationId: last,
      passage: { start: 4, end: 10, quote: 'refund' },
    });
    expect(onPassage.text).toBe('Promised without checking the order.');
    const read = await notesOfConversation(db, conversationId);
    expect(read.map((note) => note.id)).toEqual([onMessage.id, onRange.id, onPassage.id]);
    expect(read[1]).toEqual(onRange);
    expect(await notesOfConversation(db, freshId('conversation'))).toEqual([]);
  });

  it('edits with the expected version, and refuses a stale one naming who changed it and when', async () => {
    const db = database.db;
    const note = written(await createNote(db, ana.id, aNote()));
    const edited = written(await updateNote(db, ana.id, note.id, 1, { text: 'Second thoughts.' }));
    expect(edited).toMatchObject({ text: 'Second thoughts.', version: 2, updatedBy: { id: ana.id, name: 'Ana' } });
    expect(edited.updatedAt.getTime()).toBeGreaterThanOrEqual(note.updatedAt.getTime());

    const stale = await updateNote(db, ana.id, note.id, 1, { text: 'Written over an old copy.' });
    expect(stale).toEqual({
      ok: false,
      problem: 'conflict',
      current: { version: 2, changedBy: { id: ana.id, name: 'Ana' }, changedAt: edited.updatedAt, deleted: false },
    });
    expect((await noteById(db, note.id))?.text).toBe('Second thoughts.');
  });

  it('gives one of two concurrent edits of one version a success and the other a conflict', async () => {
    const db = database.db;
    const note = written(await createNote(db, ana.id, aNote()));
    const outcomes = await Promise.all([
      updateNote(db, ana.id, note.id, 1, { text: 'From the first tab.' }),
      updateNote(db, ana.id, note.id, 1, { text: 'From the second tab.' }),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok && o.problem === 'conflict')).toHaveLength(1);
    const kept = outcomes.find((o) => o.ok)!;
    expect((await noteById(db, note.id))?.text).toBe(kept.ok && kept.record.text);
  });

  it('lets only the author edit or delete a note', async () => {
    const db = database.db;
    const note = written(await createNote(db, ana.id, aNote()));
    expect(await updateNote(db, ben.id, note.id, 1, { text: 'Not mine.' })).toEqual({
      ok: false,
      problem: 'forbidden',
      message: 'Only its author can change a note.',
    });
    expect(await deleteNote(db, ben.id, note.id, 1)).toMatchObject({ ok: false, problem: 'forbidden' });
    expect((await noteById(db, note.id))?.version).toBe(1);
  });

  it('keeps a tombstone on delete, with the text in the history, and refuses later edits as a conflict', async () => {
    const db = database.db;
    const created = written(await createNote(db, ana.id, aNote({ text: 'Soon gone.' })));
    const tombstone = written(await deleteNote(db, ana.id, created.id, 1));
    expect(tombstone).toMatchObject({ text: null, version: 2, updatedBy: { id: ana.id } });
    expect(tombstone.deletedAt).toBeInstanceOf(Date);
    expect(await notesOfConversation(db, created.conversationId)).toEqual([]);
    expect(await notesOfConversation(db, created.conversationId, { includeDeleted: true })).toEqual([tombstone]);
    expect(await updateNote(db, ana.id, created.id, 2, { text: 'Back?' })).toEqual({
      ok: false,
      problem: 'conflict',
      current: { version: 2, changedBy: { id: ana.id, name: 'Ana' }, changedAt: tombstone.deletedAt, deleted: true },
    });
    const history = await historyOfRecord(db, 'note', created.id);
    expect(history.map((entry) => [entry.action, entry.version, entry.actor?.name])).toEqual([
      ['create', 1, 'Ana'],
      ['delete', 2, 'Ana'],
    ]);
    expect(history[1]!.before).toMatchObject({ text: 'Soon gone.' });
    expect(history[1]!.after).toMatchObject({ text: null });
  });

  it('writes a history row with before and after in the same transaction as every change', async () => {
    const db = database.db;
    const note = written(await createNote(db, ana.id, aNote({ text: 'One.' })));
    written(await updateNote(db, ana.id, note.id, 1, { text: 'Two.' }));
    const history = await historyOfConversation(db, note.conversationId);
    expect(history.map(({ action, version, entity, entityId }) => ({ action, version, entity, entityId }))).toEqual([
      { action: 'create', version: 1, entity: 'note', entityId: note.id },
      { action: 'update', version: 2, entity: 'note', entityId: note.id },
    ]);
    expect(history[0]).toMatchObject({ before: null, after: { text: 'One.', version: 1 }, actor: { id: ana.id, name: 'Ana' } });
    expect(history[1]).toMatchObject({ before: { text: 'One.', version: 1 }, after: { text: 'Two.', version: 2 } });
  });

  it('says what is wrong with bad input and stores nothing', async () => {
    const db = database.db;
    const conversationId = freshId('conversation');
    const message = freshId('communication');
    const cases: [unknown, string][] = [
      [{ ...aNote({ conversationId }), text: 'x'.repeat(NOTE_TEXT_MAX + 1) }, 'longer than 4,000 characters'],
      [{ ...aNote({ conversationId }), text: '   ' }, 'The note is empty'],
      [{ ...aNote({ conversationId }), text: 'nul \u0000 byte' }, 'cannot be stored'],
      [{ ...aNote({ conversationId }), conversationId: 'conv_conversation_XYZ' }, 'conversationId: must be a conversation ID'],
      [
        { ...aNote({ conversationId }), anchor: { firstCommunicationId: 'nope', lastCommunicationId: message, passage: null } },
        'anchor.firstCommunicationId',
      ],
      [
        {
          ...aNote({ conversationId }),
          anchor: {
            firstCommunicationId: message,
            lastCommunicationId: freshId('communication'),
            passage: { start: 0, end: 2, quote: 'hi' },
          },
        },
        'a passage lies inside one message',
      ],
      [
        {
          ...aNote({ conversationId }),
          anchor: { firstCommunicationId: message, lastCommunicationId: message, passage: { start: 0, end: 5, quote: 'hi' } },
        },
        'exactly the text',
      ],
      [{ ...aNote({ conversationId }), extra: 1 }, 'unknown field "extra"'],
    ];
    for (const [input, message] of cases) {
      const outcome = await createNote(db, ana.id, input);
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.problem).toBe('invalid');
      expect(!outcome.ok && 'message' in outcome && outcome.message).toContain(message);
    }
    expect(await createNote(db, 'not-an-id', aNote({ conversationId }))).toMatchObject({ ok: false, problem: 'invalid' });
    expect(await updateNote(db, ana.id, crypto.randomUUID(), -1, { text: 'x' })).toMatchObject({ ok: false, problem: 'invalid' });
    expect(await notesOfConversation(db, conversationId, { includeDeleted: true })).toEqual([]);
    expect(await historyOfConversation(db, conversationId)).toEqual([]);
  });

  it('counts the 4,000 characters as people do, so emoji are one character each', async () => {
    const note = written(await createNote(database.db, ana.id, aNote({ text: '👍'.repeat(NOTE_TEXT_MAX) })));
    expect(Array.from(note.text!)).toHaveLength(NOTE_TEXT_MAX);
  });

  it('refuses writes from a viewer and from someone the server does not know', async () => {
    const db = database.db;
    const viewer = await addReviewer(db, { name: 'Vic', role: 'viewer' });
    expect(await createNote(db, viewer.id, aNote())).toEqual({
      ok: false,
      problem: 'forbidden',
      message: 'Viewers can read reviews but not write them.',
    });
    expect(await createNote(db, crypto.randomUUID(), aNote())).toMatchObject({ ok: false, problem: 'forbidden' });
  });

  it('answers not found for a note that never existed', async () => {
    expect(await updateNote(database.db, ana.id, crypto.randomUUID(), 1, { text: 'x' })).toEqual({
      ok: false,
      problem: 'not_found',
    });
  });
});
