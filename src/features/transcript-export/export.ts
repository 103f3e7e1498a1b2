/**
 * Turns a conversation into shareable text: plain text, Markdown, CSV and JSON.
 *
 * Every function here is pure: the same options give the same string (for a given runtime time zone
 * when `timeZone` is 'local'). Nothing is downloaded or written; the caller does that.
 *
 * Pipeline shared by every format:
 *   1. redact (when `redact` is given): the conversation name, participant names and addresses and
 *      every message text go through the caller's function; IDs, statuses and timestamps do not.
 *   2. filter: communications of `hiddenParticipantIds` are left out.
 *   3. write: transcript lines in time order (`chronological`), speakers from `buildDirectory`.
 *
 * Redaction only touches the fields named above. Fields the API may add later (kept as they are in
 * the JSON export) are not redacted.
 */
import type { Communication, Conversation } from '../../api/conversation';
import type { ConversationReviewAnswer } from '../../api/review-answers';
import { buildDirectory, type ParticipantDirectory, type ParticipantView } from '../../lib/participant-directory';
import { exportedReview, STATUS_WORDS, VERDICT_WORDS, type ExportedReview } from './review-export';
import { chronological } from '../../lib/chronological';
import { UNTITLED_CONVERSATION } from '../../lib/conversation-title';
import { localZoneId, zoneFormat, type Zone, type ZoneFormat } from '../../lib/time';
import { isTimestamp as isDate } from '../../api/timestamp';

export type ExportFormat = 'txt' | 'md' | 'csv' | 'json';

export type ExportOptions = {
  /** As the API returned it; fields this app does not know are kept in the JSON export. */
  conversation: Conversation;
  /** Communications of these participants are left out of every format. */
  hiddenParticipantIds?: ReadonlySet<string>;
  /** Applied to the conversation name, participant names, addresses and every message text. */
  redact?: (text: string) => string;
  /** How times are written; 'local' is the runtime's zone, named in the output. */
  timeZone: Zone;
  /** A deep link back to the conversation, included (TXT, Markdown) when given. */
  link?: string;
  /** The conversation's review: its notes and verdicts are included (JSON, Markdown, CSV) when given. */
  review?: ConversationReviewAnswer;
};

export const NO_TEXT = '(no text)';
export const CSV_HEADER = ['time', 'participant', 'type', 'text', 'participant_id', 'communication_id'] as const;
/** Added when the review is exported: a note's or verdict's ID, and the result a verdict is on. */
export const CSV_REVIEW_HEADER = ['review_id', 'result_id'] as const;

// ---------------------------------------------------------------------------------------------
// Preparation: redaction, filtering, time zone
// ---------------------------------------------------------------------------------------------

function redacted(conversation: Conversation, redact: (text: string) => string): Conversation {
  const maybe = <T extends string | null | undefined>(value: T): T => (typeof value === 'string' ? redact(value) : value) as T;
  return {
    ...conversation,
    name: maybe(conversation.name),
    participants: conversation.participants.map((participant) => ({
      ...participant,
      name: maybe(participant.name),
      addressValues: participant.addressValues.map(redact),
    })),
    communications: conversation.communications.map((communication) => ({
      ...communication,
      content: { ...communication.content, text: maybe(communication.content.text) },
    })),
  };
}

type Prepared = {
  /** Redacted, with only the visible communications. */
  conversation: Conversation;
  /** Built from the redacted conversation before filtering, so hidden speakers keep their names. */
  directory: ParticipantDirectory;
  /** Visible communications in time order. */
  messages: Communication[];
  hiddenCount: number;
  /** Participants whose communications were left out, in the conversation's order. */
  hiddenParticipants: ParticipantView[];
  zone: ExportZone;
  /** The review, when asked for: redacted and filtered as the messages are. */
  review: ExportedReview | null;
};

