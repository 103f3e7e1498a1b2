/**
 * What re-reading a live 10,000-message conversation costs the page (part of `npm run bench`, or
 * on its own: `npm run build && tsx scripts/bench-live-poll.ts`).
 *
 * The page polls an ACTIVE conversation every 5 s. For a conversation that does not change (the
 * BFF answers 304) and for one that gains a message between reads (200 with the whole body), it
 * records, per poll: the bytes on the wire (headers and encoded body, as Playwright reports them)
 * and the main thread's busy time (CDP `Performance.getMetrics` TaskDuration) the poll adds: busy
 * time from just before its request to a second after its answer (the work it caused, rendering a
 * grown transcript included), minus the busy time of an idle window of the same length right after
 * it (what the page and the measurement cost anyway: each metrics read is itself about 0.5 ms).
 * Playwright has DevTools' network events on, which cost the page on every request; so the
 * unchanged re-read is measured a second time without them (`measureBarePolls`).
 *
 * `tsx scripts/bench-live-poll.ts <folder A> <folder B>` compares two builds on the unchanged
 * re-read instead, both ways, interleaved (BENCH_RUNS rounds, default 4).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, CDPSession } from 'playwright-core';
import { LIVE_BENCH_IDS } from '../src/mocks/fixtures/bench-conversations';
import { alignColumns, inTurn, positiveInt, runBenchmark, sleep, withTimeout } from './bench-common';
import { median, round } from './bench-stats';
import { BareChromium } from './cdp-pipe';
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
    const path = `/api/v3/Conversations/${conversationId}`;
    let busyAtRequest = 0;
    let requestAt = 0;
    const finished: Array<(sample: { status: number; wireBytes: number; busyAtRequest: number; requestAt: number }) => void> = [];
    // Playwright's own request events: they see a worker's requests (re-reads are made by one).
    page.on('request', (request) => {
      if (!request.url().endsWith(path)) return;
      requestAt = performance.now();
      // Read at once; the request's own dispatch is within a millisecond of it.
      void taskSeconds(cdp).then((seconds) => (busyAtRequest = seconds));
    });
    page.on('requestfinished', (request) => {
      if (!request.url().endsWith(path)) return;
      const at = { busyAtRequest, requestAt };
      void Promise.all([request.response(), request.sizes()]).then(([response, sizes]) =>
        finished.shift()?.({
          status: response?.status() ?? 0,
          wireBytes: sizes.responseHeadersSize + sizes.responseBodySize,
          ...at,
        }),
      );
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

/** Busy-time readings this often while the page is watched without DevTools' network events. */
const SAMPLE_EVERY_MS = 250;
/** A poll's window: from just before its answer was logged to this long after (a 304 has nothing to render). */
const BARE_WINDOW = { beforeMs: 250, afterMs: 750 };
/** Polls measured that way at the least: each figure is a difference of two noisy ones. */
const BARE_MIN_POLLS = 8;

export type BarePollResult = { polls: number; medianMainThreadMs: number; perPollMs: number[]; idleWindowMs: number };

/**
 * The unchanged re-read's main-thread cost with nothing listening to the page's requests: headless
 * Chromium over its DevTools pipe with only the Performance domain on. The server's log says when
 * each re-read was answered; the main thread's CPU time (ThreadTime: unlike TaskDuration, a wall
 * time, it does not grow while a busy machine runs something else) is read every 250 ms
 * throughout. A poll costs the CPU time of the readings around its answer, minus the median of
 * windows of the same length away from any poll (the readings themselves, and whatever an idle
 * page does).
 */
export async function measureBarePolls(
  baseUrl: string,
  serverOutput: NodeJS.ReadableStream,
  conversationId: string,
  polls: number,
): Promise<BarePollResult> {
  const path = `/api/v3/Conversations/${conversationId}`;
  const answers: { at: number; status: number }[] = [];
  let pending = '';
  const onLog = (chunk: Buffer) => {
    const at = performance.now();
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (!line.includes(`"path":"${path}"`)) continue;
      const status = /"status":(\d+)/.exec(line);
      if (status) answers.push({ at, status: Number(status[1]) });
    }
  };
  serverOutput.on('data', onLog);
  const chromium = BareChromium.launch();
  try {
    const session = await chromium.attachToPage();
    await chromium.send('Performance.enable', {}, session);
    const busy = async () => {
      const { metrics } = (await chromium.send('Performance.getMetrics', {}, session)) as {
        metrics: { name: string; value: number }[];
      };
      return metrics.find((m) => m.name === 'ThreadTime')!.value * 1000;
    };
    await chromium.send('Page.navigate', { url: `${baseUrl}/conversations/${conversationId}` }, session);
    const deadline = performance.now() + POLL_TIMEOUT_MS;
    while (!answers.some((a) => a.status === 304)) {
      if (performance.now() > deadline)
        throw new Error(`No re-read of ${conversationId} was answered 304 in ${POLL_TIMEOUT_MS / 1000} s`);
      await sleep(100);
    }
    const first = answers.length;
    const readings: { at: number; busyMs: number }[] = [];
    while (answers.length < first + polls + 1) {
      if (performance.now() > deadline + polls * 10_000) throw new Error(`The re-reads of ${conversationId} stopped`);
      readings.push({ at: performance.now(), busyMs: await busy() });
      await sleep(SAMPLE_EVERY_MS);
    }
    const measured = answers.slice(first, first + polls);
    for (const answer of measured)
      if (answer.status !== 304) throw new Error(`An unchanged re-read answered ${answer.status}, not 304`);
    // Busy time between the last reading before `from` and the first after `to`, and how many intervals that spans.
    const window = (from: number, to: number) => {
      const start = readings.findLastIndex((r) => r.at <= from);
      const end = readings.findIndex((r) => r.at >= to);
      return start === -1 || end === -1 ? null : { busyMs: readings[end]!.busyMs - readings[start]!.busyMs, span: end - start };
    };
    const perPoll = measured.map((a) => window(a.at - BARE_WINDOW.beforeMs, a.at + BARE_WINDOW.afterMs));
    const span = Math.max(...perPoll.map((w) => w?.span ?? 0));
    const nearPoll = (i: number) => answers.some((a) => Math.abs(readings[i]!.at - a.at) < 1_500);
    const idle: number[] = [];
    for (let i = 0; i + span < readings.length; i++) {
      if (nearPoll(i) || nearPoll(i + span)) continue;
      idle.push(readings[i + span]!.busyMs - readings[i]!.busyMs);
    }
    if (idle.length < 3) throw new Error('Too few idle windows to compare the re-reads with');
    const idleMs = median(idle);
    const perPollMs = perPoll.filter((w) => w !== null).map((w) => round(w.busyMs - idleMs * (w.span / span), 3));
    return {
      polls: perPollMs.length,
      medianMainThreadMs: round(median(perPollMs), 3),
      perPollMs,
      idleWindowMs: round(idleMs, 3),
    };
  } finally {
    serverOutput.off('data', onLog);
    await chromium.close();
  }
}

