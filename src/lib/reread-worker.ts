/**
 * Re-reads off the page's main thread (`src/lib/reread.ts`): a conditional GET whose unchanged
 * answer (304) costs the page one message, not a request's handling. A changed or failed answer is
 * handed back whole (status, headers, body) for the page to read as any answer.
 */
import type { RereadAnswer, RereadAsk } from './reread-messages';

const reading = new Map<number, AbortController>();

const answer = (message: RereadAnswer, transfer: Transferable[] = []) => postMessage(message, { transfer });

addEventListener('message', (event: MessageEvent<RereadAsk>) => {
  const ask = event.data;
  if (ask.kind === 'abort') {
    reading.get(ask.id)?.abort();
    return;
  }
  const controller = new AbortController();
  reading.set(ask.id, controller);
  void (async () => {
    try {
      const response = await fetch(ask.path, { headers: { 'If-None-Match': ask.tag }, signal: controller.signal });
      const body = await response.arrayBuffer();
      if (response.status === 304) return answer({ id: ask.id, kind: 'unchanged' });
      answer(
        {
          id: ask.id,
          kind: 'answer',
          status: response.status,
          statusText: response.statusText,
          headers: [...response.headers],
          body,
        },
        [body],
      );
    } catch {
      answer({ id: ask.id, kind: 'unreachable' });
    } finally {
      reading.delete(ask.id);
    }
  })();
});
