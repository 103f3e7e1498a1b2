import { describeChannelSid } from '../../api/channel-ids';
import type { Communication } from '../../api/conversation';
import { idKindOf, type IdKind } from '../../api/ids';
import { KNOWN_OUTPUT_FORMATS, viewResult, type OperatorResult } from '../../api/operator-result';
import { refusalOf } from '../../lib/refusal';

const MAX_PREVIEW = 180;

function clip(text: string, max = MAX_PREVIEW): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}\u2026` : text;
}

function brief(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.length}]`;
  if (typeof value === 'object') return '{\u2026}';
  return typeof value === 'string' ? `"${clip(value, 40)}"` : String(value);
}

/** One or two lines that say what a result concluded, for the results panel. */
export function previewOf(result: OperatorResult): string {
  const refusal = refusalOf(result);
  if (refusal) return `Refused: ${clip(refusal)}`;
  const view = viewResult(result);
  switch (view.format) {
    case 'TEXT':
      return clip(view.text.split('\n').filter(Boolean).slice(0, 2).join(' '));
    case 'CLASSIFICATION':
      return view.label;
    case 'EXTRACTION': {
      const labels = [...new Set(view.entities.map((entity) => entity.label))];
      return `${view.entities.length} ${view.entities.length === 1 ? 'entity' : 'entities'}${labels.length ? `: ${labels.join(', ')}` : ''}`;
    }
    case 'JSON': {
      if (view.value === null || typeof view.value !== 'object' || Array.isArray(view.value)) return brief(view.value);
      const entries = Object.entries(view.value);
      const shown = entries.slice(0, 4).map(([key, value]) => `${key}: ${brief(value)}`);
      return clip(shown.join(', ') + (entries.length > 4 ? `, +${entries.length - 4} more` : ''));
    }
    case 'unknown':
      return KNOWN_OUTPUT_FORMATS.some((format) => format === view.declared)
        ? `Its content does not have the shape of a ${view.declared} result`
        : `Output in the unknown format \u201c${view.declared}\u201d`;
  }
}

export type Evidence = {
  /** Communications inside executionDetails.communications.first \u2026 last, in time order. */
  range: Set<string>;
  /** Communications the result cites in referenceIds. */
  references: Set<string>;
  /** The message to bring into view: the first one cited, or else the first one covered. */
  firstId: string | null;
  /** 1-based positions of the covered range, and how many messages the conversation has now. */
  coverage: { from: number; to: number; total: number } | null;
};

/**
 * Locates results' evidence in a conversation as it is now. The index of the transcript is built
 * once; each result's evidence is computed once.
 */
export function evidenceLocator(ordered: Communication[]): (result: OperatorResult) => Evidence {
  const index = new Map(ordered.map((communication, i) => [communication.id, i]));
  const cache = new WeakMap<OperatorResult, Evidence>();
  return (result) => {
    let evidence = cache.get(result);
    if (!evidence) cache.set(result, (evidence = locate(result, ordered, index)));
    return evidence;
  };
}

function locate(result: OperatorResult, ordered: Communication[], index: Map<string, number>): Evidence {
  const span = result.executionDetails?.communications;
  const from = span?.first ? index.get(span.first) : undefined;
  const to = span?.last ? index.get(span.last) : undefined;
  const range = new Set<string>();
  let coverage: Evidence['coverage'] = null;
  if (from !== undefined && to !== undefined && from <= to) {
    for (let i = from; i <= to; i++) range.add(ordered[i]!.id);
    coverage = { from: from + 1, to: to + 1, total: ordered.length };
  }
  const references = new Set(result.referenceIds.filter((id) => index.has(id)));
  // The cited messages are the most specific evidence: a summary may cover thousands of messages
  // and cite the two at the end that matter.
  const firstOf = (ids: Set<string>) =>
    ids.size ? ordered[[...ids].reduce((min, id) => Math.min(min, index.get(id)!), Infinity)]!.id : null;
  const firstId = firstOf(references) ?? firstOf(range);
  return { range, references, firstId, coverage };
}

/** "covers messages 1–42 of 57" when the conversation has grown since the result was produced. */
export function staleNotice(coverage: Evidence['coverage']): string | null {
  if (!coverage || coverage.to >= coverage.total) return null;
  return `Covers messages ${coverage.from}\u2013${coverage.to} of ${coverage.total}`;
}

/** What one of a result's `referenceIds` names, as far as this conversation can tell. */
export type Reference =
  | { kind: 'message'; id: string; position: number }
  | { kind: 'participant'; id: string }
  | { kind: 'other'; id: string; describes: string | null };

const ELSEWHERE: Partial<Record<IdKind, string>> = {
  communication: 'a message that is not in this conversation',
  participant: 'a participant who is not in this conversation',
  conversation: 'a conversation',
  operatorResult: 'an operator result',
  operator: 'a language operator',
  intelligenceConfiguration: 'an intelligence configuration',
  conversationConfiguration: 'a conversation configuration',
};

/** Names what a reference outside this conversation most likely is, for the reader; null when unknown. */
export function describeForeignId(value: string): string | null {
  const kind = idKindOf(value);
  if (kind) return ELSEWHERE[kind] ?? null;
  return describeChannelSid(value);
}

/**
 * Sorts a result's references into the messages and participants of this conversation (by what the
 * conversation holds, not by how the value looks) and everything else, which is shown as text.
 * `messagePosition` is 1-based; undefined for an ID that is not a message of this conversation.
 */
export function classifyReferences(
  referenceIds: readonly string[],
  conversation: { messagePosition: (id: string) => number | undefined; hasParticipant: (id: string) => boolean },
  describeOther: (id: string) => string | null = describeForeignId,
): Reference[] {
  return [...new Set(referenceIds)].map((id): Reference => {
    const position = conversation.messagePosition(id);
    if (position !== undefined) return { kind: 'message', id, position };
    if (conversation.hasParticipant(id)) return { kind: 'participant', id };
    return { kind: 'other', id, describes: describeOther(id) };
  });
}
