import { BFF_ERROR_CODES } from '../../api/error';
import { conflictBodySchema, type ReviewPerson } from '../../api/review-answers';
import * as z from 'zod/mini';
import { ApiError, NetworkError } from '../../lib/api-client';

/** Someone else changed the record since it was read: who, when, and the version to overwrite. */
export type Conflict = { version: number; changedBy: ReviewPerson | null; changedAt: string; deleted: boolean };

/** What went wrong with a write, in words a reviewer can act on; what they typed stays where it is. */
export type WriteProblem = { message: string; conflict: Conflict | null };

const anyConflict = conflictBodySchema(z.unknown());

export function describeWriteProblem(error: unknown, what: string): WriteProblem {
  if (error instanceof ApiError) {
    const said = error.body?.message;
    if (error.status === 409) {
      const parsed = anyConflict.safeParse(error.body);
      const conflict = parsed.success ? parsed.data.conflict : null;
      const who = conflict?.changedBy?.name ?? 'Someone';
      return {
        message: conflict?.deleted
          ? `${who} deleted this ${what} while you were writing. Your text is still here.`
          : `${who} changed this ${what} while you were writing. Your text is still here: reload to see theirs, or overwrite it with yours.`,
        conflict: conflict && {
          version: conflict.version,
          changedBy: conflict.changedBy,
          changedAt: conflict.changedAt,
          deleted: conflict.deleted,
        },
      };
    }
    if (error.status === 413) {
      return {
        message: `The ${what} is too long to send (at most 16 KiB). Shorten it and save again; nothing was lost.`,
        conflict: null,
      };
    }
    if (error.status === 400)
      return { message: `The ${what} was not saved: ${said ?? 'the server refused it.'}`, conflict: null };
    if (error.status === 403) {
      const why =
        error.body?.code === BFF_ERROR_CODES.nameNeeded
          ? 'give your name first (above), then save again.'
          : error.body?.code === BFF_ERROR_CODES.notYours
            ? 'only its author can change it.'
            : error.body?.code === BFF_ERROR_CODES.readOnly
              ? 'you can read reviews but not write them; ask for a reviewer\u2019s access.'
              : (said ?? 'the server refused it.');
      return { message: `The ${what} was not saved: ${why}`, conflict: null };
    }
    if (error.status === 401)
      return {
        message: `The ${what} was not saved: your session has ended. Sign in again in another tab, then save.`,
        conflict: null,
      };
    if (error.status === 404)
      return { message: `The ${what} was not saved: ${said ?? 'it is no longer there.'}`, conflict: null };
    return {
      message: `The ${what} was not saved (${said ?? `the server answered ${error.status}`}). Try again.`,
      conflict: null,
    };
  }
  if (error instanceof NetworkError)
    return { message: `The ${what} was not saved: the viewer\u2019s server could not be reached. Try again.`, conflict: null };
  return { message: `The ${what} was not saved. Try again.`, conflict: null };
}
