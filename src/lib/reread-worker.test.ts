import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RereadAnswer, RereadAsk } from './reread-messages';

const path = '/api/v3/Conversations/conv_conversation_0aaaaaaaaaaaaaaaaaaaaaaaaa';
const tag = '"abc"';
const EVERY = 5_000;

/** The worker's script in a scope of its own: what it posts, and a way to send it messages. */
async function startWorker(answers: Array<number | 'unreachable'>) {
  const posted: RereadAnswer[] = [];
  let onMessage: ((event: MessageEvent<RereadAsk>) => void) | undefined;
  const fetch = vi.fn(async () => {
    const next = answers.shift() ?? 304;
    if (next === 'unreachable') throw new TypeError('Failed to fetch');
    return new Response(next === 304 ? null : '{"changed":true}', { status: next, headers: { etag: '"def"' } });
  });
  vi.stubGlobal('fetch', fetch);
  vi.stubGlobal('postMessage', (message: RereadAnswer) => posted.push(message));
  vi.stubGlobal('addEventListener', (type: string, listener: typeof onMessage) => {
    if (type === 'message') onMessage = listener;
  });
  vi.resetModules();
  await import('./reread-worker');
  return {
    posted,
    fetch,
    send: (ask: RereadAsk) => onMessage!(new MessageEvent('message', { data: ask })),
  };
}

/** Lets the timers run `ms` forward, and the promises they settle run too. */
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-11-30T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the re-read worker', () => {
  it('reads once at once when asked without a watch, and says unchanged', async () => {
    const worker = await startWorker([304]);
    worker.send({ id: 1, kind: 'read', path, tag });
    await wait(0);
    expect(worker.fetch).toHaveBeenCalledOnce();
    expect(worker.fetch).toHaveBeenCalledWith(path, expect.objectContaining({ headers: { 'If-None-Match': tag } }));
    expect(worker.posted).toEqual([{ id: 1, kind: 'unchanged' }]);
  });

  it('watching, it reads every few seconds and tells the page nothing until the answer changes', async () => {
    const worker = await startWorker([304, 304, 304, 200]);
    worker.send({ id: 7, kind: 'read', path, tag, watch: { every: EVERY, until: null } });
    await wait(EVERY - 1);
    expect(worker.fetch).not.toHaveBeenCalled();
    await wait(1);
    expect(worker.fetch).toHaveBeenCalledTimes(1);
    await wait(2 * EVERY);
    expect(worker.fetch).toHaveBeenCalledTimes(3);
    // Three unchanged answers: not one message to the page.
    expect(worker.posted).toEqual([]);
    await wait(EVERY);
    expect(worker.fetch).toHaveBeenCalledTimes(4);
    expect(worker.posted).toEqual([expect.objectContaining({ id: 7, kind: 'answer', status: 200 })]);
    const body = (worker.posted[0] as Extract<RereadAnswer, { kind: 'answer' }>).body;
    expect(new TextDecoder().decode(body)).toBe('{"changed":true}');
    // The watch is over once it answered.
    await wait(3 * EVERY);
    expect(worker.fetch).toHaveBeenCalledTimes(4);
  });

  it('watching until a time, it says unchanged when the next read would start after it', async () => {
    const worker = await startWorker([]);
    const until = Date.now() + 2 * EVERY + 10;
    worker.send({ id: 2, kind: 'read', path, tag, watch: { every: EVERY, until } });
    await wait(2 * EVERY);
    expect(worker.fetch).toHaveBeenCalledTimes(2);
    expect(worker.posted).toEqual([{ id: 2, kind: 'unchanged' }]);
    await wait(3 * EVERY);
    expect(worker.fetch).toHaveBeenCalledTimes(2);
  });

  it('a failed request ends the watch with unreachable; an aborted watch reads no more and says nothing', async () => {
    const worker = await startWorker([304, 'unreachable']);
    worker.send({ id: 3, kind: 'read', path, tag, watch: { every: EVERY, until: null } });
    await wait(2 * EVERY);
    expect(worker.posted).toEqual([{ id: 3, kind: 'unreachable' }]);

    worker.send({ id: 4, kind: 'read', path, tag, watch: { every: EVERY, until: null } });
    await wait(EVERY);
    const reads = worker.fetch.mock.calls.length;
    worker.send({ id: 4, kind: 'abort' });
    await wait(3 * EVERY);
    expect(worker.fetch).toHaveBeenCalledTimes(reads);
    expect(worker.posted).toEqual([{ id: 3, kind: 'unreachable' }]);
  });
});
