/**
 * What each reviewer of `npm run bench:server` does (scripts/bench-reviews.ts): the requests of a
 * review page, drawn at random in fixed shares, each based on what that reviewer last read, so
 * that no request is refused: a reviewer edits only their own notes and verdicts, and sets the
 * status only of conversations nobody else touches.
 */
import { randomUUID } from 'node:crypto';
import { ID_PREFIXES } from '../src/api/ids';
import { operatorIdSchema } from '../src/api/reviews';
import { demoConversations } from '../src/mocks/fixtures/conversations';
import { operatorResults } from '../src/mocks/fixtures/operator-results';
import { ttid } from '../src/mocks/fixtures/ttid';
import { LOCAL_NAME_COOKIE, localNameCookie } from '../src/server/identity/local-identity';

/** Results a reviewer can judge: those of the demo's sample conversations, with an operator ID the contract knows. */
const judgeable = operatorResults.filter(
  (r) => demoConversations.some((c) => c.id === r.conversationId) && operatorIdSchema.safeParse(r.operator.id).success,
);

export type Reviewer = {
  cookie: string;
  conversations: string[];
  lastNote: { id: string; version: number } | null;
  verdicts: Map<string, number>;
  statuses: Map<string, number>;
  turn: number;
};

const STATUSES = ['in_review', 'reviewed', 'needs_follow_up'] as const;
const VERDICTS = [
  { verdict: 'agree' },
  { verdict: 'disagree', correction: 'NEUTRAL', note: 'The customer sounded relieved, not happy.' },
  { verdict: 'unsure' },
] as const;

/** One request of the mix: its kind, method, path and body, and what to remember from the answer. */
export function nextRequest(r: Reviewer) {
  const turn = r.turn++;
  const conversationId = r.conversations[turn % r.conversations.length]!;
  // Of 20 requests: 6 new notes, 3 edits, 3 verdicts, 1 status, 5 reads of a conversation's
  // review, 2 of an inbox page's statuses; drawn at random, so any stretch of time has the mix.
  const slot = Math.floor(Math.random() * 20);
  const message = ttid(ID_PREFIXES.communication, `${conversationId}-${turn % 7}`);
  if (slot < 6 || (slot < 9 && !r.lastNote)) {
    return {
      kind: 'note: create',
      method: 'POST',
      path: `/api/reviews/conversations/${conversationId}/notes`,
      body: {
        anchor: { firstCommunicationId: message, lastCommunicationId: message, passage: null },
        text: `Note ${turn}: the refund was promised for Friday.`,
      },
      remember: (answer: { id: string; version: number }) => (r.lastNote = { id: answer.id, version: answer.version }),
    };
  }
  if (slot < 9) {
    const note = r.lastNote!;
    return {
      kind: 'note: edit',
      method: 'PATCH',
      path: `/api/reviews/notes/${note.id}`,
      body: { text: `Edited at turn ${turn}.`, expectedVersion: note.version },
      remember: (answer: { id: string; version: number }) => (r.lastNote = { id: answer.id, version: answer.version }),
    };
  }
  if (slot < 12) {
    const result = judgeable[turn % judgeable.length]!;
    return {
      kind: 'verdict',
      method: 'PUT',
      path: `/api/reviews/conversations/${result.conversationId}/results/${result.id}/verdict`,
      body: { ...VERDICTS[turn % VERDICTS.length]!, expectedVersion: r.verdicts.get(result.id) ?? 0 },
      remember: (answer: { version: number }) => r.verdicts.set(result.id, answer.version),
    };
  }
  if (slot === 12) {
    return {
      kind: 'status',
      method: 'PUT',
      path: `/api/reviews/conversations/${conversationId}/status`,
      body: { status: STATUSES[turn % STATUSES.length], expectedVersion: r.statuses.get(conversationId) ?? 0 },
      remember: (answer: { version: number }) => r.statuses.set(conversationId, answer.version),
    };
  }
  if (slot < 18) {
    const read = turn % 2 === 0 ? conversationId : demoConversations[turn % demoConversations.length]!.id;
    return {
      kind: 'read: conversation',
      method: 'GET',
      path: `/api/reviews/conversations/${read}`,
      body: undefined,
      remember: () => {},
    };
  }
  const ids = [...r.conversations, ...demoConversations.map((c) => c.id)].slice(0, 20).join(',');
  return {
    kind: 'read: statuses',
    method: 'GET',
    path: `/api/reviews/statuses?conversationIds=${ids}`,
    body: undefined,
    remember: () => {},
  };
}

/** A reviewer on loopback: their name cookie, signed with the server's secret, and five conversations of their own. */
export function newReviewer(secret: Buffer, number: number): Reviewer {
  return {
    cookie: `${LOCAL_NAME_COOKIE}=${localNameCookie(secret, { subject: randomUUID(), name: `Reviewer ${number}`, email: null })}`,
    conversations: Array.from({ length: 5 }, () => ttid(ID_PREFIXES.conversation, randomUUID())),
    lastNote: null,
    verdicts: new Map(),
    statuses: new Map(),
    turn: 0,
  };
}
