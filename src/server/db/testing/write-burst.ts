/**
 * The crash test's writer: 1,000 writes through the repository (new notes, and every third write
 * an edit of the note before), each line printed only once its transaction has committed.
 */
import { openDatabase } from '../open-database';
import { createNote, updateNote, type NoteRecord } from '../reviews/notes';
import { locationFromEnv } from './child-process';
import { addReviewer, aNote, written } from './review-fixtures';

const { db } = await openDatabase(locationFromEnv());
const author = await addReviewer(db, { name: 'Burst' });
const conversationId = process.env.BURST_CONVERSATION!;
process.stdout.write('ready\n');
let last: { id: string; version: number } | null = null;
for (let i = 1; i <= 1000; i++) {
  if (i % 3 === 0 && last) {
    const note: NoteRecord = written(await updateNote(db, author.id, last.id, last.version, { text: `Edit ${i}` }));
    last = { id: note.id, version: note.version };
  } else {
    const note = written(await createNote(db, author.id, aNote({ conversationId, text: `Note ${i}` })));
    last = { id: note.id, version: note.version };
  }
  process.stdout.write(`${i} ${last.id} ${last.version}\n`);
}
process.stdout.write('done\n');
