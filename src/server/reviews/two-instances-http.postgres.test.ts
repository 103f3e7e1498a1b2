import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictBodySchema, noteSchema } from '../../api/review-answers';
import { openDatabase } from '../db/open-database';
import { freshId } from '../db/testing/review-fixtures';
import { newTestLocation } from '../db/testing/test-database';
import { call, personCookie, startServer, type ServerProcess } from './testing/review-client';

const place = newTestLocation();
let a: ServerProcess;
let b: ServerProcess;
beforeAll(async () => {
  await (await openDatabase(place.location)).close();
  [a, b] = await Promise.all([startServer(place.location), startServer(place.location)]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await place.remove();
});

describe('two server instances on one PostgreSQL database', () => {
  it('a note written through one is read through the other; of two concurrent edits through each, one succeeds and one gets 409', async () => {
    const ana = personCookie('Ana Lima');
    const message = freshId('communication');
    const created = await call(a.url, 'POST', `/api/reviews/conversations/${freshId('conversation')}/notes`, ana, {
      anchor: { firstCommunicationId: message, lastCommunicationId: message, passage: null },
      text: 'Written through A.',
    });
    expect(created.status).toBe(201);
    const note = noteSchema.parse(await created.json());
    const throughB = noteSchema.parse(await (await call(b.url, 'GET', `/api/reviews/notes/${note.id}`, ana)).json());
    expect(throughB).toEqual(note);

    const edits = await Promise.all(
      [a, b].map((server, i) =>
        call(server.url, 'PATCH', `/api/reviews/notes/${note.id}`, ana, {
          text: `Edited through ${'AB'[i]}.`,
          expectedVersion: 1,
        }),
      ),
    );
    expect(edits.map((response) => response.status).sort()).toEqual([200, 409]);
    const winner = noteSchema.parse(await edits.find((response) => response.status === 200)!.json());
    const loser = conflictBodySchema(noteSchema).parse(await edits.find((response) => response.status === 409)!.json());
    expect(loser.conflict).toMatchObject({
      version: 2,
      changedBy: { name: 'Ana Lima' },
      changedAt: winner.updatedAt,
      current: winner,
    });

    for (const server of [a, b]) {
      expect(noteSchema.parse(await (await call(server.url, 'GET', `/api/reviews/notes/${note.id}`, ana)).json())).toEqual(
        winner,
      );
    }
  });
});
