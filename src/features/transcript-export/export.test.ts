import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { Communication, Conversation } from '../../api/conversation';
import { communications, conversation, participant, timed } from '../../mocks/fixtures/builders';
import { aiHandoff, seedConversation, smsThread, unusualData, whatsappOrder } from '../../mocks/fixtures/conversations';
import { ttid } from '../../mocks/fixtures/ttid';
import {
  CSV_HEADER,
  exportCsv,
  exportFileName,
  exportJson,
  exportMarkdown,
  exportPlainText,
  neutraliseFormula,
  type ExportOptions,
} from './export';

const digits = (text: string) => text.replace(/\d/g, '#');
const fixtures = { seedConversation, aiHandoff, smsThread, unusualData, whatsappOrder };

/** Reads a CSV back as RFC 4180 with CRLF records only: a bare LF between records would merge them. */
function parseCsv(csv: string): Array<Record<string, string>> {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...CSV_HEADER]);
  return parsed.data;
}

/** The lines of a section of a TXT/MD export, from its heading to the next blank line before a heading. */
function section(text: string, heading: string, next: string): string[] {
  const start = text.indexOf(`${heading}\n`);
  const end = text.indexOf(`\n${next}`, start);
  expect(start).toBeGreaterThanOrEqual(0);
  return text
    .slice(start + heading.length + 1, end === -1 ? undefined : end)
    .split('\n')
    .filter((line) => line !== '');
}

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});
/** Node re-reads TZ when it is assigned, so the runtime's "local" zone can be changed for one test. */
function inZone<T>(zone: string, run: () => T): T {
  process.env.TZ = zone;
  try {
    return run();
  } finally {
    process.env.TZ = originalTz;
  }
}

const ghostlyId = ttid('conv_participant_', 'export-hostile-mallory');
const mallory = participant('export-hostile-mallory', "=cmd|' /C calc'!A0", 'CUSTOMER', ['+441234567890']);
const agent = participant('export-hostile-agent', 'Ann "The Agent", Jr.', 'HUMAN_AGENT', ['ann@example.com']);
const HOSTILE_MARKDOWN =
  '# Heading [link](javascript:x) <img src=x onerror=alert(1)> | table | `code` *bold* _em_ ~~s~~ &amp; \\';
const hostileTexts = [
  'Hello, "world"',
  'line one\nline two\r\nline three',
  'emoji 🎉👍🏽 and accents: é ü ñ — 中文',
  '=HYPERLINK("http://evil.example","click")',
  '+1 555 0100',
  '-2+3',
  '@SUM(A1:A2)',
  '\tleading tab',
  '\rleading carriage return',
  HOSTILE_MARKDOWN,
  'ok\n# Heading\n- item\n1. numbered\n> quote\n---\n===\n```js\n<script>alert(1)</script>\n| a | b |\n|---|---|',
];
const hostile: Conversation = conversation({
  id: ttid('conv_conversation_', 'export-hostile'),
  name: 'Hostile <b>name</b> # [x](y)',
  status: 'CLOSED',
  createdAt: '2026-02-01T09:00:00Z',
  updatedAt: '2026-02-01T09:10:00Z',
  channels: ['CHAT'],
  channelIds: [],
  participants: [mallory, agent],
  communications: communications(
    'export-hostile',
    timed(
      '2026-02-01T09:00:00Z',
      hostileTexts.map((text, index): [typeof mallory, number, string] => [index % 2 === 0 ? mallory : agent, 10, text]),
    ),
  ),
  operatorResultIds: [],
});

describe('exportFileName', () => {
  it('names the file by conversation ID and format', () => {
    const id = seedConversation.id;
    expect(exportFileName(id, 'txt')).toBe(`conversation-${id}.txt`);
    expect(exportFileName(id, 'md')).toBe(`conversation-${id}.md`);
    expect(exportFileName(id, 'csv')).toBe(`conversation-${id}.csv`);
    expect(exportFileName(id, 'json')).toBe(`conversation-${id}.json`);
  });

  it('replaces characters that are not safe in a file name', () => {
    expect(exportFileName('../a b/c:d', 'csv')).toBe('conversation-___a_b_c_d.csv');
    expect(exportFileName('', 'md')).toBe('conversation-unknown.md');
  });
});