export type LivePollResults = { unchanged: LivePollResult; changed: LivePollResult; bare: BarePollResult };

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
    const bare = await measureBarePolls(
      server.url,
      server.process.stdout!,
      LIVE_BENCH_IDS.quiet,
      Math.max(polls, BARE_MIN_POLLS),
    );
    return { unchanged, changed, bare };
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
    folder,
    entry: `${resolve(folder)}/dist-server/main.js`,
    rounds: [] as number[],
    polls: [] as number[],
    bareRounds: [] as number[],
    barePolls: [] as number[],
  }));
  const browser = await launchChromium();
  try {
    for (let round = 0; round < rounds; round++) {
      for (const build of inTurn(builds, round)) {
        const { result, bare } = await measureQuiet(browser, polls, build.entry);
        build.rounds.push(result.medianMainThreadMs);
        build.polls.push(...result.samples.map((s) => s.mainThreadMs));
        build.bareRounds.push(bare.medianMainThreadMs);
        build.barePolls.push(...bare.perPollMs);
        const each = (values: number[]) => values.map((ms) => ms.toFixed(2)).join(' ');
        process.stdout.write(
          `round ${round + 1} ${build.name}: ${result.medianMainThreadMs.toFixed(2)} ms (${each(result.samples.map((s) => s.mainThreadMs))}); ` +
            `no network events ${bare.medianMainThreadMs.toFixed(2)} ms (${each(bare.perPollMs)})\n`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  const ms = (values: number[]) => `${median(values).toFixed(2)} ms`;
  process.stdout.write(
    `${alignColumns([
      ['Unchanged (304) re-read, 10,000 messages', 'Way', 'Median of round medians', 'Median of every poll', 'Polls'],
      ...builds.flatMap((b) => [
        [`${b.name}: ${b.folder}`, 'network events on', ms(b.rounds), ms(b.polls), String(b.polls.length)],
        [`${b.name}: ${b.folder}`, 'network events off', ms(b.bareRounds), ms(b.barePolls), String(b.barePolls.length)],
      ]),
    ])}\n`,
  );
  return 0;
}

async function measureQuiet(browser: Browser, polls: number, entry: string) {
  const server = await startServer({ DEMO_BENCH_CONVERSATIONS: '1' }, entry);
  try {
    const result = await measurePolls(browser, server.url, LIVE_BENCH_IDS.quiet, polls);
    for (const sample of result.samples)
      if (sample.status !== 304) throw new Error(`An unchanged re-read answered ${sample.status}, not 304`);
    const bare = await measureBarePolls(
      server.url,
      server.process.stdout!,
      LIVE_BENCH_IDS.quiet,
      Math.max(polls, BARE_MIN_POLLS),
    );
    return { result, bare };
  } finally {
    await server.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const polls = positiveInt('BENCH_POLLS', 5, 50);
  const [a, b] = process.argv.slice(2);
  if (a && b) {
    const rounds = positiveInt('BENCH_RUNS', 4, 50);
    runBenchmark(
      () => compareBuilds([a, b], polls, rounds),
      (rounds * 2 * (polls * 10 + Math.max(polls, BARE_MIN_POLLS) * 6 + 30) + 120) * 1000,
    );
  } else
    runBenchmark(
      async () => {
        const browser = await launchChromium();
        try {
          const { unchanged, changed, bare } = await measureLivePolls(browser, polls);
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
              [
                'unchanged (304), no DevTools network events',
                `${bare.medianMainThreadMs.toFixed(2)} ms`,
                '',
                `${bare.perPollMs.map((ms) => ms.toFixed(2)).join(' ')} (each less an idle window's ${bare.idleWindowMs.toFixed(2)} ms)`,
              ],
            ])}\n`,
          );
          return 0;
        } finally {
          await browser.close();
        }
      },
      (polls * 2 * 10 + Math.max(polls, BARE_MIN_POLLS) * 6 + 120) * 1000,
    );
}