function prepare(o: ExportOptions): Prepared {
  const source = o.redact ? redacted(o.conversation, o.redact) : o.conversation;
  const directory = buildDirectory(source);
  const hidden = o.hiddenParticipantIds ?? new Set<string>();
  const visible = source.communications.filter((communication) => !hidden.has(communication.participantId));
  const conversation = visible.length === source.communications.length ? source : { ...source, communications: visible };
  const known = [...directory.participants.map((p) => p.id), ...source.communications.map((c) => c.participantId)];
  const hiddenParticipants = [...new Set(known)].filter((id) => hidden.has(id)).map((id) => directory.get(id));
  const messages = chronological(visible);
  const zone = exportZone(o.timeZone, [source.createdAt, source.updatedAt, ...messages.map((m) => m.createdAt)]);
  return {
    conversation,
    directory,
    messages,
    hiddenCount: source.communications.length - visible.length,
    hiddenParticipants,
    zone,
    review: o.review ? exportedReview(o.review, new Set(visible.map((m) => m.id)), o.redact) : null,
  };
}

/** How an export writes times: in forms that read the same in every language, in the zone chosen. */
type ExportZone = {
  format: ZoneFormat;
  /** "Times in UTC", "Times in America/New_York (EST)", "Times in Europe/London (GMT/BST)". */
  label: string;
  /** Written after each time when the conversation crosses a change of short name (daylight saving). */
  perTimeName: boolean;
};

function exportZone(zone: Zone, isoTimes: string[]): ExportZone {
  if (zone === 'UTC') return { format: zoneFormat('UTC'), label: 'Times in UTC', perTimeName: false };
  const format = zoneFormat('local', localZoneId());
  const names = [...new Set(isoTimes.filter(isDate).map((iso) => format.shortName(iso)))];
  const label =
    names.length === 0 || (names.length === 1 && names[0] === format.id)
      ? `Times in ${format.id}`
      : `Times in ${format.id} (${names.join('/')})`;
  return { format, label, perTimeName: names.length > 1 };
}

/** "10:30:15", or "01:30:00 EDT" when the conversation crosses a daylight-saving change. */
function clock(zone: ExportZone, iso: string): string {
  return zone.perTimeName && isDate(iso) ? `${zone.format.clock(iso)} ${zone.format.shortName(iso)}` : zone.format.clock(iso);
}

/** "2026-03-09 (Monday)" */
function dayHeading(zone: ExportZone, iso: string): string {
  return isDate(iso) ? `${zone.format.date(iso)} (${zone.format.weekday(iso)})` : iso;
}

