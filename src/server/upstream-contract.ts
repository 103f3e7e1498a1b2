export type UpstreamResponse = {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /**
   * Filled in by the BFF the first time it relays this answer: a cached or coalesced answer is
   * checked against the contract, serialised and tagged (ETag) once, not on every request that
   * shares it.
   */
  relayed?: { text: string; etag: string } | { problem: string };
};

/** The Conversation Intelligence API, as the BFF sees it: raw GETs, never a rebuilt body. */
export interface Upstream {
  get(path: string): Promise<UpstreamResponse>;
}

export class UpstreamUnavailable extends Error {
  override name = 'UpstreamUnavailable';
  constructor(
    readonly reason: 'timeout' | 'unreachable',
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}
