import type { DemoSampleSummary } from '../api/status';
import { demoSamples } from '../mocks/fixtures/conversations';
import { drills } from '../mocks/fixtures/drills';
import { LIVE_CALL_ID, LIVE_CALL_NAME } from '../mocks/fixtures/live-call';

/** What the home page offers in demo mode. */
export const demoSampleSummaries: DemoSampleSummary[] = demoSamples.map(({ conversation, blurb }) => ({
  id: conversation.id,
  name: conversation.name ?? null,
  blurb,
  channels: conversation.channels,
  status: conversation.status,
  messageCount: conversation.communications.length,
}));

export const demoDrills = drills.map(({ id, label }) => ({ id, label }));

export const demoLiveCall = {
  id: LIVE_CALL_ID,
  name: LIVE_CALL_NAME,
  blurb: 'A support call happening now: a line every few seconds, a sentiment reading every three, then its end and summary.',
};
