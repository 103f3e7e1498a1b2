/**
 * What re-reading a live 10,000-message conversation costs the page (part of `npm run bench`, or
 * on its own: `npm run build && tsx scripts/bench-live-poll.ts`).
 *
 * The page polls an ACTIVE conversation every 5 s. For a conversation that does not change (the
 * BFF answers 304) and for one that gains a message between reads (200 with the whole body), it
 * records, per poll: the bytes on the wire (Chromium's encoded length: headers and body) and the
 * main thread's busy time (CDP `Performance.getMetrics` TaskDuration) the poll adds: busy time
 * from just before its request to a second after its answer (the work it caused, rendering a grown
 * transcript included), minus the busy time of an idle window of the same length right after it
 * (what the page and the measurement cost anyway: each metrics read is itself about 0.5 ms).
 *
 * `tsx scripts/bench-live-poll.ts <folder A> <folder B>` compares two builds on the unchanged
 * re-read instead, interleaved (BENCH_RUNS rounds, default 4).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, CDPSession } from 'playwright-core';
import { LIVE_BENCH_IDS } from '../src/mocks/fixtures/bench-conversations';
import { alignColumns, positiveInt, runBenchmark, sleep, withTimeout } from './bench-common';
import { median, round } from './bench-stats';
import { launchChromium } from './chromium';
import { startServer } from './start-server';

/**
 * How long after a poll's answer its work is taken to be over (rendering a grown transcript
 * included). The window and the idle one after it must end before the next poll, 5 s on.
 */
const AFTER_ANSWER_MS = 1_000;
const POLL_TIMEOUT_MS = 20_000;

export type PollSample = { status: number; wireBytes: number; mainThreadMs: number; windowMs: number; idleWindowMs: number };
export type LivePollResult = {
  conversationId: string;
  samples: PollSample[];
  medianMainThreadMs: number;
  medianWireBytes: number;
};

const taskSeconds = async (cdp: CDPSession) =>
  (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value;

/** Opens the conversation, lets it settle, then measures `polls` re-reads. */
async function measurePolls(browser: Browser, baseUrl: string, conversationId: string, polls: number): Promise<LivePollResult> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1, timezoneId: 'UTC' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Network.enable');
    const path = `/api/v3/Conversations/${conversationId}`;
    type Pending = { requestId: string; status: number | null };
    let current: Pending | null = null;
    let busyAtRequest = 0;
    let requestAt = 0;
    const finished: Array<(sample: { status: number; wireBytes: number; busyAtRequest: number; requestAt: number }) => void> = [];
    cdp.on('Network.requestWillBeSent', (event) => {
      if (!event.request.url.endsWith(path)) return;
      current = { requestId: event.requestId, status: null };
      requestAt = performance.now();
      // Read at once; the request's own dispatch is within a millisecond of it.
      void taskSeconds(cdp).then((seconds) => (busyAtRequest = seconds));
    });
    cdp.on('Network.responseReceived', (event) => {
      if (current?.requestId === event.requestId) current.status = event.response.status;
    });
    cdp.on('Network.loadingFinished', (event) => {
      if (current?.requestId !== event.requestId) return;
      const done = { status: current.status ?? 0, wireBytes: event.encodedDataLength, busyAtRequest, requestAt };
      current = null;
      finished.shift()?.(done);
    });
    const nextAnswer = () =>
      withTimeout(
        new Promise<{ status: number; wireBytes: number; busyAtRequest: number; requestAt: number }>((resolve) =>
          finished.push(resolve),
        ),
        POLL_TIMEOUT_MS,
        `a re-read of ${conversationId}`,
      );

    const first = nextAnswer();
    await page.goto(baseUrl + `/conversations/${conversationId}`);
    await first;
    await page.locator('[data-message]').first().waitFor();
    const samples: PollSample[] = [];
    for (let poll = 0; poll < polls; poll++) {
      const answer = await nextAnswer();
      await sleep(AFTER_ANSWER_MS);
      const busyAfter = await taskSeconds(cdp);
      const windowMs = performance.now() - answer.requestAt;
      const idleStart = await taskSeconds(cdp);
      await sleep(windowMs);
      const idleEnd = await taskSeconds(cdp);
      const pollMs = (busyAfter - answer.busyAtRequest) * 1000;
      const idleMs = (idleEnd - idleStart) * 1000;
      samples.push({
        status: answer.status,
        wireBytes: answer.wireBytes,
        mainThreadMs: round(Math.max(0, pollMs - idleMs), 3),
        windowMs: round(pollMs, 3),
        idleWindowMs: round(idleMs, 3),
      });
    }
    return {
      conversationId,
      samples,
      medianMainThreadMs: round(median(samples.map((s) => s.mainThreadMs)), 3),
      medianWireBytes: round(median(samples.map((s) => s.wireBytes))),
    };
  } finally {
    await context.close();
  }
}

