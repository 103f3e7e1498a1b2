/**
 * Re-reads off the page's main thread (`src/lib/reread.ts`): a conditional GET whose unchanged
 * answer (304) costs the page nothing when it watches (the worker waits and reads again by itself)
 * and one message otherwise. A changed or failed answer is handed back whole (status, headers,
 * body) for the page to read as any answer.
 */
import { readWhileUnchanged } from './read-while-unchanged';
import type { RereadAnswer, RereadAsk } from './reread-messages';

const reading = new Map<number, AbortController>();

const answer = (message: RereadAnswer, transfer: Transferable[] = []) => postMessage(message, { transfer });

async function read(ask: Extract<RereadAsk, { kind: 'read' }>, signal: AbortSignal): Promise<void> {
  const response = await readWhileUnchanged(ask.path, ask.tag, signal, ask.watch);
  if (!response) return answer({ id: ask.id, kind: 'unchanged' });
  const body = await response.arrayBuffer();
  const { status, statusText } = response;
  answer({ id: ask.id, kind: 'answer', status, statusText, headers: [...response.headers], body }, [body]);
}

addEventListener('message', (event: MessageEvent<RereadAsk>) => {
  const ask = event.data;
  if (ask.kind === 'abort') {
    reading.get(ask.id)?.abort();
    return;
  }
  const controller = new AbortController();
  reading.set(ask.id, controller);
  read(ask, controller.signal)
    .catch(() => {
      if (!controller.signal.aborted) answer({ id: ask.id, kind: 'unreachable' });
    })
    .finally(() => reading.delete(ask.id));
});
