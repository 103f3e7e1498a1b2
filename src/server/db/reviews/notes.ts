import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import * as z from 'zod/mini';
import { expectedVersionSchema, newNoteSchema, noteEditSchema, recordIdSchema, type NoteAnchor } from '../../../api/reviews';
import type { Tables } from '../tables';
import {
  conflict,
  isRefusal,
  missing,
  now,
  parse,
  recordHistory,
  writer,
  type Db,
  type Person,
  type Trx,
  type WriteOutcome,
} from './outcome';

type NoteRow = Selectable<Tables['notes']>;

export type NoteRecord = {
  id: string;
  conversationId: string;
  author: Person;
  anchor: NoteAnchor;
  /** Null once the note is deleted (its text stays in the history). */
  text: string | null;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: Person;
  deletedAt: Date | null;
  version: number;
};

const noteRef = z.strictObject({ actorId: recordIdSchema, noteId: recordIdSchema, expectedVersion: expectedVersionSchema });

function notesWithNames(db: Db | Trx) {
  return db
    .selectFrom('notes')
    .innerJoin('reviewers as author', 'author.id', 'notes.authorId')
    .innerJoin('reviewers as editor', 'editor.id', 'notes.updatedBy')
    .selectAll('notes')
    .select(['author.name as authorName', 'editor.name as editorName']);
}

function toRecord(row: NoteRow & { authorName: string; editorName: string }): NoteRecord {
  const passage =
    row.passageStart !== null && row.passageEnd !== null && row.passageQuote !== null
      ? { start: row.passageStart, end: row.passageEnd, quote: row.passageQuote }
      : null;
  return {
    id: row.id,
    conversationId: row.conversationId,
    author: { id: row.authorId, name: row.authorName },
    anchor: { firstCommunicationId: row.firstCommunicationId, lastCommunicationId: row.lastCommunicationId, passage },
    text: row.text,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updatedBy: { id: row.updatedBy, name: row.editorName },
    deletedAt: row.deletedAt,
    version: row.version,
  };
}

async function readNote(trx: Db | Trx, id: string): Promise<NoteRecord> {
  return toRecord(await notesWithNames(trx).where('notes.id', '=', id).executeTakeFirstOrThrow());
}

export async function createNote(db: Db, actorId: string, input: unknown): Promise<WriteOutcome<NoteRecord>> {
  const actor = parse(recordIdSchema, actorId);
  if (!actor.ok) return actor;
  const note = parse(newNoteSchema, input);
  if (!note.ok) return note;
  const { conversationId, anchor, text } = note.data;
  return db.transaction().execute(async (trx) => {
    const author = await writer(trx, actor.data);
    if (isRefusal(author)) return author;
    const row = await trx
      .insertInto('notes')
      .values({
        id: randomUUID(),
        conversationId,
        authorId: author.id,
        firstCommunicationId: anchor.firstCommunicationId,
        lastCommunicationId: anchor.lastCommunicationId,
        passageStart: anchor.passage?.start ?? null,
        passageEnd: anchor.passage?.end ?? null,
        passageQuote: anchor.passage?.quote ?? null,
        text,
        updatedBy: author.id,
        deletedAt: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordHistory(trx, {
      actorId: author.id,
      entity: 'note',
      entityId: row.id,
      conversationId,
      action: 'create',
      version: row.version,
      before: null,
      after: row,
    });
    return { ok: true, record: await readNote(trx, row.id) };
  });
}

/**
 * Runs `change` on a note its author may change and whose version is the one expected, with the
 * row locked until the transaction ends, so that of two concurrent edits the second sees the first.
 */
async function changeNote(
  db: Db,
  ref: unknown,
  change: (trx: Trx, before: NoteRow) => Promise<NoteRow>,
  action: 'update' | 'delete',
): Promise<WriteOutcome<NoteRecord>> {
  const parsed = parse(noteRef, ref);
  if (!parsed.ok) return parsed;
  const { actorId, noteId, expectedVersion } = parsed.data;
  return db.transaction().execute(async (trx) => {
    const actor = await writer(trx, actorId);
    if (isRefusal(actor)) return actor;
    const before = await trx.selectFrom('notes').selectAll().where('id', '=', noteId).forUpdate().executeTakeFirst();
    if (!before) return missing(trx, 'note', noteId);
    if (before.version !== expectedVersion || before.deletedAt !== null) return conflict(trx, before);
    if (before.authorId !== actor.id) return { ok: false, problem: 'forbidden', message: 'Only its author can change a note.' };
    const after = await change(trx, before);
    await recordHistory(trx, {
      actorId: actor.id,
      entity: 'note',
      entityId: noteId,
      conversationId: before.conversationId,
      action,
      version: after.version,
      before,
      after,
    });
    return { ok: true, record: await readNote(trx, noteId) };
  });
}

export async function updateNote(
  db: Db,
  actorId: string,
  noteId: string,
  expectedVersion: number,
  input: unknown,
): Promise<WriteOutcome<NoteRecord>> {
  const edit = parse(noteEditSchema, input);
  if (!edit.ok) return edit;
  return changeNote(
    db,
    { actorId, noteId, expectedVersion },
    (trx, before) =>
      trx
        .updateTable('notes')
        .set({ text: edit.data.text, updatedAt: now(), updatedBy: actorId, version: before.version + 1 })
        .where('id', '=', noteId)
        .returningAll()
        .executeTakeFirstOrThrow(),
    'update',
  );
}

/** Leaves a tombstone: the row stays, without its text, so a link to the note can say it was deleted. */
export async function deleteNote(
  db: Db,
  actorId: string,
  noteId: string,
  expectedVersion: number,
): Promise<WriteOutcome<NoteRecord>> {
  return changeNote(
    db,
    { actorId, noteId, expectedVersion },
    (trx, before) =>
      trx
        .updateTable('notes')
        .set({ text: null, deletedAt: now(), updatedAt: now(), updatedBy: actorId, version: before.version + 1 })
        .where('id', '=', noteId)
        .returningAll()
        .executeTakeFirstOrThrow(),
    'delete',
  );
}

/** The notes of a conversation, oldest first; deleted ones (tombstones) only when asked. */
export async function notesOfConversation(
  db: Db,
  conversationId: string,
  { includeDeleted = false }: { includeDeleted?: boolean } = {},
): Promise<NoteRecord[]> {
  let query = notesWithNames(db).where('notes.conversationId', '=', conversationId);
  if (!includeDeleted) query = query.where('notes.deletedAt', 'is', null);
  const rows = await query.orderBy('notes.createdAt').orderBy('notes.id').execute();
  return rows.map(toRecord);
}

export async function noteById(db: Db, noteId: string): Promise<NoteRecord | null> {
  if (!recordIdSchema.safeParse(noteId).success) return null;
  const row = await notesWithNames(db).where('notes.id', '=', noteId).executeTakeFirst();
  return row ? toRecord(row) : null;
}
