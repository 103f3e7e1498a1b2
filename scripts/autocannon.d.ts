/** The part of autocannon's programmatic API that scripts/bench-server.ts and scripts/bench-bff.ts use (autocannon ships no types). */
declare module 'autocannon' {
  export type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /**
     * Called with every answer to this request. `headers` are named as the server sent them; a
     * header sent more than once comes as an array.
     */
    onResponse?: (
      status: number,
      body: string,
      context: Record<string, unknown>,
      headers: Record<string, string | string[]>,
    ) => void;
  };

  export type Options = {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds before a request counts as a timeout (default 10). */
    timeout?: number;
    pipelining?: number;
    requests?: Request[];
  };

  /** Histogram summaries: average, mean, stddev, min, max and percentiles p0_001 … p99_999. */
  export type Histogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p2_5: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    p99_9: number;
    total?: number;
    totalCount?: number;
    sent?: number;
  };

  export type Result = {
    url: string;
    connections: number;
    duration: number;
    start: Date;
    finish: Date;
    /** Socket errors, including timeouts. */
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    resets: number;
    '1xx': number;
    '2xx': number;
    '3xx': number;
    '4xx': number;
    '5xx': number;
    statusCodeStats: Record<string, { count: number }>;
    /** Milliseconds. */
    latency: Histogram;
    /** Requests per second, sampled every second. */
    requests: Histogram;
    /** Bytes per second, sampled every second. */
    throughput: Histogram;
  };

  export default function autocannon(options: Options): Promise<Result>;
}
