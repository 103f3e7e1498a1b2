export type UpstreamResponse = { status: number; body: unknown; headers: Record<string, string> };

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
