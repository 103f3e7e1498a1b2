import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ConversationReviewAnswer } from '../../api/review-answers';
import { redactText } from '../../lib/redact';
import { chronological } from '../../lib/chronological';
import { aiHandoff } from '../../mocks/fixtures/conversations';
import { exportCsv, exportJson, exportMarkdown } from './export';

const messages = chronological(aiHandoff.communications);
const [first, second] = messages as [(typeof messages)[0], (typeof messages)[0]];
const person = (name: string) => ({ id: `id-${name}`, name });
const at = '2026-05-15T09:00:00Z';

const review: ConversationReviewAnswer = {
  conversationId: aiHandoff.id,
  status: {
    conversationId: aiHandoff.id,
    status: 'needs_follow_up',
    updatedBy: person('Sam'),
    updatedAt: at,
    version: 1,
    mine: false,
  },
  verdicts: [
    {
      id: 'v1',
      conversationId: aiHandoff.id,
      resultId: aiHandoff.operatorResultIds[1]!,
      operatorId: 'intelligence_operator_x',
      operatorVersion: 2,
      outputFormat: 'CLASSIFICATION',
      aiLabel: 'POSITIVE',
      reviewer: person('Priya'),
      verdict: 'disagree',
      correction: 'NEGATIVE',
      note: 'Mail her at priya.n@example.com',
      createdAt: at,
      updatedAt: at,
      version: 1,
      mine: false,
    },
  ],
  notes: [
    {
      id: 'n1',
      conversationId: aiHandoff.id,
      author: person('Sam'),
      anchor: {
        firstCommunicationId: second.id,
        lastCommunicationId: second.id,
        passage: { start: 2, end: 15, quote: 'charged twice' },
      },
      text: 'Call back on +1 415 555 0100',
      createdAt: at,
      updatedAt: at,
      updatedBy: person('Sam'),
      deletedAt: null,
      version: 1,
      mine: true,
    },
    {
      id: 'n2',
      conversationId: aiHandoff.id,
      author: person('Sam'),
      anchor: { firstCommunicationId: first.id, lastCommunicationId: first.id, passage: null },
      text: null,
      createdAt: at,
      updatedAt: at,
      updatedBy: person('Sam'),
      deletedAt: at,
      version: 2,
      mine: true,
    },
  ],
};

const base = { conversation: aiHandoff, timeZone: 'UTC' as const };

describe('exports with the review', () => {
  it('leaves the review out unless asked', () => {
    expect(exportMarkdown(base)).not.toContain('## Review');
    expect(JSON.parse(exportJson(base))).toEqual(aiHandoff);
    expect(exportCsv(base).split('\r\n')[0]).toBe('time,participant,type,text,participant_id,communication_id');
  });

  it('writes the status, verdicts and live notes in Markdown', () => {
    const text = exportMarkdown({ ...base, review });
    expect(text).toContain('## Review');
    expect(text).toContain('- **Status:** Needs follow-up, set by Sam');
    expect(text).toMatch(
      /- \*\*Disagree\*\* by Priya on `intelligence_operatorresult_[^`]+` \(the AI said POSITIVE\); correction: NEGATIVE; note: Mail her at priya\.n@example\.com/,
    );
    expect(text).toContain('- **Sam** on message 2 on \u201ccharged twice\u201d');
    expect(text).toContain('Call back on +1 415 555 0100');
    // The deleted note is a tombstone in the app, not part of an export.
    expect(text.match(/- \*\*Sam\*\* on message/g)).toHaveLength(1);
  });

  it('adds the review to the JSON beside the conversation', () => {
    const json = JSON.parse(exportJson({ ...base, review }));
    expect(json.id).toBe(aiHandoff.id);
    expect(json.review.status).toEqual({ status: 'needs_follow_up', by: 'Sam', at });
    expect(json.review.notes.map((n: { id: string }) => n.id)).toEqual(['n1']);
    expect(json.review.verdicts[0]).toMatchObject({ verdict: 'disagree', correction: 'NEGATIVE', aiLabel: 'POSITIVE' });
  });

  it('puts each note after its message and the verdicts at the end of the CSV', () => {
    const rows = Papa.parse<Record<string, string>>(exportCsv({ ...base, review }).replace(/\r\n$/, ''), { header: true }).data;
    const noteRow = rows.findIndex((row) => row.type === 'Reviewer note');
    expect(rows[noteRow - 1]!.communication_id).toBe(second.id);
    expect(rows[noteRow]).toMatchObject({
      participant: 'Sam',
      text: '\u201ccharged twice\u201d: Call back on +1 415 555 0100',
      review_id: 'n1',
    });
    expect(rows.at(-1)).toMatchObject({
      type: 'Verdict: Disagree',
      participant: 'Priya',
      review_id: 'v1',
      result_id: aiHandoff.operatorResultIds[1],
    });
  });

  it('redacts the notes and verdicts as it redacts the messages', () => {
    const options = { ...base, review, redact: redactText };
    for (const text of [exportMarkdown(options), exportJson(options), exportCsv(options)]) {
      expect(text).not.toContain('priya.n@example.com');
      expect(text).not.toContain('415 555 0100');
    }
  });

  it('leaves out the notes on messages the filters hide', () => {
    const hidden = new Set([second.participantId]);
    const json = JSON.parse(exportJson({ ...base, review, hiddenParticipantIds: hidden }));
    expect(json.review.notes).toEqual([]);
  });
});
