import type { ReviewerIdentity } from '../../api/reviews';
import { ensureReviewer } from '../db/reviews/reviewers';
import type { Db } from '../db/reviews/outcome';
import { TtlCache } from '../ttl-cache';

const keyOf = (identity: ReviewerIdentity) => `${identity.source}\u0000${identity.subject}`;
const fingerprintOf = (identity: ReviewerIdentity) => JSON.stringify([identity.name, identity.email, identity.role]);

/**
 * The reviewer record of each person, remembered so that a request costs no extra query: made on
 * their first write, and brought up to date (name, e-mail, role: the users file or the proxy may
 * have changed them) on the first write after a change.
 */
export class ReviewersKnown {
  private readonly known = new TtlCache<{ id: string; fingerprint: string | null }>(10 * 60_000, 10_000);

  /** The person's reviewer ID for a write: the record is made or updated first when needed. */
  async forWriting(db: Db, identity: ReviewerIdentity): Promise<string> {
    const fingerprint = fingerprintOf(identity);
    const kept = this.known.get(keyOf(identity));
    if (kept?.fingerprint === fingerprint) return kept.id;
    const outcome = await ensureReviewer(db, identity);
    // The identity was checked where it came from (users file, proxy header, name cookie).
    if (!outcome.ok) throw new Error(`A reviewer could not be recorded: ${outcome.problem}`);
    this.known.set(keyOf(identity), { id: outcome.record.id, fingerprint });
    return outcome.record.id;
  }

  /** The person's reviewer ID, to tell which records are theirs; null when they have written nothing yet. */
  async forReading(db: Db, identity: ReviewerIdentity | null): Promise<string | null> {
    if (!identity) return null;
    const kept = this.known.get(keyOf(identity));
    if (kept) return kept.id;
    const row = await db
      .selectFrom('reviewers')
      .select('id')
      .where('source', '=', identity.source)
      .where('subject', '=', identity.subject)
      .executeTakeFirst();
    if (row) this.known.set(keyOf(identity), { id: row.id, fingerprint: null });
    return row?.id ?? null;
  }
}
