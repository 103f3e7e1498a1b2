import { describe, expect, it } from 'vitest';
import type { Communication, Conversation, Participant } from '../../api/conversation';
import { buildDirectory, UNKNOWN_NAME } from '../../lib/participant-directory';
import { buildTimeline, GROUP_BREAK_MS, type DayItem, type MessageItem, type TimelineItem } from './timeline-model';

/** A valid-looking 26-character TTID suffix that encodes `n`, so every ID in a test is distinct. */
const suffix = (n: number) => `0${String(n).padStart(25, '0')}`;
const participantId = (n: number) => `conv_participant_${suffix(n)}`;
let communicationCounter = 0;

function person(n: number, name: string | null, type: string | null): Participant {
  return { id: participantId(n), name, type, addressValues: [] };
}

function message(who: Participant | string, createdAt: string, text = `said at ${createdAt}`): Communication {
  communicationCounter += 1;
  return {
    id: `conv_communication_${suffix(communicationCounter)}`,
    participantId: typeof who === 'string' ? who : who.id,
    content: { text },
    createdAt,
  };
}

function conversationOf(participants: Participant[], communications: Communication[]): Conversation {
  return {
    id: `conv_conversation_${suffix(1)}`,
    name: 'Hand-made',
    status: 'CLOSED',
    createdAt: communications[0]?.createdAt ?? '2026-01-01T00:00:00Z',
    updatedAt: communications.at(-1)?.createdAt ?? '2026-01-01T00:00:00Z',
    intelligenceConfigurationIds: [],
    channels: ['CHAT'],
    channelIds: [],
    participants,
    communications,
    operatorResultIds: [],
  };
}

function timelineOf(conversation: Conversation): TimelineItem[] {
  return buildTimeline(conversation, buildDirectory(conversation));
}

const messagesOf = (items: TimelineItem[]) => items.filter((item): item is MessageItem => item.kind === 'message');
const daysOf = (items: TimelineItem[]) => items.filter((item): item is DayItem => item.kind === 'day');
/** "D" for a day divider, "G" for a gap marker, and for a message "<text>" with its group flags: [ = first, ] = last. */
const shape = (items: TimelineItem[]) =>
  items.map((item) =>
    item.kind === 'day'
      ? 'D'
      : item.kind === 'gap'
        ? 'G'
        : `${item.firstInGroup ? '[' : ''}${item.communication.content.text ?? ''}${item.lastInGroup ? ']' : ''}`,
  );

const customer = person(1, 'Ada Customer', 'CUSTOMER');
const agent = person(2, 'Ben Agent', 'HUMAN_AGENT');

