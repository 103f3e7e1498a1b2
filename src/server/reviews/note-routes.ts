import type { Hono } from 'hono';
import { noteCreateBodySchema, noteEditBodySchema } from '../../api/review-requests';
import { createNote, deleteNote, noteById, updateNote } from '../db/reviews/notes';
import type { Db } from '../db/reviews/outcome';
import type { Storage } from '../db/storage';
import { BFF_ERROR_CODES, errorBody } from '../../api/error';
import { readJson } from './json-body';
import type { ReviewersKnown } from './reviewers-known';
import { database, noteAnswer, pathId, readerId, recordPathId, refusalAnswer, versionInQuery, writerId } from './reviewing';

/**
 * Notes pinned to a message, a range of messages or a passage of one: made on a conversation,
 * then read, edited and deleted by their own ID (which `#note-<id>` links carry). Only a note's
 * author edits or deletes it; a deleted note stays as a tombstone, its text in the history.
 */
export function installNoteRoutes(
  app: Hono,
  { storage, reviewers }: { storage: Pick<Storage, 'state'> | undefined; reviewers: ReviewersKnown },
): void {
  const current = (db: Db, noteId: string, me: string) => async () => {
    const note = await noteById(db, noteId);
    return note && noteAnswer(note, me);
  };

  app.post('/api/reviews/conversations/:conversationId/notes', async (c) => {
    const conversationId = pathId(c, 'conversation', 'conversationId');
    if (conversationId instanceof Response) return conversationId;
    const db = database(c, storage);
    if (db instanceof Response) return db;
    const body = await readJson(c, noteCreateBodySchema);
    if (body instanceof Response) return body;
    const me = await writerId(c, db, reviewers);
    if (me instanceof Response) return me;
    const outcome = await createNote(db, me, { conversationId, ...body });
    if (!outcome.ok) return refusalAnswer(c, outcome, 'note', async () => null);
    return c.json(noteAnswer(outcome.record, me), 201);
  });

  app.get('/api/reviews/notes/:id', async (c) => {
    const noteId = recordPathId(c, 'A note');
    if (noteId instanceof Response) return noteId;
    const db = database(c, storage);
    if (db instanceof Response) return db;
    const note = await noteById(db, noteId);
    if (!note) return c.json(errorBody(BFF_ERROR_CODES.reviewNotFound, 404, 'There is no such note.', true), 404);
    return c.json(noteAnswer(note, await readerId(c, db, reviewers)));
  });

  app.patch('/api/reviews/notes/:id', async (c) => {
    const noteId = recordPathId(c, 'A note');
    if (noteId instanceof Response) return noteId;
    const db = database(c, storage);
    if (db instanceof Response) return db;
    const body = await readJson(c, noteEditBodySchema);
    if (body instanceof Response) return body;
    const me = await writerId(c, db, reviewers);
    if (me instanceof Response) return me;
    const outcome = await updateNote(db, me, noteId, body.expectedVersion, { text: body.text });
    if (!outcome.ok) return refusalAnswer(c, outcome, 'note', current(db, noteId, me));
    return c.json(noteAnswer(outcome.record, me));
  });

  app.delete('/api/reviews/notes/:id', async (c) => {
    const noteId = recordPathId(c, 'A note');
    if (noteId instanceof Response) return noteId;
    const expectedVersion = versionInQuery(c);
    if (expectedVersion instanceof Response) return expectedVersion;
    const db = database(c, storage);
    if (db instanceof Response) return db;
    const me = await writerId(c, db, reviewers);
    if (me instanceof Response) return me;
    const outcome = await deleteNote(db, me, noteId, expectedVersion);
    if (!outcome.ok) return refusalAnswer(c, outcome, 'note', current(db, noteId, me));
    return c.json(noteAnswer(outcome.record, me));
  });
}
