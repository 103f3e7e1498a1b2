/**
 * How long a re-read keeps watching: it waits `every` ms before each read, reads again after each
 * unchanged answer, and answers when one is not (a change, an error) or when the next read would
 * start after `until` (ms since the epoch; null for no end). Until then the page hears nothing.
 */
export type Watch = { every: number; until: number | null };

/** What the page and the re-read worker (`reread-worker.ts`) say to each other. */
export type RereadAsk = { id: number; kind: 'read'; path: string; tag: string; watch?: Watch } | { id: number; kind: 'abort' };

export type RereadAnswer =
  | { id: number; kind: 'unchanged' }
  | { id: number; kind: 'answer'; status: number; statusText: string; headers: [string, string][]; body: ArrayBuffer }
  | { id: number; kind: 'unreachable' };

/** Whether a watch that just saw an unchanged answer reads again, by the clock `now`. */
export const watchGoesOn = (watch: Watch | undefined, now: number): watch is Watch =>
  watch !== undefined && (watch.until === null || now + watch.every <= watch.until);
