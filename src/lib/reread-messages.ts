import type { Watch } from './read-while-unchanged';

/** What the page and the re-read worker (`reread-worker.ts`) say to each other. */
export type RereadAsk = { id: number; kind: 'read'; path: string; tag: string; watch?: Watch } | { id: number; kind: 'abort' };

export type RereadAnswer =
  | { id: number; kind: 'unchanged' }
  | { id: number; kind: 'answer'; status: number; statusText: string; headers: [string, string][]; body: ArrayBuffer }
  | { id: number; kind: 'unreachable' };