export type LivePollResults = { unchanged: LivePollResult; changed: LivePollResult };

/** Both cases, against a BFF in demo mode with the benchmark's conversations and its usual 3 s cache. */
export async function measureLivePolls(browser: Browser, polls: number, entry?: string): Promise<LivePollResults> {
  const server = await startServer({ DEMO_BENCH_CONVERSATIONS: '1' }, entry);
  try {
    const unchanged = await measurePolls(browser, server.url, LIVE_BENCH_IDS.quiet, polls);
    const changed = await measurePolls(browser, server.url, LIVE_BENCH_IDS.growing, polls);
    for (const sample of unchanged.samples)
      if (sample.status !== 304) throw new Error(`An unchanged re-read answered ${sample.status}, not 304`);
    for (const sample of changed.samples)
      if (sample.status !== 200) throw new Error(`A changed re-read answered ${sample.status}, not 200`);
    return { unchanged, changed };
  } finally {
    await server.stop();
  }
}

/**
 * Two builds (folders as for scripts/bench-ab.ts) compared on the unchanged re-read: `rounds`
 * rounds, each measuring A and B in turn (which goes first alternates), so that drift on a shared
 * machine touches both alike. Prints the median of each round's median, and of every poll.
 */
async function compareBuilds(folders: [string, string], polls: number, rounds: number): Promise<number> {
  const builds = folders.map((folder, i) => ({
    name: 'AB'[i]!,
    entry: `${resolve(folder)}/dist-server/main.js`,
    rounds: [] as number[],
    polls: [] as number[],
  }));
  const browser = await launchChromium();
  try {
    for (let round = 0; round < rounds; round++) {
      for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
        const result = await measureQuiet(browser, polls, build.entry);
        build.rounds.push(result.medianMainThreadMs);
        build.polls.push(...result.samples.map((s) => s.mainThreadMs));
        process.stdout.write(
          `round ${round + 1} ${build.name}: ${result.medianMainThreadMs.toFixed(2)} ms (${result.samples.map((s) => s.mainThreadMs.toFixed(2)).join(' ')})\n`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(
    `${alignColumns([
      ['Unchanged (304) re-read, 10,000 messages', 'Median of round medians', 'Median of every poll', 'Polls'],
      ...builds.map((b) => [
        `${b.name}: ${folders['AB'.indexOf(b.name)]}`,
        `${median(b.rounds).toFixed(2)} ms`,
        `${median(b.polls).toFixed(2)} ms`,
        String(b.polls.length),
      ]),
    ])}\n`,
  );
  return 0;
}

async function measureQuiet(browser: Browser, polls: number, entry: string): Promise<LivePollResult> {
  const server = await startServer({ DEMO_BENCH_CONVERSATIONS: '1' }, entry);
  try {
    const result = await measurePolls(browser, server.url, LIVE_BENCH_IDS.quiet, polls);
    for (const sample of result.samples)
      if (sample.status !== 304) throw new Error(`An unchanged re-read answered ${sample.status}, not 304`);
    return result;
  } finally {
    await server.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const polls = positiveInt('BENCH_POLLS', 5, 50);
  const [a, b] = process.argv.slice(2);
  if (a && b) {
    const rounds = positiveInt('BENCH_RUNS', 4, 50);
    runBenchmark(() => compareBuilds([a, b], polls, rounds), (rounds * 2 * (polls * 10 + 30) + 120) * 1000);
  } else
    runBenchmark(
      async () => {
        const browser = await launchChromium();
        try {
          const { unchanged, changed } = await measureLivePolls(browser, polls);
          const line = (label: string, r: LivePollResult) => [
            label,
            `${r.medianMainThreadMs.toFixed(2)} ms`,
            `${r.medianWireBytes.toLocaleString('en-US')} B`,
            r.samples
              .map(
                (s) =>
                  `${s.status}: ${s.mainThreadMs.toFixed(2)} ms (${s.windowMs.toFixed(2)} − idle ${s.idleWindowMs.toFixed(2)}), ${s.wireBytes} B`,
              )
              .join('; '),
          ];
          process.stdout.write(
            `${alignColumns([
              ['Re-read of a live 10,000-message conversation', 'Main thread (median)', 'On the wire (median)', 'Every poll'],
              line('unchanged (304)', unchanged),
              line('changed (200, one more message)', changed),
            ])}\n`,
          );
          return 0;
        } finally {
          await browser.close();
        }
      },
      (polls * 2 * 10 + 120) * 1000,
    );
}
