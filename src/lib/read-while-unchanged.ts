import { pause } from './pause';

/**
 * How long a re-read keeps watching: it waits `every` ms before each read, reads again after each
 * unchanged answer, and answers when one is not (a change, an error) or when the next read would
 * start after `until` (ms since the epoch; null for no end). Until then the page hears nothing.
 */
export type Watch = { every: number; until: number | null };

/**
 * GETs `path` if it changed since the answer tagged `tag` (`If-None-Match`): the answer, or null
 * when it had not (304). Given a `watch`, it waits before each read and reads again for as long as
 * the answer stays unchanged. The one loop of the re-read worker and of a page without workers.
 */
export async function readWhileUnchanged(
  path: string,
  tag: string,
  signal?: AbortSignal,
  watch?: Watch,
): Promise<Response | null> {
  for (;;) {
    if (watch) await pause(watch.every, signal);
    const response = await fetch(path, { signal, headers: { 'If-None-Match': tag } });
    if (response.status !== 304) return response;
    // Its body is empty; reading it lets the browser finish the request rather than cancel it.
    await response.arrayBuffer().catch(() => {});
    if (!watch || (watch.until !== null && Date.now() + watch.every > watch.until)) return null;
  }
}
