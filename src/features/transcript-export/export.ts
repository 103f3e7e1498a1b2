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
import { buildDirectory, type ParticipantDirectory, type ParticipantView } from '../conversation/participant-directory';
import { chronological } from '../conversation/timeline-model';

export type ExportFormat = 'txt' | 'md' | 'csv' | 'json';

export type ExportOptions = {
  /** As the API returned it; fields this app does not know are kept in the JSON export. */
  conversation: Conversation;
  /** Communications of these participants are left out of every format. */
  hiddenParticipantIds?: ReadonlySet<string>;
  /** Applied to the conversation name, participant names, addresses and every message text. */
  redact?: (text: string) => string;
  /** How times are written; 'local' is the runtime's zone, named in the output. */
  timeZone: 'local' | 'UTC';
  /** A deep link back to the conversation, included (TXT, Markdown) when given. */
  link?: string;
};

export const UNTITLED = 'Untitled conversation';
export const NO_TEXT = '(no text)';
export const CSV_HEADER = ['time', 'participant', 'type', 'text', 'participant_id', 'communication_id'] as const;

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
  zone: Zone;
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
  const zone = resolveZone(o.timeZone, [source.createdAt, source.updatedAt, ...messages.map((m) => m.createdAt)]);
  return {
    conversation,
    directory,
    messages,
    hiddenCount: source.communications.length - visible.length,
    hiddenParticipants,
    zone,
  };
}

type Parts = { year: string; month: string; day: string; hour: string; minute: string; second: string; weekday: string };

type Zone = {
  /** IANA name: "UTC", "America/New_York". */
  id: string;
  /** "Times in UTC", "Times in America/New_York (EST)", "Times in Europe/London (GMT/BST)". */
  label: string;
  /** Written after each time when the conversation crosses a change of short name (daylight saving). */
  perTimeName: boolean;
};

const formatters = new Map<string, { parts: Intl.DateTimeFormat; name: Intl.DateTimeFormat }>();
function formattersFor(zone: string) {
  let entry = formatters.get(zone);
  if (!entry) {
    entry = {
      parts: new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        weekday: 'long',
      }),
      name: new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }),
    };
    formatters.set(zone, entry);
  }
  return entry;
}

function partsOf(zone: string, date: Date): Parts {
  const parts: Record<string, string> = {};
  for (const part of formattersFor(zone).parts.formatToParts(date)) parts[part.type] = part.value;
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
    second: parts.second ?? '',
    weekday: parts.weekday ?? '',
  };
}

function shortName(zone: string, date: Date): string {
  return (
    formattersFor(zone)
      .name.formatToParts(date)
      .find((part) => part.type === 'timeZoneName')?.value ?? zone
  );
}

function resolveZone(timeZone: ExportOptions['timeZone'], isoTimes: string[]): Zone {
  if (timeZone === 'UTC') return { id: 'UTC', label: 'Times in UTC', perTimeName: false };
  const id = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const names = [
    ...new Set(
      isoTimes
        .map((iso) => new Date(iso))
        .filter((date) => !Number.isNaN(date.getTime()))
        .map((date) => shortName(id, date)),
    ),
  ];
  const label =
    names.length === 0 || (names.length === 1 && names[0] === id) ? `Times in ${id}` : `Times in ${id} (${names.join('/')})`;
  return { id, label, perTimeName: names.length > 1 };
}

function validDate(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "10:30:15", or "01:30:00 EDT" when the conversation crosses a daylight-saving change. */
function clock(zone: Zone, iso: string): string {
  const date = validDate(iso);
  if (!date) return iso;
  const p = partsOf(zone.id, date);
  const time = `${p.hour}:${p.minute}:${p.second}`;
  return zone.perTimeName ? `${time} ${shortName(zone.id, date)}` : time;
}

/** "2026-03-09" */
function dayOf(zone: Zone, iso: string): string {
  const date = validDate(iso);
  if (!date) return iso;
  const p = partsOf(zone.id, date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "2026-03-09 (Monday)" */
function dayHeading(zone: Zone, iso: string): string {
  const date = validDate(iso);
  return date ? `${dayOf(zone, iso)} (${partsOf(zone.id, date).weekday})` : iso;
}

/** "2026-01-15 10:30:00" */
function dateTime(zone: Zone, iso: string): string {
  return validDate(iso) ? `${dayOf(zone, iso)} ${clock(zone, iso)}` : iso;
}

/**
 * ISO-8601 with an explicit offset: "2026-01-15T10:30:15Z" in UTC, "2026-01-15T05:30:15-05:00" in a
 * local zone (also "+00:00" for a local zone at UTC). Milliseconds are kept when there are any.
 */
export function isoWithOffset(iso: string, timeZone: ExportOptions['timeZone']): string {
  const date = validDate(iso);
  if (!date) return iso;
  const ms = date.getTime() % 1000 === 0 ? '' : `.${String(((date.getTime() % 1000) + 1000) % 1000).padStart(3, '0')}`;
  if (timeZone === 'UTC') return `${date.toISOString().slice(0, 19)}${ms}Z`;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const p = partsOf(zone, date);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const offset = Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${ms}${sign}${hours}:${minutes}`;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

function title(conversation: Conversation): string {
  return conversation.name?.trim() || UNTITLED;
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
    const messageDay = dayOf(p.zone, message.createdAt);
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
    const messageDay = dayOf(p.zone, message.createdAt);
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

  return `${out.join('\n')}\n`;
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
 */
export function exportCsv(o: ExportOptions): string {
  const p = prepare(o);
  const rows: string[][] = [[...CSV_HEADER]];
  for (const message of p.messages) {
    const speaker = p.directory.get(message.participantId);
    rows.push([
      isoWithOffset(message.createdAt, o.timeZone),
      speaker.name,
      speaker.typeLabel,
      textOf(message) ?? '',
      message.participantId,
      message.id,
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
 * redaction, `JSON.parse(exportJson(o))` deep-equals `o.conversation`.
 */
export function exportJson(o: ExportOptions): string {
  return JSON.stringify(prepare(o).conversation, null, 2);
}

// ---------------------------------------------------------------------------------------------
// File name
// ---------------------------------------------------------------------------------------------

/** `conversation-<id>.<format>`; characters that are not safe in a file name become `_`. */
export function exportFileName(conversationId: string, format: ExportFormat): string {
  const safe = conversationId.replace(/[^A-Za-z0-9_-]/g, '_') || 'unknown';
  return `conversation-${safe}.${format}`;
}
