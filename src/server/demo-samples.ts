import type { DemoSampleSummary } from '../api/status';
import { demoSamples } from '../mocks/fixtures/conversations';
import { drills } from '../mocks/fixtures/drills';

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