describe('exportPlainText', () => {
  it('writes the seed conversation as readable lines', () => {
    expect(exportPlainText({ conversation: seedConversation, timeZone: 'UTC', link: 'https://example.test/c/1' })).toBe(
      [
        'Customer Support Call - Order #12345',
        'Conversation ID: conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2',
        'Status: CLOSED',
        'Channels: VOICE',
        'Started: 2026-01-15 10:30:00',
        'Last updated: 2026-01-15 10:45:30',
        'Times in UTC',
        'Messages: 3 (none left out by filters)',
        'Link: https://example.test/c/1',
        '',
        'Participants:',
        '- John Customer (Customer): +15551234567',
        '- Sarah Agent (Human agent): agent-sarah@example.com',
        '',
        'Operator results:',
        '- intelligence_operatorresult_01k6fc25s7epm9qtk8rszbv3q5',
        '- intelligence_operatorresult_01k6fc25s7epm9qtk8rszbv3q6',
        '',
        'Transcript:',
        '--- 2026-01-15 (Thursday) ---',
        '[10:30:15] Sarah Agent (Human agent): Thank you for calling customer support. How can I help you today?',
        '[10:30:30] John Customer (Customer): Hi, I need help tracking my order #12345.',
        "[10:30:45] Sarah Agent (Human agent): I'd be happy to help you with that. Let me look up your order.",
        '',
      ].join('\n'),
    );
  });

  it('writes the date before the first message and again when the day changes (smsThread spans two days)', () => {
    const transcript = section(exportPlainText({ conversation: smsThread, timeZone: 'UTC' }), 'Transcript:', '\u0000');
    expect(transcript.filter((line) => line.startsWith('---'))).toEqual([
      '--- 2026-03-09 (Monday) ---',
      '--- 2026-03-10 (Tuesday) ---',
    ]);
    expect(transcript).toHaveLength(smsThread.communications.length + 2);
    expect(transcript[0]).toBe('--- 2026-03-09 (Monday) ---');
    expect(transcript[1]).toBe(
      '[21:48:15] Maria Gonzalez (Customer): Hi, I need to move my dental cleaning on Thursday. Is anything free next week?',
    );
    expect(transcript[2]).toBe('[21:48:56] Maria Gonzalez (Customer): Mornings work best for me.');
    expect(transcript[3]).toBe('--- 2026-03-10 (Tuesday) ---');
    expect(transcript[4]).toMatch(/^\[08:28:56\] Devon Park \(Human agent\): Good morning Maria!/);
    expect(transcript.at(-1)).toBe('[09:07:55] Devon Park (Human agent): Confirmed. See you on the 18th!');
  });

  it('names an untitled conversation, an unknown participant and a communication without text (unusualData)', () => {
    const text = exportPlainText({ conversation: unusualData, timeZone: 'UTC' });
    expect(text.split('\n')[0]).toBe('Untitled conversation');
    expect(text).toContain(`Conversation ID: ${unusualData.id}`);
    expect(section(text, 'Operator results:', '\n')).toEqual(['- none']);
    expect(section(text, 'Participants:', '\n')).toEqual([
      '- Alex Kim (Customer): alex.kim@example.org',
      '- Unknown participant (No type)',
      '- Routing bot (SUPERVISOR_BOT): system:router',
      '- Unknown participant (Not on this conversation)',
    ]);
    expect(section(text, 'Transcript:', '\u0000')).toEqual([
      '--- 2026-07-30 (Thursday) ---',
      '[12:00:00] Routing bot (SUPERVISOR_BOT): Routing to the next available queue.',
      '[12:00:30] Alex Kim (Customer): Hello? I wrote yesterday about my invoice.',
      '[12:01:15] Unknown participant (No type): Forwarded from the shared inbox; the sender was not matched.',
      '[12:02:15] Unknown participant (Not on this conversation): This message belongs to a participant that is not on the conversation.',
      '[12:03:45] Alex Kim (Customer): (no text)',
      '[12:07:45] Alex Kim (Customer): Never mind, I found it. Thanks.',
    ]);
  });

  it('indents further lines of a message so they cannot pose as another speaker', () => {
    const text = exportPlainText({ conversation: hostile, timeZone: 'UTC' });
    expect(text).toContain('[09:00:20] Ann "The Agent", Jr. (Human agent): line one\n    line two\n    line three\n');
    const transcript = section(text, 'Transcript:', '\u0000');
    expect(transcript.filter((line) => /^\[\d\d:\d\d:\d\d\] /.test(line))).toHaveLength(hostile.communications.length);
    expect(transcript.every((line) => /^(\[\d\d:\d\d:\d\d\] |--- | {4})/.test(line))).toBe(true);
  });

  it('writes messages in time order whatever order the API gave', () => {
    const [first, second, third] = seedConversation.communications as [Communication, Communication, Communication];
    const shuffled = { ...seedConversation, communications: [third, first, second] };
    const lines = section(exportPlainText({ conversation: shuffled, timeZone: 'UTC' }), 'Transcript:', '\u0000');
    expect(lines.slice(1).map((line) => line.slice(0, 10))).toEqual(['[10:30:15]', '[10:30:30]', '[10:30:45]']);
  });

  it('leaves the link out when none is given', () => {
    expect(exportPlainText({ conversation: seedConversation, timeZone: 'UTC' })).not.toContain('Link:');
  });
});

