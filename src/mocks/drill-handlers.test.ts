import { describe, expect, it } from 'vitest';
import { askTwilio } from '../../tests/ask-twilio';
import { failingOperatorLookup, drillHandlers } from './drill-handlers';
import { seedConversation } from './fixtures/conversations';
import { drills, type Drill } from './fixtures/drills';
import { operatorWithFailingLookup } from './fixtures/operators';
import { handlers } from './handlers';

/** What demo mode serves: the drills in front of the happy path. */
const demo = [...drillHandlers, ...handlers];
const ask = (id: string, authorization?: string | null) => askTwilio(demo, `/v3/Conversations/${id}`, authorization);
const byKind = (kind: string) => drills.filter((d) => d.fault?.kind === kind).map((d) => [d.label, d] as const);

describe('the demo drills', () => {
  it.each(byKind('status'))('%s: answers its status, body and headers', async (_label, drill: Drill) => {
    const fault = drill.fault as Extract<Drill['fault'], { kind: 'status' }>;
    const response = (await ask(drill.id))!;
    expect(response.status).toBe(fault.status);
    expect(await response.json()).toEqual(fault.body);
    for (const [name, value] of Object.entries(fault.headers ?? {})) expect(response.headers.get(name)).toBe(value);
  });

  it.each(byKind('body'))('%s: answers a body that is not JSON', async (_label, drill: Drill) => {
    const fault = drill.fault as Extract<Drill['fault'], { kind: 'body' }>;
    const response = (await ask(drill.id))!;
    expect(response.status).toBe(fault.status);
    expect(response.headers.get('content-type')).toBe(fault.contentType);
    expect(await response.text()).toBe(fault.text);
  });

  it('resets the connection', async () => {
    const [[, drill]] = byKind('reset') as [[string, Drill]];
    expect((await ask(drill.id))!.type).toBe('error');
  });

  it('never answers', async () => {
    const [[, drill]] = byKind('hang') as [[string, Drill]];
    const silence = new Promise((resolve) => setTimeout(() => resolve('no answer'), 200));
    expect(await Promise.race([ask(drill.id), silence])).toBe('no answer');
  });

  it.each(drills.filter((d) => d.conversation).map((d) => [d.label, d] as const))(
    '%s: serves its conversation',
    async (_label, drill) => {
      const response = (await ask(drill.id))!;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(drill.conversation);
    },
  );

  it('lets every other conversation through to the happy path', async () => {
    expect(await (await ask(seedConversation.id))!.json()).toEqual(seedConversation);
  });

  it('asks for credentials first, as Twilio does', async () => {
    const response = (await ask(drills[0]!.id, null))!;
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 20003 });
  });

  it('fails one operator lookup with a 500', async () => {
    const response = (await askTwilio(
      [failingOperatorLookup, ...handlers],
      `/v3/ControlPlane/Operators/${operatorWithFailingLookup}`,
    ))!;
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ code: 20500, httpStatusCode: 500 });
  });
});
