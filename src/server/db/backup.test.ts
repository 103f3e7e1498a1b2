import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StorageLocation } from '../config';
import { backup, parseBackup, restore, RestoreRefused, type Backup } from './backup';
import { openDatabase } from './open-database';
import { setReviewStatus } from './reviews/conversation-reviews';
import { historyOfConversation } from './reviews/history';
import { createNote, deleteNote, notesOfConversation, updateNote } from './reviews/notes';
import { createVerdict, verdictsOfConversation } from './reviews/verdicts';
import { TSX_LOADER } from './testing/child-process';
import { addReviewer, aNote, aVerdict, freshId, written } from './testing/review-fixtures';
import { newTestLocation, openTestDatabase, testDatabaseKind, type TestDatabase } from './testing/test-database';

const conversationId = freshId('conversation');
let source: TestDatabase;
let saved: Backup;

beforeAll(async () => {
  source = await openTestDatabase();
  const db = source.db;
  const ana = await addReviewer(db, { name: 'Ana' });
  const ben = await addReviewer(db, { name: 'Ben', email: 'ben@example.com', source: 'token' });
  const kept = written(await createNote(db, ana.id, aNote({ conversationId, text: 'Kept, then edited ✓' })));
  written(await updateNote(db, ana.id, kept.id, 1, { text: 'Edited: “quotes” and emoji 👍' }));
  const gone = written(await createNote(db, ben.id, aNote({ conversationId })));
  written(await deleteNote(db, ben.id, gone.id, 1));
  written(
    await createVerdict(db, ana.id, aVerdict({ conversationId, verdict: 'disagree', correction: 'neutral', note: 'Flat.' })),
  );
  written(await setReviewStatus(db, ben.id, 0, { conversationId, status: 'needs_follow_up' }));
  saved = await backup(source.db, source.location.schema);
});
afterAll(() => source.remove());

describe('backup and restore', () => {
  it('restores in one transaction into an empty database: a bad row changes nothing, the backup brings every row back exactly', async () => {
    expect(saved.tables.review_history).toHaveLength(8);
    const target = await openTestDatabase();
    try {
      const broken = structuredClone(saved);
      broken.tables.verdicts[0]!.reviewer_id = crypto.randomUUID();
      await expect(restore(target.db, broken)).rejects.toThrow(/foreign key/);
      const empty = await backup(target.db, target.location.schema);
      expect(Object.values(empty.tables).every((rows) => rows.length === 0)).toBe(true);

      const counts = await restore(target.db, JSON.parse(JSON.stringify(saved)) as Backup);
      expect(counts).toEqual({ reviewers: 2, verdicts: 1, notes: 2, conversation_reviews: 1, review_history: 8 });
      const again = await backup(target.db, target.location.schema);
      expect(again.tables).toEqual(saved.tables);
      expect(again.migrations).toEqual(saved.migrations);
      expect(await notesOfConversation(target.db, conversationId, { includeDeleted: true })).toEqual(
        await notesOfConversation(source.db, conversationId, { includeDeleted: true }),
      );
      expect(await verdictsOfConversation(target.db, conversationId)).toEqual(
        await verdictsOfConversation(source.db, conversationId),
      );
      expect(await historyOfConversation(target.db, conversationId)).toEqual(
        await historyOfConversation(source.db, conversationId),
      );
      // New history continues after the restored entries.
      const [reviewer] = await target.db.selectFrom('reviewers').select('id').where('name', '=', 'Ana').execute();
      written(await createNote(target.db, reviewer!.id, aNote({ conversationId })));
      const history = await historyOfConversation(target.db, conversationId);
      expect(Number(history.at(-1)!.id)).toBeGreaterThan(Math.max(...saved.tables.review_history.map((row) => Number(row.id))));
    } finally {
      await target.remove();
    }
  });

  it('refuses a database that already holds reviews, and changes nothing', async () => {
    const before = await backup(source.db, source.location.schema);
    await expect(restore(source.db, saved)).rejects.toThrow(RestoreRefused);
    await expect(restore(source.db, saved)).rejects.toThrow('The database already holds reviews (table reviewers is not empty)');
    expect((await backup(source.db, source.location.schema)).tables).toEqual(before.tables);
  });

  it('refuses a file that is not a backup, or one made by a newer version', async () => {
    expect(() => parseBackup('not json')).toThrow('The file is not JSON');
    expect(() => parseBackup('{"format":"something else"}')).toThrow("The file is not a backup of this viewer's reviews: format");
    await expect(restore(source.db, { ...saved, migrations: [...saved.migrations, '0900-from-the-future'] })).rejects.toThrow(
      'The backup was made by a newer version of the viewer (migrations 0900-from-the-future)',
    );
  });
});

describe('npm run db:backup and db:restore', () => {
  const SCRIPT = fileURLToPath(new URL('../../../scripts/db-backup.ts', import.meta.url));
  const run = (command: string, file: string, env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', TSX_LOADER, SCRIPT, command, file], {
      cwd: env.CWD,
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
    });

  it(`back up the configured database to a private file and restore it into an empty one (${testDatabaseKind})`, async () => {
    const place = newTestLocation();
    const { location } = place;
    const work = join(location.kind === 'embedded' ? location.dataDir : tmpdir(), `cli-${crypto.randomUUID()}`);
    mkdirSync(work, { recursive: true });
    // The command reads its configuration as the server does: demo mode, so the demo database.
    const env: Record<string, string> =
      location.kind === 'embedded' ? { CWD: work, VIEWER_DATA_DIR: location.dataDir } : { CWD: work, DATABASE_URL: location.url };
    const demo: StorageLocation =
      location.kind === 'embedded'
        ? { ...location, folder: join(location.dataDir, 'demo'), schema: 'viewer_demo' }
        : { ...location, schema: 'viewer_demo' };
    /** An empty demo database, as on a new machine. */
    const wipe = async () => {
      if (demo.kind === 'embedded') {
        rmSync(demo.folder, { recursive: true, force: true });
        cpSync(inject('embeddedTemplate'), demo.folder, { recursive: true });
      } else {
        const client = new pg.Client({ connectionString: demo.url });
        await client.connect();
        await client.query('DROP SCHEMA IF EXISTS viewer_demo CASCADE');
        await client.end();
      }
    };
    try {
      await wipe();
      const filled = await openDatabase(demo);
      written(await setReviewStatus(filled.db, (await addReviewer(filled.db)).id, 0, { conversationId, status: 'reviewed' }));
      const expected = await backup(filled.db, 'viewer_demo');
      await filled.close();

      const made = run('backup', 'reviews.json', env);
      expect(made.stderr).toBe('');
      expect(made.stdout).toMatch(
        /^Backed up 1 reviewers, 0 verdicts, 0 notes, 1 review statuses and 2 history entries from the .* to .*reviews\.json\.\n$/,
      );
      expect(statSync(join(work, 'reviews.json')).mode & 0o777).toBe(0o600);
      expect(parseBackup(readFileSync(join(work, 'reviews.json'), 'utf8')).tables).toEqual(expected.tables);

      await wipe();
      const restored = run('restore', 'reviews.json', env);
      expect(restored.stderr).toBe('');
      expect(restored.stdout).toMatch(/^Restored 1 reviewers, .* into the .*\.\n$/);
      const check = await openDatabase(demo);
      expect((await backup(check.db, 'viewer_demo')).tables).toEqual(expected.tables);
      await check.close();
    } finally {
      if (demo.kind === 'server') await wipe();
      rmSync(work, { recursive: true, force: true });
      await place.remove();
    }
  });
});