describe('exportMarkdown', () => {
  it('writes a title, metadata, participants, transcript and operator results for the seed conversation', () => {
    const md = exportMarkdown({ conversation: seedConversation, timeZone: 'UTC', link: 'https://example.test/c/1?tz=utc' });
    expect(md).toBe(
      [
        '# Customer Support Call - Order \\#12345',
        '',
        '- **Conversation ID:** `conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2`',
        '- **Status:** CLOSED',
        '- **Channels:** VOICE',
        '- **Started:** 2026-01-15 10:30:00',
        '- **Last updated:** 2026-01-15 10:45:30',
        '- Times in UTC',
        '- **Messages:** 3 (none left out by filters)',
        '- **Link:** [https://example.test/c/1?tz=utc](<https://example.test/c/1?tz=utc>)',
        '',
        '## Participants',
        '',
        '- **John Customer** (Customer) — +15551234567 `conv_participant_01k1etx3jbfx88476ccja0889c`',
        '- **Sarah Agent** (Human agent) — agent-sarah@example.com `conv_participant_01k1etx3jbfx88476ccja0889d`',
        '',
        '## Transcript',
        '',
        '### 2026-01-15 (Thursday)',
        '',
        '- `10:30:15` **Sarah Agent** (Human agent): Thank you for calling customer support. How can I help you today?',
        '- `10:30:30` **John Customer** (Customer): Hi, I need help tracking my order \\#12345.',
        "- `10:30:45` **Sarah Agent** (Human agent): I'd be happy to help you with that. Let me look up your order.",
        '',
        '## Operator results',
        '',
        '- `intelligence_operatorresult_01k6fc25s7epm9qtk8rszbv3q5`',
        '- `intelligence_operatorresult_01k6fc25s7epm9qtk8rszbv3q6`',
        '',
      ].join('\n'),
    );
  });

  it('escapes a hostile message so it cannot inject headings, links, HTML or tables', () => {
    const md = exportMarkdown({ conversation: hostile, timeZone: 'UTC' });
    expect(md).toContain(
      '**Ann "The Agent", Jr.** (Human agent): ' +
        '\\# Heading \\[link\\](javascript:x) \\<img src=x onerror=alert(1)\\> \\| table \\| \\`code\\` \\*bold\\* \\_em\\_ \\~\\~s\\~\\~ \\&amp; \\\\\n',
    );
    expect(md).toContain('# Hostile \\<b\\>name\\</b\\> \\# \\[x\\](y)\n');
    // Every unescaped "<", "[", "|", "#" or backtick in the output is ours, never the user's.
    for (const line of md.split('\n')) {
      expect(line).not.toMatch(/(^|[^\\])(\\\\)*<(img|script|b)/);
      expect(line).not.toMatch(/(^|[^\\])(\\\\)*\[(link|x)\]/);
    }
  });

  it('keeps a multi-line message inside its list item and escapes markers at the start of its lines', () => {
    const md = exportMarkdown({ conversation: hostile, timeZone: 'UTC' });
    expect(md).toContain(
      [
        ': ok\\',
        '  \\# Heading\\',
        '  \\- item\\',
        '  1\\. numbered\\',
        '  \\> quote\\',
        '  \\---\\',
        '  \\===\\',
        '  \\`\\`\\`js\\',
        '  \\<script\\>alert(1)\\</script\\>\\',
        '  \\| a \\| b \\|\\',
        '  \\|---\\|---\\|\n',
      ].join('\n'),
    );
    expect(md).toContain(': line one\\\n  line two\\\n  line three\n');
    const transcript = section(md, '## Transcript', '## Operator results');
    // Only our own headings start with "#"; every other line is a list item or its indented continuation.
    expect(transcript.filter((line) => line.startsWith('#'))).toEqual(['### 2026-02-01 (Sunday)']);
    expect(transcript.slice(1).every((line) => line.startsWith('- `') || line.startsWith('  '))).toBe(true);
    expect(transcript.filter((line) => line.startsWith('- `'))).toHaveLength(hostile.communications.length);
  });

  it('writes an explicit marker for a communication without text and names unknown participants', () => {
    const md = exportMarkdown({ conversation: unusualData, timeZone: 'UTC' });
    expect(md.startsWith('# Untitled conversation\n')).toBe(true);
    expect(md).toContain('- `12:03:45` **Alex Kim** (Customer): _(no text)_\n');
    expect(md).toContain(
      '- `12:02:15` **Unknown participant** (Not on this conversation): This message belongs to a participant that is not on the conversation.\n',
    );
    expect(md).toContain('**Routing bot** (SUPERVISOR\\_BOT)');
    expect(md).toContain('## Operator results\n\nNone.\n');
  });

  it('starts a new day heading when the day changes', () => {
    const md = exportMarkdown({ conversation: smsThread, timeZone: 'UTC' });
    expect(md.match(/^### .*$/gm)).toEqual(['### 2026-03-09 (Monday)', '### 2026-03-10 (Tuesday)']);
  });

  it('percent-encodes characters that would end the link destination', () => {
    const md = exportMarkdown({ conversation: seedConversation, timeZone: 'UTC', link: 'https://x.test/a b>c' });
    expect(md).toContain('- **Link:** [https://x.test/a b\\>c](<https://x.test/a%20b%3Ec>)\n');
  });
});

describe('exportCsv', () => {
  it('writes an RFC 4180 header and one CRLF-terminated row per message', () => {
    const csv = exportCsv({ conversation: seedConversation, timeZone: 'UTC' });
    expect(csv).toBe(
      [
        'time,participant,type,text,participant_id,communication_id',
        '2026-01-15T10:30:15Z,Sarah Agent,Human agent,Thank you for calling customer support. How can I help you today?,conv_participant_01k1etx3jbfx88476ccja0889d,conv_communication_01k1etk2y5f1y9fpe2epfdtvv2',
        '2026-01-15T10:30:30Z,John Customer,Customer,"Hi, I need help tracking my order #12345.",conv_participant_01k1etx3jbfx88476ccja0889c,conv_communication_01k1etk2y5f1y9fpe2epfdtvv3',
        "2026-01-15T10:30:45Z,Sarah Agent,Human agent,I'd be happy to help you with that. Let me look up your order.,conv_participant_01k1etx3jbfx88476ccja0889d,conv_communication_01k1etk2y5f1y9fpe2epfdtvv9",
        '',
      ].join('\r\n'),
    );
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it.each(Object.entries(fixtures))('reads back %s with papaparse: one row per message, in time order', (_, fixture) => {
    const rows = parseCsv(exportCsv({ conversation: fixture, timeZone: 'UTC' }));
    expect(rows).toHaveLength(fixture.communications.length);
    const times = rows.map((row) => Date.parse(row.time!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(rows.every((row) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(row.time!))).toBe(true);
  });

  it('keeps quotes, commas, newlines and emoji through a parser', () => {
    const rows = parseCsv(exportCsv({ conversation: hostile, timeZone: 'UTC' }));
    expect(rows).toHaveLength(hostile.communications.length);
    expect(rows[0]!.text).toBe('Hello, "world"');
    expect(rows[1]!.text).toBe('line one\nline two\r\nline three');
    expect(rows[1]!.participant).toBe('Ann "The Agent", Jr.');
    expect(rows[2]!.text).toBe('emoji 🎉👍🏽 and accents: é ü ñ — 中文');
    expect(rows[9]!.text).toBe(HOSTILE_MARKDOWN);
    expect(rows.map((row) => row.communication_id)).toEqual(hostile.communications.map((c) => c.id));
  });

  it("neutralises cells that a spreadsheet would run as a formula with a leading '", () => {
    const rows = parseCsv(exportCsv({ conversation: hostile, timeZone: 'UTC' }));
    expect(rows[3]!.text).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(rows[4]!.text).toBe("'+1 555 0100");
    expect(rows[5]!.text).toBe("'-2+3");
    expect(rows[6]!.text).toBe("'@SUM(A1:A2)");
    expect(rows[7]!.text).toBe("'\tleading tab");
    expect(rows[8]!.text).toBe("'\rleading carriage return");
    expect(rows[0]!.participant).toBe("'=cmd|' /C calc'!A0");
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula('1+1')).toBe('1+1');
  });

  it('leaves the text cell empty for a communication without text and names unknown participants', () => {
    const rows = parseCsv(exportCsv({ conversation: unusualData, timeZone: 'UTC' }));
    expect(rows[4]).toMatchObject({ time: '2026-07-30T12:03:45Z', participant: 'Alex Kim', type: 'Customer', text: '' });
    expect(rows[3]).toMatchObject({ participant: 'Unknown participant', type: 'Not on this conversation' });
    expect(rows[2]).toMatchObject({ participant: 'Unknown participant', type: 'No type' });
  });

  it('writes times with an explicit offset in the local zone', () => {
    // TZ=UTC in tests: local times carry "+00:00", UTC times "Z".
    const local = parseCsv(exportCsv({ conversation: seedConversation, timeZone: 'local' }));
    expect(local[0]!.time).toBe('2026-01-15T10:30:15+00:00');
    const newYork = inZone('America/New_York', () => parseCsv(exportCsv({ conversation: seedConversation, timeZone: 'local' })));
    expect(newYork.map((row) => row.time)).toEqual([
      '2026-01-15T05:30:15-05:00',
      '2026-01-15T05:30:30-05:00',
      '2026-01-15T05:30:45-05:00',
    ]);
    for (const [index, row] of newYork.entries()) {
      expect(Date.parse(row.time!)).toBe(Date.parse(seedConversation.communications[index]!.createdAt));
    }
  });
});

describe('exportJson', () => {
  it.each(Object.entries(fixtures))('gives back %s unchanged when nothing is filtered or redacted', (_, fixture) => {
    const json = exportJson({ conversation: fixture, timeZone: 'UTC' });
    expect(json).toBe(JSON.stringify(fixture, null, 2));
    expect(JSON.parse(json)).toEqual(fixture);
  });

  it('keeps fields this app does not know', () => {
    const extended = {
      ...seedConversation,
      futureField: { nested: [1, 2] },
      participants: seedConversation.participants.map((p) => ({ ...p, metadata: { crm: 'x' } })),
      communications: seedConversation.communications.map((c) => ({ ...c, content: { ...c.content, lang: 'en' } })),
    } as Conversation;
    expect(JSON.parse(exportJson({ conversation: extended, timeZone: 'UTC' }))).toEqual(extended);
    const filtered = JSON.parse(
      exportJson({ conversation: extended, timeZone: 'UTC', hiddenParticipantIds: new Set(), redact: digits }),
    ) as Record<string, unknown>;
    expect(filtered.futureField).toEqual({ nested: [1, 2] });
  });

  it('keeps only the visible communications when participants are hidden', () => {
    const ava = aiHandoff.participants[1]!;
    const parsed = JSON.parse(
      exportJson({ conversation: aiHandoff, timeZone: 'UTC', hiddenParticipantIds: new Set([ava.id]) }),
    ) as Conversation;
    expect(parsed.communications).toEqual(aiHandoff.communications.filter((c) => c.participantId !== ava.id));
    expect(parsed.communications).toHaveLength(7);
    expect({ ...parsed, communications: [] }).toEqual({ ...aiHandoff, communications: [] });
  });

  it('redacts the name, participant names and addresses and every message text, nothing else', () => {
    const parsed = JSON.parse(exportJson({ conversation: seedConversation, timeZone: 'UTC', redact: digits })) as Conversation;
    expect(parsed.name).toBe('Customer Support Call - Order ######');
    expect(parsed.participants.map((p) => p.addressValues)).toEqual([['+###########'], ['agent-sarah@example.com']]);
    expect(parsed.communications[1]!.content.text).toBe('Hi, I need help tracking my order ######.');
    // IDs, timestamps and the rest are the API's.
    expect(parsed.id).toBe(seedConversation.id);
    expect(parsed.communications.map((c) => [c.id, c.participantId, c.createdAt])).toEqual(
      seedConversation.communications.map((c) => [c.id, c.participantId, c.createdAt]),
    );
    expect(parsed.operatorResultIds).toEqual(seedConversation.operatorResultIds);
    expect(parsed.accountId).toBe(seedConversation.accountId);
  });

  it('keeps null names and missing texts as they are when redacting', () => {
    const parsed = JSON.parse(exportJson({ conversation: unusualData, timeZone: 'UTC', redact: () => 'X' })) as Conversation;
    expect(parsed.name).toBeNull();
    expect(parsed.participants[1]!.name).toBeNull();
    expect(parsed.communications[4]!.content).toEqual({});
    expect(parsed.communications[0]!.content.text).toBe('X');
  });
});

describe('filters', () => {
  const ava = aiHandoff.participants[1]!;
  const options: ExportOptions = { conversation: aiHandoff, timeZone: 'UTC', hiddenParticipantIds: new Set([ava.id]) };

  it('says in the TXT and Markdown header how many messages were left out', () => {
    const text = exportPlainText(options);
    expect(text).toContain('Messages: 7 shown, 3 left out by filters\nHidden participants: Ava (virtual agent)\n');
    expect(text).toContain('- Ava (virtual agent) (AI agent): chat:bot-ava [hidden]\n');
    const md = exportMarkdown(options);
    expect(md).toContain('- **Messages:** 7 shown, 3 left out by filters\n- **Hidden participants:** Ava (virtual agent)\n');
    expect(md).toContain('_(hidden)_');
  });

  it('leaves the hidden participant out of every transcript', () => {
    const text = section(exportPlainText(options), 'Transcript:', '\u0000');
    expect(text.filter((line) => line.startsWith('['))).toHaveLength(7);
    expect(text.some((line) => line.includes('(AI agent):'))).toBe(false);
    const md = section(exportMarkdown(options), '## Transcript', '## Operator results');
    expect(md.filter((line) => line.startsWith('- `'))).toHaveLength(7);
    expect(md.some((line) => line.includes('**Ava (virtual agent)**'))).toBe(false);
    const rows = parseCsv(exportCsv(options));
    expect(rows).toHaveLength(7);
    expect(rows.some((row) => row.participant_id === ava.id)).toBe(false);
  });

  it('counts messages of a hidden participant that the conversation does not list', () => {
    const text = exportPlainText({ conversation: unusualData, timeZone: 'UTC', hiddenParticipantIds: new Set([ghostlyGhost()]) });
    expect(text).toContain('Messages: 5 shown, 1 left out by filters\nHidden participants: Unknown participant\n');
    expect(text).not.toContain('Unknown participant (Not on this conversation)');
  });

  it('says that nothing was left out when the hidden participants sent nothing', () => {
    const text = exportPlainText({ ...options, hiddenParticipantIds: new Set([ghostlyId]) });
    expect(text).toContain('Messages: 10 (none left out by filters)\n');
    expect(text).not.toContain('Hidden participants');
  });
});

/** The participant ID that unusualData's communications use but its participants do not list. */
function ghostlyGhost(): string {
  const listed = new Set(unusualData.participants.map((p) => p.id));
  return unusualData.communications.find((c) => !listed.has(c.participantId))!.participantId;
}

describe('redaction', () => {
  const options: ExportOptions = { conversation: smsThread, timeZone: 'UTC', redact: digits };

  it('applies to names, addresses and message texts in TXT, but not to IDs or times', () => {
    const text = exportPlainText({ ...options, conversation: seedConversation });
    expect(text.split('\n')[0]).toBe('Customer Support Call - Order ######');
    expect(text).toContain('- John Customer (Customer): +###########\n');
    expect(text).toContain('[10:30:30] John Customer (Customer): Hi, I need help tracking my order ######.\n');
    expect(text).toContain(`Conversation ID: ${seedConversation.id}\n`);
    expect(text).toContain('- intelligence_operatorresult_01k6fc25s7epm9qtk8rszbv3q5\n');
  });

  it('applies in Markdown and CSV too', () => {
    const md = exportMarkdown(options);
    expect(md).toContain('Tuesday at \\#:\\#\\# or Wednesday at \\#:\\#\\# are open.');
    expect(md).toContain('(Customer) — +\\#\\#\\#\\#\\#\\#\\#\\#\\#\\#\\# `');
    expect(md).not.toMatch(/8:45|555/);
    const rows = parseCsv(exportCsv(options));
    expect(rows[2]!.text).toContain('Tuesday at #:## or Wednesday at #:## are open.');
    expect(rows.every((row) => !/\d/.test(row.text!))).toBe(true);
    expect(rows[0]!.time).toBe('2026-03-09T21:48:15Z');
  });

  it('redacts participant names, including the names of hidden participants in the header', () => {
    const initials = (text: string) => text.replace(/\b(\w)\w*/g, '$1.');
    const maria = smsThread.participants[0]!;
    const text = exportPlainText({ ...options, redact: initials, hiddenParticipantIds: new Set([maria.id]) });
    expect(text).toContain('Hidden participants: M. G.\n');
    expect(text).not.toMatch(/Maria|Gonzalez|Devon|Park/);
    expect(text).toContain('[08:28:56] D. P. (Human agent): G. m. M.! T. i. D. f. B. S. D.');
  });

  it('does not change the conversation it is given', () => {
    const before = structuredClone(smsThread);
    exportPlainText(options);
    exportMarkdown(options);
    exportCsv(options);
    exportJson({ ...options, hiddenParticipantIds: new Set([smsThread.participants[0]!.id]) });
    expect(smsThread).toEqual(before);
  });
});

describe('time zones', () => {
  it('names UTC and writes UTC times when asked for UTC, whatever the runtime zone', () => {
    const text = inZone('America/New_York', () => exportPlainText({ conversation: seedConversation, timeZone: 'UTC' }));
    expect(text).toContain('\nTimes in UTC\n');
    expect(text).toContain('[10:30:15] Sarah Agent');
    const csv = inZone('America/New_York', () => exportCsv({ conversation: seedConversation, timeZone: 'UTC' }));
    expect(csv).toContain('\r\n2026-01-15T10:30:15Z,');
  });

  it("names the runtime's zone for 'local' (UTC in tests)", () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(zone).toBe('UTC');
    expect(exportPlainText({ conversation: seedConversation, timeZone: 'local' })).toContain('\nTimes in UTC\n');
    expect(exportMarkdown({ conversation: seedConversation, timeZone: 'local' })).toContain('\n- Times in UTC\n');
  });

  it('names a local zone with its short name and writes local times', () => {
    const text = inZone('America/New_York', () => exportPlainText({ conversation: seedConversation, timeZone: 'local' }));
    expect(text).toContain('\nTimes in America/New_York (EST)\n');
    expect(text).toContain('Started: 2026-01-15 05:30:00\n');
    expect(text).toContain('[05:30:15] Sarah Agent (Human agent): Thank you');
    const md = inZone('America/New_York', () => exportMarkdown({ conversation: seedConversation, timeZone: 'local' }));
    expect(md).toContain('\n- Times in America/New_York (EST)\n');
    expect(md).toContain('- `05:30:15` **Sarah Agent**');
  });

  it('writes the local day change, which differs from the UTC one', () => {
    const text = inZone('America/Los_Angeles', () => exportPlainText({ conversation: smsThread, timeZone: 'local' }));
    expect(text.match(/^--- .*$/gm)).toEqual(['--- 2026-03-09 (Monday) ---', '--- 2026-03-10 (Tuesday) ---']);
    expect(text).toContain('[14:48:15] Maria Gonzalez');
    expect(
      inZone('Asia/Tokyo', () => exportPlainText({ conversation: smsThread, timeZone: 'local' })).match(/^--- .*$/gm),
    ).toEqual(['--- 2026-03-10 (Tuesday) ---']);
  });

  it('names both short names and marks each time when a conversation crosses a daylight-saving change', () => {
    const caller = participant('export-dst-caller', 'Night Owl', 'CUSTOMER', []);
    const dst = conversation({
      id: ttid('conv_conversation_', 'export-dst'),
      name: 'Across the clock change',
      status: 'CLOSED',
      createdAt: '2026-03-08T06:30:00Z',
      updatedAt: '2026-03-08T07:30:00Z',
      channels: ['CHAT'],
      channelIds: [],
      participants: [caller],
      communications: communications(
        'export-dst',
        timed('2026-03-08T06:30:00Z', [
          [caller, 0, 'before'],
          [caller, 3600, 'after'],
        ]),
      ),
      operatorResultIds: [],
    });
    const text = inZone('America/New_York', () => exportPlainText({ conversation: dst, timeZone: 'local' }));
    expect(text).toContain('\nTimes in America/New_York (EST/EDT)\n');
    expect(text).toContain('[01:30:00 EST] Night Owl (Customer): before\n[03:30:00 EDT] Night Owl (Customer): after\n');
    const csv = inZone('America/New_York', () => exportCsv({ conversation: dst, timeZone: 'local' }));
    expect(parseCsv(csv).map((row) => row.time)).toEqual(['2026-03-08T01:30:00-05:00', '2026-03-08T03:30:00-04:00']);
  });
});
