import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';
import { historyOfConversation } from './reviews/history';
import { notesOfConversation } from './reviews/notes';
import { runChild } from './testing/child-process';
import { freshId } from './testing/review-fixtures';
import { newTestLocation, testDatabaseKind } from './testing/test-database';

const place = newTestLocation();
afterAll(() => place.remove());

describe(`a crash during a burst of writes (${testDatabaseKind})`, () => {
  it('loses no acknowledged write, opens again, and leaves no half-written record', async () => {
    // Migrated first, so that the writer's time goes to writing.
    await (await openDatabase(place.location)).close();
    const conversationId = freshId('conversation');
    const writer = runChild('./write-burst.ts', place.location, { BURST_CONVERSATION: conversationId });
    await writer.waitFor(/^ready$/);
    await writer.waitFor(/^300 /);
    writer.process.kill('SIGKILL');
    expect(await writer.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(writer.lines).not.toContain('done');

    const acknowledged = new Map<string, number>();
    for (const line of writer.lines) {
      const match = /^\d+ (\S+) (\d+)$/.exec(line);
      if (match) acknowledged.set(match[1]!, Math.max(acknowledged.get(match[1]!) ?? 0, Number(match[2])));
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(200);

    // The killed writer's lock is stale: the folder opens.
    const reopened = await openDatabase(place.location);
    try {
      const notes = await notesOfConversation(reopened.db, conversationId);
      const byId = new Map(notes.map((note) => [note.id, note]));
      for (const [id, version] of acknowledged) {
        // The write in flight when the process died may have committed too, never less.
        expect(byId.get(id)?.version, `note ${id}`).toBeGreaterThanOrEqual(version);
      }
      expect(notes.length - acknowledged.size).toBeLessThanOrEqual(1);
      const history = await historyOfConversation(reopened.db, conversationId);
      expect(new Set(history.map((entry) => entry.entityId))).toEqual(new Set(notes.map((note) => note.id)));
      for (const note of notes) {
        const ofNote = history.filter((entry) => entry.entityId === note.id);
        expect(ofNote.map((entry) => entry.version)).toEqual(Array.from({ length: note.version }, (_, i) => i + 1));
        expect(ofNote.at(-1)!.after).toMatchObject({ id: note.id, text: note.text, version: note.version });
      }
      // The indexes agree with the tables.
      await sql`REINDEX TABLE notes`.execute(reopened.db);
      await sql`REINDEX TABLE review_history`.execute(reopened.db);
    } finally {
      await reopened.close();
    }
  });
});
