import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { conversationReviewSchema, historyPageSchema, noteSchema, type HistoryPage } from '../../api/review-answers';
import { openDatabase } from '../db/open-database';
import { freshId } from '../db/testing/review-fixtures';
import { newTestLocation, testDatabaseKind } from '../db/testing/test-database';
import { call, personCookie, startServer, type ServerProcess } from './testing/review-client';

const place = newTestLocation();
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await place.remove();
});

const WRITES = 1000;
const IN_FLIGHT = 8;

describe(`the server killed during a burst of HTTP writes (${testDatabaseKind})`, () => {
  it('keeps every write it answered 2xx, opens again, and holds no half-written record', async () => {
    // Migrated first, so that the server's time goes to writing.
    await (await openDatabase(place.location)).close();
    const first = await startServer(place.location);
    servers.push(first);
    const cookie = personCookie('Burst');
    const conversationId = freshId('conversation');
    const message = freshId('communication');
    const anchor = { firstCommunicationId: message, lastCommunicationId: message, passage: null };

    /** Note ID → the highest version a 2xx answer reported. */
    const acknowledged = new Map<string, number>();
    let sent = 0;
    let killed = false;
    const worker = async () => {
      let last: { id: string; version: number } | null = null;
      while (sent < WRITES) {
        const i = ++sent;
        const editing = i % 3 === 0 && last !== null;
        const response = await (
          editing
            ? call(first.url, 'PATCH', `/api/reviews/notes/${last!.id}`, cookie, {
                text: `Edit ${i}`,
                expectedVersion: last!.version,
              })
            : call(first.url, 'POST', `/api/reviews/conversations/${conversationId}/notes`, cookie, { anchor, text: `Note ${i}` })
        ).catch(() => null);
        if (!response) return; // the server is gone
        expect(response.status, await response.clone().text()).toBeLessThan(300);
        const note = noteSchema.parse(await response.json());
        acknowledged.set(note.id, Math.max(acknowledged.get(note.id) ?? 0, note.version));
        last = { id: note.id, version: note.version };
        if (acknowledged.size >= 250 && !killed) {
          killed = true;
          first.child.process.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    expect(await first.child.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(sent).toBeLessThan(WRITES);

    const second = await startServer(place.location);
    servers.push(second);
    const state = conversationReviewSchema.parse(
      await (await call(second.url, 'GET', `/api/reviews/conversations/${conversationId}`, cookie)).json(),
    );
    const notes = new Map(state.notes.map((note) => [note.id, note]));
    for (const [id, version] of acknowledged) {
      // A write in flight when the process died may have committed too, never less.
      expect(notes.get(id)?.version, `note ${id}`).toBeGreaterThanOrEqual(version);
    }
    expect(notes.size - acknowledged.size).toBeLessThanOrEqual(IN_FLIGHT);

    const history: HistoryPage['entries'] = [];
    for (let after: string | null = ''; after !== null;) {
      const page: HistoryPage = historyPageSchema.parse(
        await (
          await call(
            second.url,
            'GET',
            `/api/reviews/conversations/${conversationId}/history${after ? `?after=${after}` : ''}`,
            cookie,
          )
        ).json(),
      );
      history.push(...page.entries);
      after = page.next;
    }
    for (const note of notes.values()) {
      const ofNote = history.filter((entry) => entry.entityId === note.id);
      expect(ofNote.map((entry) => entry.version)).toEqual(Array.from({ length: note.version }, (_, i) => i + 1));
      expect(ofNote.at(-1)!.after).toMatchObject({ id: note.id, text: note.text, version: note.version });
    }
    expect(new Set(history.map((entry) => entry.entityId))).toEqual(new Set(notes.keys()));

    await second.stop();
    const reopened = await openDatabase(place.location);
    try {
      // The indexes agree with the tables.
      await sql`REINDEX TABLE notes`.execute(reopened.db);
      await sql`REINDEX TABLE review_history`.execute(reopened.db);
    } finally {
      await reopened.close();
    }
  });
});
