/**
 * The BFF half of `npm run bench`: the built server in demo mode under autocannon, reading the
 * BFF's own `Server-Timing` header on every answer to tell the time it adds from the time it
 * waits for the (fake) upstream. See bench/README.md.
 */
import autocannon, { type Result } from 'autocannon';
import { requestMix, warmUp, withTimeout } from './bench-common';
import { distribution, type Distribution } from './bench-stats';
import { startServer } from './start-server';

export type BffResult = {
  connections: number;
  durationSeconds: number;
  paths: string[];
  /** Time the BFF spent on each request beyond awaiting the upstream (Server-Timing `app`), ms. */
  addedLatencyMs: Distribution;
  /** Time awaited on the upstream (Server-Timing `upstream`), ms, over every answer: mostly cache hits. */
  upstreamMs: Distribution;
  /** Answers that awaited the upstream at least UPSTREAM_CALL_MS: those that went to the fake Twilio (or waited for such a call). */
  upstreamCalls: number;
  /** As the client saw it, queueing on the one server thread included (autocannon), ms. */
  clientLatencyMs: { p50: number; p99: number; max: number };
  totalRequests: number;
  statusCodes: Record<string, number>;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  /** Answers without a well-formed Server-Timing header: each one is a broken measurement. */
  withoutServerTiming: number;
  requestsPerSecond: number;
  bytesPerSecond: number;
  /** Log lines other than `info` the server wrote during the run, by "level status/event path". */
  serverProblems: Record<string, number>;
};

/**
 * A cache hit still awaits a resolved promise (a few hundredths of a millisecond, more when other
 * requests' microtasks run in between); an answer from the fake Twilio takes milliseconds.
 */
export const UPSTREAM_CALL_MS = 1;
const SERVER_TIMING = /^upstream;dur=([\d.]+), app;dur=([\d.]+)$/;

function serverTimingOf(headers: Record<string, string | string[]>): { upstream: number; app: number } | null {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'server-timing' || typeof value !== 'string') continue;
    const match = SERVER_TIMING.exec(value);
    return match ? { upstream: Number(match[1]), app: Number(match[2]) } : null;
  }
  return null;
}

/** The server's non-`info` JSON log lines, counted; anything that is not JSON counts too. */
function problemsIn(output: string): Record<string, number> {
  const problems: Record<string, number> = {};
  for (const line of output.split('\n')) {
    if (!line.trim()) continue;
    let key: string;
    try {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (entry.level === 'info') continue;
      key = [entry.level, entry.status ?? entry.event, entry.path ?? entry.reason ?? entry.resource].join(' ');
    } catch {
      key = `unparsed: ${line.slice(0, 120)}`;
    }
    problems[key] = (problems[key] ?? 0) + 1;
  }
  return problems;
}

/** Starts a fresh built server (default settings: coalescing and a 3 s cache), warms it, loads it. */
export async function measureBff(connections: number, durationSeconds: number): Promise<BffResult> {
  const server = await startServer();
  try {
    const paths = requestMix();
    await warmUp(server.url, paths);
    const added: number[] = [];
    const upstream: number[] = [];
    let upstreamCalls = 0;
    let withoutServerTiming = 0;
    const onResponse = (_status: number, _body: string, _context: unknown, headers: Record<string, string | string[]>) => {
      const timing = serverTimingOf(headers);
      if (!timing) return void withoutServerTiming++;
      added.push(timing.app);
      upstream.push(timing.upstream);
      if (timing.upstream >= UPSTREAM_CALL_MS) upstreamCalls++;
    };
    const load: Result = await withTimeout(
      autocannon({
        url: server.url,
        connections,
        duration: durationSeconds,
        requests: paths.map((path) => ({ method: 'GET', path, onResponse })),
      }),
      (durationSeconds + 60) * 1000,
      'The BFF load',
    );
    return {
      connections,
      durationSeconds,
      paths,
      addedLatencyMs: distribution(added),
      upstreamMs: distribution(upstream),
      upstreamCalls,
      clientLatencyMs: { p50: load.latency.p50, p99: load.latency.p99, max: load.latency.max },
      totalRequests: load['1xx'] + load['2xx'] + load['3xx'] + load['4xx'] + load['5xx'],
      statusCodes: Object.fromEntries(Object.entries(load.statusCodeStats).map(([code, { count }]) => [code, count])),
      non2xx: load.non2xx,
      socketErrors: load.errors - load.timeouts,
      timeouts: load.timeouts,
      withoutServerTiming,
      requestsPerSecond: Math.round(load.requests.mean),
      bytesPerSecond: Math.round(load.throughput.mean),
      serverProblems: problemsIn(server.output()),
    };
  } finally {
    await server.stop();
  }
}
