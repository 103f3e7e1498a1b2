import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversationSchema } from '../api/conversation';
import { operatorResultPageSchema, viewResult } from '../api/operator-result';
import { inProcessUpstream } from '../../tests/in-process-twilio';
import {
  LIVE_CALL_ID,
  LIVE_CLOSED_AT_MS,
  LIVE_FINAL_RESULTS_AT_MS,
  LIVE_LINE_MS,
  LIVE_RESTART_AFTER_MS,
} from '../mocks/fixtures/live-call';
import { plainDemoStatus } from '../mocks/fixtures/server-status';
import { handlers } from '../mocks/handlers';
import { liveCallHandlers } from '../mocks/live-call-handlers';
import { createApp } from './app';

const START = Date.parse('2026-11-30T10:00:00Z');

/** The BFF over the demo's Twilio with the live call in front, on the test's fake clock. */
function demoBff() {
  const live = liveCallHandlers({ now: Date.now });
  const app = createApp({ upstream: inProcessUpstream(() => [...live, ...handlers]), status: plainDemoStatus, log: () => {} });
  return {
    async conversation() {
      const response = await app.request(`/api/v3/Conversations/${LIVE_CALL_ID}`);
      expect(response.status).toBe(200);
      return conversationSchema.parse(await response.json());
    },
    async results() {
      const response = await app.request(`/api/v3/OperatorResults?conversationId=${LIVE_CALL_ID}&pageSize=1000`);
      expect(response.status).toBe(200);
      return operatorResultPageSchema.parse(await response.json()).items;
    },
    async result(id: string) {
      return app.request(`/api/v3/OperatorResults/${id}`);
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => vi.useRealTimers());

describe('the demo\u2019s live call', () => {
  it('starts when first opened, with its first line, ACTIVE and no result yet', async () => {
    const bff = demoBff();
    const call = await bff.conversation();
    expect(call.status).toBe('ACTIVE');
    expect(call.communications).toHaveLength(1);
    expect(call.createdAt).toBe('2026-11-30T10:00:00Z');
    expect(call.operatorResultIds).toEqual([]);
  });

  it('adds a line every few seconds and reads the sentiment after every third, over the lines it saw', async () => {
    const bff = demoBff();
    await bff.conversation();
    vi.advanceTimersByTime(LIVE_LINE_MS);
    expect((await bff.conversation()).communications).toHaveLength(2);
    vi.advanceTimersByTime(LIVE_LINE_MS);
    const third = await bff.conversation();
    expect(third.communications).toHaveLength(3);
    expect(third.operatorResultIds).toHaveLength(1);

    vi.advanceTimersByTime(3 * LIVE_LINE_MS);
    const sixth = await bff.conversation();
    expect(sixth.communications).toHaveLength(6);
    const results = await bff.results();
    expect(results.map((r) => r.id)).toEqual(sixth.operatorResultIds);
    expect(results.map((r) => r.executionDetails?.trigger?.on)).toEqual(['COMMUNICATION', 'COMMUNICATION']);
    expect(results.map((r) => r.executionDetails?.communications)).toEqual([
      { first: sixth.communications[0]!.id, last: sixth.communications[2]!.id },
      { first: sixth.communications[0]!.id, last: sixth.communications[5]!.id },
    ]);
    expect(results.map((r) => viewResult(r))).toEqual([
      { format: 'CLASSIFICATION', label: 'NEGATIVE' },
      { format: 'CLASSIFICATION', label: 'NEGATIVE' },
    ]);
    // A result is served by ID too, once it exists.
    expect((await bff.result(results[0]!.id)).status).toBe(200);
  });

  it('ends CLOSED, then a summary and the final sentiment appear', async () => {
    const bff = demoBff();
    await bff.conversation();
    vi.advanceTimersByTime(LIVE_CLOSED_AT_MS - 1);
    const before = await bff.conversation();
    expect(before.status).toBe('ACTIVE');
    vi.advanceTimersByTime(1);
    const closed = await bff.conversation();
    expect(closed.status).toBe('CLOSED');
    expect(closed.communications).toHaveLength(before.communications.length);
    const sentimentRuns = closed.operatorResultIds.length;

    vi.advanceTimersByTime(LIVE_FINAL_RESULTS_AT_MS - LIVE_CLOSED_AT_MS);
    const ended = await bff.conversation();
    expect(ended.operatorResultIds).toHaveLength(sentimentRuns + 2);
    const last = (await bff.results()).slice(-2);
    expect(last.map((r) => [r.outputFormat, r.executionDetails?.trigger?.on])).toEqual([
      ['TEXT', 'CONVERSATION_END'],
      ['CLASSIFICATION', 'CONVERSATION_END'],
    ]);
  });

  it('stays ended for a while, then starts over for whoever opens it next', async () => {
    const bff = demoBff();
    const first = await bff.conversation();
    vi.advanceTimersByTime(LIVE_CLOSED_AT_MS + LIVE_RESTART_AFTER_MS - 1);
    const ended = await bff.conversation();
    expect(ended.status).toBe('CLOSED');
    vi.advanceTimersByTime(1);
    const again = await bff.conversation();
    expect(again.status).toBe('ACTIVE');
    expect(again.communications).toHaveLength(1);
    expect(again.communications[0]!.id).not.toBe(first.communications[0]!.id);
    expect(again.operatorResultIds).toEqual([]);
  });

  it('starts only when opened: asking for some other result or for its results first starts nothing', async () => {
    const bff = demoBff();
    // A missing result's page asks for an ID no handler knows; the call must not start then, or
    // whoever opens it a minute later finds it over.
    expect((await bff.result('intelligence_operatorresult_00000000000000000000000000')).status).toBe(404);
    expect(await bff.results()).toEqual([]);
    vi.advanceTimersByTime(LIVE_CLOSED_AT_MS + LIVE_LINE_MS);
    const call = await bff.conversation();
    expect(call.status).toBe('ACTIVE');
    expect(call.communications).toHaveLength(1);
    expect(call.createdAt).toBe(new Date(Date.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  });

  it('is the same call under the same clock', async () => {
    const take = async () => {
      vi.setSystemTime(START);
      const bff = demoBff();
      await bff.conversation();
      vi.advanceTimersByTime(7 * LIVE_LINE_MS + 1234);
      return [await bff.conversation(), await bff.results()];
    };
    expect(await take()).toEqual(await take());
  });
});