describe('buildTimeline', () => {
  it('returns nothing for a conversation without communications', () => {
    expect(timelineOf(conversationOf([customer], []))).toEqual([]);
  });

  it('starts with a day divider and adds one whenever the UTC day changes', () => {
    const items = timelineOf(
      conversationOf(
        [customer, agent],
        [
          message(customer, '2026-03-09T23:58:00Z', 'a'),
          message(agent, '2026-03-09T23:59:30Z', 'b'),
          message(customer, '2026-03-10T00:00:10Z', 'c'),
          message(agent, '2026-03-10T18:00:00Z', 'd'),
          message(customer, '2026-03-12T08:00:00Z', 'e'),
        ],
      ),
    );
    expect(items[0]?.kind).toBe('day');
    expect(
      items.map((item) => (item.kind === 'day' ? 'D' : item.kind === 'gap' ? 'G' : item.communication.content.text)),
    ).toEqual(['D', 'a', 'b', 'D', 'c', 'G', 'd', 'G', 'D', 'e']);
    const days = daysOf(items);
    expect(days.map((day) => day.key)).toEqual(['day-2026-03-09', 'day-2026-03-10', 'day-2026-03-12']);
    expect(days.map((day) => day.at)).toEqual(['2026-03-09T23:58:00Z', '2026-03-10T00:00:10Z', '2026-03-12T08:00:00Z']);
    for (const day of days) expect(day.label).not.toBe('');
    // Keys are unique, so React can use them as they are.
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
  });

  it('groups consecutive messages of one participant and breaks the group on another speaker', () => {
    const items = timelineOf(
      conversationOf(
        [customer, agent],
        [
          message(customer, '2026-03-09T10:00:00Z', 'c1'),
          message(customer, '2026-03-09T10:00:20Z', 'c2'),
          message(customer, '2026-03-09T10:01:00Z', 'c3'),
          message(agent, '2026-03-09T10:01:30Z', 'a1'),
          message(customer, '2026-03-09T10:02:00Z', 'c4'),
          message(customer, '2026-03-09T10:02:05Z', 'c5'),
        ],
      ),
    );
    expect(shape(items)).toEqual(['D', '[c1', 'c2', 'c3]', '[a1]', '[c4', 'c5]']);
  });

  it('breaks a group when the day changes, even for the same speaker a second later', () => {
    const items = timelineOf(
      conversationOf(
        [customer],
        [message(customer, '2026-03-09T23:59:59Z', 'before'), message(customer, '2026-03-10T00:00:00Z', 'after')],
      ),
    );
    expect(shape(items)).toEqual(['D', '[before]', 'D', '[after]']);
  });

  it('breaks a group after more than 5 minutes of silence, not at exactly 5 minutes', () => {
    expect(GROUP_BREAK_MS).toBe(5 * 60 * 1000);
    const items = timelineOf(
      conversationOf(
        [customer],
        [
          message(customer, '2026-03-09T10:00:00Z', 'm1'),
          message(customer, '2026-03-09T10:05:00Z', 'm2'), // exactly 5 min: same group
          message(customer, '2026-03-09T10:10:01Z', 'm3'), // 5 min 1 s: new group
          message(customer, '2026-03-09T10:11:00Z', 'm4'),
        ],
      ),
    );
    // The break is also marked: a gap marker stands before the new group.
    expect(shape(items)).toEqual(['D', '[m1', 'm2]', 'G', '[m3', 'm4]']);
  });

  it('marks a single message as both first and last of its group', () => {
    const [, only] = timelineOf(conversationOf([customer], [message(customer, '2026-03-09T10:00:00Z', 'alone')]));
    expect(only).toMatchObject({ kind: 'message', firstInGroup: true, lastInGroup: true, position: 1 });
  });

  it('numbers messages from 1 in time order and sorts out-of-order input stably', () => {
    const late = message(agent, '2026-03-09T10:05:00Z', 'late');
    const tieFirst = message(customer, '2026-03-09T10:01:00Z', 'tie-first');
    const early = message(customer, '2026-03-09T10:00:00Z', 'early');
    const tieSecond = message(agent, '2026-03-09T10:01:00.000Z', 'tie-second');
    const items = messagesOf(timelineOf(conversationOf([customer, agent], [late, tieFirst, early, tieSecond])));
    expect(items.map((item) => item.communication.content.text)).toEqual(['early', 'tie-first', 'tie-second', 'late']);
    expect(items.map((item) => item.position)).toEqual([1, 2, 3, 4]);
    expect(items.map((item) => item.key)).toEqual([early.id, tieFirst.id, tieSecond.id, late.id]);
  });

  it('keeps the API order for many equal timestamps', () => {
    const same = '2026-03-09T10:00:00Z';
    const input = Array.from({ length: 12 }, (_, i) => message(i % 2 === 0 ? customer : agent, same, `m${i}`));
    const items = messagesOf(timelineOf(conversationOf([customer, agent], input)));
    expect(items.map((item) => item.communication.content.text)).toEqual(input.map((c) => c.content.text));
  });

  it('gives each message the participant view from the directory, including unlisted ones', () => {
    const ghostId = participantId(99);
    const items = messagesOf(
      timelineOf(
        conversationOf(
          [customer],
          [message(customer, '2026-03-09T10:00:00Z', 'hi'), message(ghostId, '2026-03-09T10:00:30Z', 'boo')],
        ),
      ),
    );
    expect(items[0]?.participant).toMatchObject({ id: customer.id, name: 'Ada Customer', listed: true });
    expect(items[1]?.participant).toMatchObject({ id: ghostId, name: UNKNOWN_NAME, listed: false });
  });
});