/** "2026-01-15 10:30:00" */
function dateTime(zone: ExportZone, iso: string): string {
  return isDate(iso) ? `${zone.format.date(iso)} ${clock(zone, iso)}` : iso;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

function title(conversation: Conversation): string {
  return conversation.name?.trim() || UNTITLED_CONVERSATION;
}

function textOf(communication: Communication): string | null {
  const text = communication.content.text;
  return typeof text === 'string' && text !== '' ? text : null;
}

/** Names, addresses, titles and labels are written on one line, so they cannot start a line of their own. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** One-line user text, escaped for Markdown. */
function md(text: string): string {
  return escapeMarkdown(oneLine(text));
}

function lines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

function messageSummary(p: Prepared): string {
  const shown = p.messages.length;
  if (p.hiddenCount === 0) return `${shown} (none left out by filters)`;
  return `${shown} shown, ${p.hiddenCount} left out by filters`;
}

/** Listed participants, then any participant that a visible message uses but the conversation does not list. */
function participantsOf(p: Prepared): ParticipantView[] {
  const listed = p.directory.participants;
  const ids = new Set(listed.map((participant) => participant.id));
  const unlisted = [...new Set(p.messages.map((m) => m.participantId))]
    .filter((id) => !ids.has(id))
    .map((id) => p.directory.get(id));
  return [...listed, ...unlisted];
}

// ---------------------------------------------------------------------------------------------
// Plain text
// ---------------------------------------------------------------------------------------------

const TXT_INDENT = '    ';

/**
 * Readable plain text:
 *
 *     Customer Support Call - Order #12345
 *     Conversation ID: conv_conversation_…
 *     …
 *     Transcript:
 *     --- 2026-01-15 (Thursday) ---
 *     [10:30:15] Sarah Agent (Human agent): Thank you for calling customer support. …
 *
 * A date line is written before the first message and whenever the day changes. Further lines of a
 * multi-line message are indented, so a message cannot pass itself off as another speaker's line.
 */
export function exportPlainText(o: ExportOptions): string {
  const p = prepare(o);
  const c = p.conversation;
  const out: string[] = [
    oneLine(title(c)),
    `Conversation ID: ${oneLine(c.id)}`,
    `Status: ${oneLine(c.status)}`,
    `Channels: ${c.channels.length > 0 ? oneLine(c.channels.join(', ')) : 'none'}`,
    `Started: ${dateTime(p.zone, c.createdAt)}`,
    `Last updated: ${dateTime(p.zone, c.updatedAt)}`,
    p.zone.label,
    `Messages: ${messageSummary(p)}`,
  ];
  if (p.hiddenParticipants.length > 0) {
    out.push(`Hidden participants: ${p.hiddenParticipants.map((h) => oneLine(h.name)).join(', ')}`);
  }
  if (o.link !== undefined) out.push(`Link: ${oneLine(o.link)}`);

  out.push('', 'Participants:');
  const participants = participantsOf(p);
  if (participants.length === 0) out.push('- none');
  for (const participant of participants) {
    const addresses = participant.addressValues.length > 0 ? `: ${oneLine(participant.addressValues.join(', '))}` : '';
    const hidden = p.hiddenParticipants.includes(participant) ? ' [hidden]' : '';
    out.push(`- ${oneLine(participant.name)} (${oneLine(participant.typeLabel)})${addresses}${hidden}`);
  }

  out.push('', 'Operator results:');
  if (c.operatorResultIds.length === 0) out.push('- none');
  for (const id of c.operatorResultIds) out.push(`- ${oneLine(id)}`);

  out.push('', 'Transcript:');
  if (p.messages.length === 0) out.push('(no messages)');
  let day: string | null = null;
  for (const message of p.messages) {
    const messageDay = p.zone.format.date(message.createdAt);
    if (messageDay !== day) {
      out.push(`--- ${dayHeading(p.zone, message.createdAt)} ---`);
      day = messageDay;
    }
    const speaker = p.directory.get(message.participantId);
    const [first = '', ...rest] = lines(textOf(message) ?? NO_TEXT);
    out.push(`[${clock(p.zone, message.createdAt)}] ${oneLine(speaker.name)} (${oneLine(speaker.typeLabel)}): ${first}`);
    for (const line of rest) out.push(`${TXT_INDENT}${line}`);
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

/**
 * Escapes user text for Markdown (CommonMark/GFM) so it renders as the same characters and cannot
 * start a heading, list, quote, table, code block, link, image, HTML or entity. Escaped anywhere:
 * \ ` * _ [ ] < > # | ~ & ; at the start of every line after the first also - + = and the "." or ")"
 * of "1." / "1)" (the first line always follows other text in this file, e.g. "**Name** (Type): ").
 * Line breaks become hard breaks (backslash + newline) indented by `indent`, so a multi-line message
 * stays inside its list item.
 */
function escapeMarkdown(text: string, indent = ''): string {
  return lines(text)
    .map((line, index) => {
      const escaped = line.replace(/[\\`*_[\]<>#|~&]/g, '\\$&');
      return index === 0 ? escaped : escaped.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
    })
    .join(`\\\n${indent}`);
}

/** An inline code span that holds any text (IDs are plain, but this does not rely on it). */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r\n?|\n/g, ' ')}${pad}${fence}`;
}

/** A link destination in angle brackets; characters that would end it are percent-encoded. */
function destination(url: string): string {
  return `<${url.replace(/[<>\s\\]/g, (ch) => encodeURIComponent(ch))}>`;
}

/**
 * Markdown: a `#` title, a metadata list, participants, the transcript grouped by day, the operator
 * result IDs and the link when given. All user text (names, addresses, messages, unknown types and
 * statuses) goes through `escapeMarkdown`.
 */
export function exportMarkdown(o: ExportOptions): string {
  const p = prepare(o);
  const c = p.conversation;
  const out: string[] = [`# ${md(title(c))}`, ''];

  out.push(
    `- **Conversation ID:** ${code(c.id)}`,
    `- **Status:** ${md(c.status)}`,
    `- **Channels:** ${c.channels.length > 0 ? c.channels.map(md).join(', ') : 'none'}`,
    `- **Started:** ${md(dateTime(p.zone, c.createdAt))}`,
    `- **Last updated:** ${md(dateTime(p.zone, c.updatedAt))}`,
    // Not escaped: an IANA zone name and a short name from Intl, not user text.
    `- ${p.zone.label}`,
    `- **Messages:** ${messageSummary(p)}`,
  );
  if (p.hiddenParticipants.length > 0) {
    out.push(`- **Hidden participants:** ${p.hiddenParticipants.map((h) => md(h.name)).join(', ')}`);
  }
  if (o.link !== undefined) out.push(`- **Link:** [${md(o.link)}](${destination(o.link)})`);

  out.push('', '## Participants', '');
  const participants = participantsOf(p);
  if (participants.length === 0) out.push('None.');
  for (const participant of participants) {
    const addresses = participant.addressValues.length > 0 ? ` — ${participant.addressValues.map(md).join(', ')}` : '';
    const hidden = p.hiddenParticipants.includes(participant) ? ' _(hidden)_' : '';
    out.push(`- **${md(participant.name)}** (${md(participant.typeLabel)})${addresses} ${code(participant.id)}${hidden}`);
  }

  out.push('', '## Transcript', '');
  if (p.messages.length === 0) out.push('No messages.');
  let day: string | null = null;
  for (const message of p.messages) {
    const messageDay = p.zone.format.date(message.createdAt);
    if (messageDay !== day) {
      if (day !== null) out.push('');
      out.push(`### ${md(dayHeading(p.zone, message.createdAt))}`, '');
      day = messageDay;
    }
    const speaker = p.directory.get(message.participantId);
    const text = textOf(message);
    const body = text === null ? `_${escapeMarkdown(NO_TEXT)}_` : escapeMarkdown(text, '  ');
    out.push(`- ${code(clock(p.zone, message.createdAt))} **${md(speaker.name)}** (${md(speaker.typeLabel)}): ${body}`);
  }

  out.push('', '## Operator results', '');
  if (c.operatorResultIds.length === 0) out.push('None.');
  for (const id of c.operatorResultIds) out.push(`- ${code(id)}`);

  if (p.review) out.push('', ...reviewMarkdown(p));
  return `${out.join('\n')}\n`;
}

function reviewMarkdown(p: Prepared): string[] {
  const review = p.review!;
  const positions = new Map(p.messages.map((message, index) => [message.id, index + 1]));
  const where = (id: string) => (positions.has(id) ? `message ${positions.get(id)}` : 'a hidden message');
  const { status } = review;
  const out = [
    '## Review',
    '',
    `- **Status:** ${STATUS_WORDS[status.status]}${status.by && status.at ? `, set by ${md(status.by)} ${md(dateTime(p.zone, status.at))}` : ''}`,
  ];
  out.push('', '### Verdicts', '');
  if (review.verdicts.length === 0) out.push('None.');
  for (const v of review.verdicts) {
    const label = v.aiLabel === null ? '' : ` (the AI said ${md(v.aiLabel)})`;
    const correction = v.correction === null ? '' : `; correction: ${md(v.correction)}`;
    const note = v.note === null ? '' : `; note: ${escapeMarkdown(v.note, '  ')}`;
    out.push(
      `- **${VERDICT_WORDS[v.verdict]}** by ${md(v.reviewer)} on ${code(v.resultId)}${label}${correction}${note}, ${md(dateTime(p.zone, v.at))}`,
    );
  }
  out.push('', '### Notes', '');
  if (review.notes.length === 0) out.push('None.');
  for (const n of review.notes) {
    const on =
      n.firstCommunicationId === n.lastCommunicationId
        ? where(n.firstCommunicationId)
        : `${where(n.firstCommunicationId)} to ${where(n.lastCommunicationId)}`;
    const quote = n.quote === null ? '' : ` on \u201c${md(n.quote)}\u201d`;
    out.push(`- **${md(n.author)}** on ${on}${quote}, ${md(dateTime(p.zone, n.at))}: ${escapeMarkdown(n.text, '  ')}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/**
 * Spreadsheet formula injection guard (OWASP "CSV injection"): a cell that starts with `=`, `+`, `-`,
 * `@`, TAB or CR gets a leading `'`, so Excel, LibreOffice and Google Sheets show it as text instead
 * of evaluating it. This ALTERS those cells: a message "-5 degrees" is written "'-5 degrees", and a
 * program reading the CSV sees the apostrophe. It is applied to every cell, header included.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
function csvField(value: string): string {
  const cell = neutraliseFormula(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * CSV (RFC 4180, UTF-8, CRLF line endings, ending with CRLF), one row per visible message in time
 * order under the header `time,participant,type,text,participant_id,communication_id`.
 * `time` is ISO-8601 with an explicit offset (`Z` in UTC, `+01:00` style in a local zone); a message
 * without text has an empty `text` cell. Conversation metadata is not in the CSV: name the file with
 * `exportFileName`, which carries the conversation ID. No byte-order mark is written.
 * With the review, two columns are added (`review_id`, `result_id`): each note is a row of type
 * "Reviewer note" after the first message it is pinned to, and each verdict a row "Verdict: …" at the end.
 */
export function exportCsv(o: ExportOptions): string {
  const p = prepare(o);
  const review = p.review;
  const rows: string[][] = [review ? [...CSV_HEADER, ...CSV_REVIEW_HEADER] : [...CSV_HEADER]];
  for (const message of p.messages) {
    const speaker = p.directory.get(message.participantId);
    rows.push([
      p.zone.format.isoWithOffset(message.createdAt),
      speaker.name,
      speaker.typeLabel,
      textOf(message) ?? '',
      message.participantId,
      message.id,
      ...(review ? ['', ''] : []),
    ]);
    // A note follows the first message it is pinned to.
    for (const note of review?.notes ?? []) {
      if (note.firstCommunicationId !== message.id) continue;
      const text = note.quote === null ? note.text : `\u201c${note.quote}\u201d: ${note.text}`;
      rows.push([p.zone.format.isoWithOffset(note.at), note.author, 'Reviewer note', text, '', message.id, note.id, '']);
    }
  }
  for (const v of review?.verdicts ?? []) {
    const said = [v.correction && `Correction: ${v.correction}`, v.note].filter(Boolean).join('. ');
    rows.push([
      p.zone.format.isoWithOffset(v.at),
      v.reviewer,
      `Verdict: ${VERDICT_WORDS[v.verdict]}`,
      said,
      '',
      '',
      v.id,
      v.resultId,
    ]);
  }
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

/**
 * The conversation as the API returned it, every field kept (`JSON.stringify(conversation, null, 2)`),
 * with only the visible communications when participants are hidden and with redacted strings when
 * redacting. Times stay the API's own ISO-8601 strings whatever `timeZone` says. With no filter and no
 * redaction, `JSON.parse(exportJson(o))` deep-equals `o.conversation`. With the review, it is added
 * under `review` (see ./review-export.ts).
 */
export function exportJson(o: ExportOptions): string {
  const p = prepare(o);
  // The review goes beside the conversation's own fields, under a name the API does not use.
  return JSON.stringify(p.review ? { ...p.conversation, review: p.review } : p.conversation, null, 2);
}

// ---------------------------------------------------------------------------------------------
// File name
// ---------------------------------------------------------------------------------------------

/** `conversation-<id>.<format>`; characters that are not safe in a file name become `_`. */
export function exportFileName(conversationId: string, format: ExportFormat): string {
  const safe = conversationId.replace(/[^A-Za-z0-9_-]/g, '_') || 'unknown';
  return `conversation-${safe}.${format}`;
}
