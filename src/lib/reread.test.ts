import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RereadAnswer, RereadAsk } from './reread-messages';

/** A stand-in for the browser's Worker: it records what the page asks and answers when told. */
class FakeWorker extends EventTarget {
  static last: FakeWorker | null = null;
  readonly asked: RereadAsk[] = [];
  terminated = false;
  constructor(readonly url: URL) {
    super();
    FakeWorker.last = this;
  }
  postMessage(ask: RereadAsk) {
    this.asked.push(ask);
  }
  terminate() {
    this.terminated = true;
  }
  answer(answer: RereadAnswer) {
    this.dispatchEvent(new MessageEvent('message', { data: answer }));
  }
  fail() {
    this.dispatchEvent(new Event('error'));
  }
}

const path = '/api/v3/Conversations/conv_conversation_0aaaaaaaaaaaaaaaaaaaaaaaaa';
const tag = '"abc"';
// The module keeps its worker: each test starts from a fresh copy of it.
const load = () => import('./reread');

beforeEach(() => {
  vi.resetModules();
  FakeWorker.last = null;
});
afterEach(() => vi.unstubAllGlobals());

describe('a conditional re-read', () => {
  it('asks a worker, and an unchanged answer is UNCHANGED', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const { conditionalGet, UNCHANGED } = await load();
    const read = conditionalGet(path, tag);
    expect(FakeWorker.last!.url.pathname).toMatch(/reread-worker/);
    expect(FakeWorker.last!.asked).toEqual([{ id: 1, kind: 'read', path, tag }]);
    FakeWorker.last!.answer({ id: 1, kind: 'unchanged' });
    await expect(read).resolves.toBe(UNCHANGED);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('hands back a changed or failed answer whole: status, headers and body', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { conditionalGet } = await load();
    const read = conditionalGet(path, tag);
    const body = new TextEncoder().encode('{"code":20429}').buffer;
    FakeWorker.last!.answer({
      id: 1,
      kind: 'answer',
      status: 429,
      statusText: 'Too Many Requests',
      headers: [['retry-after', '3']],
      body,
    });
    const response = (await read) as Response;
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    await expect(response.json()).resolves.toEqual({ code: 20429 });
  });

  it('rejects as fetch does when the worker could not reach the server', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { conditionalGet } = await load();
    const read = conditionalGet(path, tag);
    FakeWorker.last!.answer({ id: 1, kind: 'unreachable' });
    await expect(read).rejects.toBeInstanceOf(TypeError);
  });

  it('tells the worker to stop a read the page no longer wants, and rejects with the reason', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { conditionalGet } = await load();
    const controller = new AbortController();
    const read = conditionalGet(path, tag, controller.signal);
    controller.abort(new Error('left the page'));
    await expect(read).rejects.toThrow('left the page');
    expect(FakeWorker.last!.asked.at(-1)).toEqual({ id: 1, kind: 'abort' });
    // A late answer to it is ignored.
    FakeWorker.last!.answer({ id: 1, kind: 'unchanged' });
  });

  it('reads in the page when the worker fails to start, the waiting read included', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const fetch = vi.fn(async () => new Response(null, { status: 304 }));
    vi.stubGlobal('fetch', fetch);
    const { conditionalGet, UNCHANGED } = await load();
    const waiting = conditionalGet(path, tag);
    const worker = FakeWorker.last!;
    worker.fail();
    await expect(waiting).resolves.toBe(UNCHANGED);
    expect(worker.terminated).toBe(true);
    await expect(conditionalGet(path, tag)).resolves.toBe(UNCHANGED);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch).toHaveBeenLastCalledWith(path, expect.objectContaining({ headers: { 'If-None-Match': tag } }));
  });

  it('reads in the page where there are no workers', async () => {
    vi.stubGlobal('Worker', undefined);
    const fetch = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const { conditionalGet } = await load();
    const response = (await conditionalGet(path, tag)) as Response;
    expect(response.status).toBe(200);
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('hands a watch to the worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { conditionalGet } = await load();
    void conditionalGet(path, tag, undefined, { every: 5_000, until: null });
    expect(FakeWorker.last!.asked).toEqual([{ id: 1, kind: 'read', path, tag, watch: { every: 5_000, until: null } }]);
  });

  it('without workers, watches in the page: waits, re-reads while unchanged, hands back the change', async () => {
    vi.useFakeTimers();
    try {
      vi.stubGlobal('Worker', undefined);
      const answers = [304, 304, 200];
      const fetch = vi.fn(async () => new Response(answers[0] === 304 ? null : '{}', { status: answers.shift()! }));
      vi.stubGlobal('fetch', fetch);
      const { conditionalGet } = await load();
      const read = conditionalGet(path, tag, undefined, { every: 5_000, until: null });
      await vi.advanceTimersByTimeAsync(4_999);
      expect(fetch).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(10_001);
      expect(fetch).toHaveBeenCalledTimes(3);
      expect(((await read) as Response).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });
});