describe('buildDirectory', () => {
  it('counts messages per participant, and zero for a silent one', () => {
    const silent = person(3, 'Quiet Observer', 'CUSTOMER');
    const directory = buildDirectory(
      conversationOf(
        [customer, agent, silent],
        [
          message(customer, '2026-03-09T10:00:00Z'),
          message(agent, '2026-03-09T10:00:10Z'),
          message(customer, '2026-03-09T10:00:20Z'),
        ],
      ),
    );
    expect(directory.participants.map((p) => [p.name, p.messageCount])).toEqual([
      ['Ada Customer', 2],
      ['Ben Agent', 1],
      ['Quiet Observer', 0],
    ]);
  });

  it('gives an unknown participantId an unlisted "Unknown participant" view with its message count', () => {
    const ghostId = participantId(42);
    const directory = buildDirectory(
      conversationOf(
        [customer],
        [
          message(ghostId, '2026-03-09T10:00:00Z'),
          message(customer, '2026-03-09T10:00:10Z'),
          message(ghostId, '2026-03-09T10:00:20Z'),
        ],
      ),
    );
    // Not added to the listed participants…
    expect(directory.participants.map((p) => p.id)).toEqual([customer.id]);
    // …but still resolvable, and marked as such.
    expect(directory.get(ghostId)).toMatchObject({
      id: ghostId,
      name: 'Unknown participant',
      hasName: false,
      listed: false,
      type: null,
      typeLabel: 'Not on this conversation',
      side: 'start',
      initials: '?',
      messageCount: 2,
    });
    expect(directory.get(customer.id).listed).toBe(true);
  });

  it('names a participant without a name "Unknown participant"', () => {
    const directory = buildDirectory(
      conversationOf([person(1, null, 'CUSTOMER'), person(2, '   ', 'CUSTOMER'), person(3, 'Named', 'CUSTOMER')], []),
    );
    expect(directory.participants.map((p) => [p.name, p.hasName])).toEqual([
      ['Unknown participant', false],
      ['Unknown participant', false],
      ['Named', true],
    ]);
    expect(directory.participants[0]?.initials).toBe('?');
  });

  it('labels participant types, keeping an unknown type as it is', () => {
    const types: Array<[string | null, string]> = [
      ['CUSTOMER', 'Customer'],
      ['AI_AGENT', 'AI agent'],
      ['HUMAN_AGENT', 'Human agent'],
      ['AGENT', 'Agent'],
      ['UNKNOWN', 'Unknown type'],
      [null, 'No type'],
      ['SUPERVISOR_BOT', 'SUPERVISOR_BOT'],
    ];
    const directory = buildDirectory(
      conversationOf(
        types.map(([type], i) => person(i + 1, `P${i}`, type)),
        [],
      ),
    );
    expect(directory.participants.map((p) => [p.type, p.typeLabel])).toEqual(types);
  });

  it('puts agents on the end side and customers and everyone else on the start side', () => {
    const types = ['HUMAN_AGENT', 'AI_AGENT', 'AGENT', 'CUSTOMER', 'UNKNOWN', 'SUPERVISOR_BOT', null];
    const directory = buildDirectory(
      conversationOf(
        types.map((type, i) => person(i + 1, `P${i}`, type)),
        [],
      ),
    );
    expect(directory.participants.map((p) => p.side)).toEqual(['end', 'end', 'end', 'start', 'start', 'start', 'start']);
  });

  it('gives each participant the colour of its index, the same every time', () => {
    const people = Array.from({ length: 10 }, (_, i) => person(i + 1, `Person ${i}`, 'CUSTOMER'));
    const first = buildDirectory(conversationOf(people, []));
    const again = buildDirectory(conversationOf(people, [message(people[3]!, '2026-03-09T10:00:00Z')]));
    expect(again.participants.map((p) => p.colour)).toEqual(first.participants.map((p) => p.colour));
    const colours = first.participants.map((p) => p.colour.avatar);
    // Eight distinct colours, then the palette repeats.
    expect(new Set(colours.slice(0, 8)).size).toBe(8);
    expect(colours[8]).toBe(colours[0]);
    expect(colours[9]).toBe(colours[1]);
    // The same participant keeps its colour in the timeline and in the directory.
    const timeline = messagesOf(timelineOf(conversationOf(people, [message(people[2]!, '2026-03-09T10:00:00Z')])));
    expect(timeline[0]?.participant.colour).toEqual(first.participants[2]?.colour);
  });
});
