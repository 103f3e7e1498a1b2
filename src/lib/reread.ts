import { readWhileUnchanged, type Watch } from './read-while-unchanged';
import type { RereadAnswer, RereadAsk } from './reread-messages';

export type { Watch } from './read-while-unchanged';

/** A conditional re-read's answer when nothing changed (304). */
export const UNCHANGED = Symbol('unchanged');

type Waiting = {
  resolve: (answer: Response | typeof UNCHANGED) => void;
  reject: (error: unknown) => void;
  /** The worker failed before answering: read in the page instead. */
  readHere: () => void;
};

/** Not started yet (undefined), none to be had here (null), or the one re-reading for this page. */
let worker: Worker | null | undefined;
const waiting = new Map<number, Waiting>();
let lastId = 0;

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  let started: Worker;
  try {
    started = new Worker(new URL('./reread-worker.ts', import.meta.url), { type: 'module', name: 're-reads' });
  } catch {
    return null;
  }
  started.addEventListener('message', (event: MessageEvent<RereadAnswer>) => {
    const answer = event.data;
    const asker = waiting.get(answer.id);
    if (!asker) return;
    waiting.delete(answer.id);
    if (answer.kind === 'unchanged') asker.resolve(UNCHANGED);
    else if (answer.kind === 'unreachable') asker.reject(new TypeError('The server could not be reached.'));
    else {
      const { status, statusText, headers, body } = answer;
      asker.resolve(new Response(status === 204 || status === 205 ? null : body, { status, statusText, headers }));
    }
  });
  // A worker that cannot start (its script refused or missing): this page re-reads by itself.
  started.addEventListener('error', () => {
    worker = null;
    started.terminate();
    for (const asker of waiting.values()) asker.readHere();
    waiting.clear();
  });
  return started;
}

const readHere = async (path: string, tag: string, signal?: AbortSignal, watch?: Watch) =>
  (await readWhileUnchanged(path, tag, signal, watch)) ?? UNCHANGED;

/**
 * GETs `path` if it changed since the answer tagged `tag` (`If-None-Match`): UNCHANGED, or the
 * answer. Where the browser has workers, a worker makes the request, so that an unchanged answer,
 * the common case of a live conversation re-read every few seconds, costs the page's main thread
 * one message instead of a request's handling (decision 0022). Rejects as `fetch` does: with the
 * signal's reason once aborted, with a TypeError when the server cannot be reached.
 *
 * Given a `watch`, it waits and re-reads for as long as the answer stays unchanged (see `Watch`):
 * a quiet live conversation then costs the page nothing at all between changes.
 */
export function conditionalGet(
  path: string,
  tag: string,
  signal?: AbortSignal,
  watch?: Watch,
): Promise<Response | typeof UNCHANGED> {
  if (worker === undefined) worker = startWorker();
  const current = worker;
  if (current === null) return readHere(path, tag, signal, watch);
  if (signal?.aborted) return Promise.reject(signal.reason);
  const id = ++lastId;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      waiting.delete(id);
      current.postMessage({ id, kind: 'abort' } satisfies RereadAsk);
      reject(signal!.reason);
    };
    const done = () => signal?.removeEventListener('abort', onAbort);
    waiting.set(id, {
      resolve: (answer) => (done(), resolve(answer)),
      reject: (error) => (done(), reject(error)),
      readHere: () => (done(), readHere(path, tag, signal, watch).then(resolve, reject)),
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    current.postMessage({ id, kind: 'read', path, tag, watch } satisfies RereadAsk);
  });
}
