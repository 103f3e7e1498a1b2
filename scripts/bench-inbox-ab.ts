/**
 * `tsx scripts/bench-inbox-ab.ts <folder A> <folder B>`: the inbox's figures (./bench-inbox.ts) for
 * two builds in one run, for a change meant to move them (bench/README.md, "Comparing two builds").
 *
 * Both servers run at once with the inbox benchmark's demo account; one headless Chromium measures
 * the reference page, then each build in turn, alternating which goes first in every round, so that
 * drift on the machine touches both alike. It prints, per build, the medians over every sample, the
 * spread (lowest and highest) and the long tasks of each round's scroll.
 *
 * BENCH_ROUNDS (default 4) rounds of BENCH_RUNS (default 3) runs of each figure per build.
 */
import { alignColumns, buildsFromArguments, inTurn, positiveInt, runBenchmark } from './bench-common';
import { measurePaint, type Problems } from './bench-browser';
import { startFloorServer } from './bench-floor';
import { INBOX_DEEP_LINK, INBOX_SERVER_ENV, measureInbox } from './bench-inbox';
import { median, round } from './bench-stats';
import { launchChromium } from './chromium';
import { startServer } from './start-server';

const ROUNDS = positiveInt('BENCH_ROUNDS', 4, 50);
const RUNS = positiveInt('BENCH_RUNS', 3, 20);

type Figures = { deepLinkMs: number[]; appMs: number[]; longTasks: number[]; openMs: number[]; backMs: number[] };

async function main(): Promise<number> {
  const builds = buildsFromArguments();
  const problems: Problems = [];
  const floor = await startFloorServer();
  const browser = await launchChromium();
  try {
    for (const build of builds) build.server = await startServer(INBOX_SERVER_ENV, `${build.folder}/dist-server/main.js`);
    await measurePaint(browser, floor.url, 'warm-up', problems);
    const figures = new Map<string, Figures>(
      builds.map((build) => [build.name, { deepLinkMs: [], appMs: [], longTasks: [], openMs: [], backMs: [] }]),
    );
    const reference: number[] = [];
    for (let round_ = 1; round_ <= ROUNDS; round_++) {
      process.stdout.write(`  round ${round_} of ${ROUNDS}\n`);
      for (let run = 0; run < RUNS; run++) reference.push(await measurePaint(browser, floor.url, 'reference page', problems));
      for (const build of inTurn(builds, round_)) {
        const inbox = await measureInbox(browser, build.server!.url, RUNS, problems);
        const into = figures.get(build.name)!;
        into.deepLinkMs.push(...inbox.deepLink.samplesMs);
        into.appMs.push(...inbox.deepLink.appSamplesMs);
        into.longTasks.push(inbox.scrolling.longTasksMs.length);
        into.openMs.push(...inbox.open.samplesMs);
        into.backMs.push(...inbox.back.samplesMs);
      }
    }
    const referenceMs = median(reference);
    const spread = (values: number[]) => `${round(median(values))} (${round(Math.min(...values))}–${round(Math.max(...values))})`;
    const rows = [['figure', 'A median (min–max)', 'B median (min–max)', 'B / A']];
    const compare = (label: string, pick: keyof Figures) => {
      const [valuesA, valuesB] = [figures.get('A')![pick], figures.get('B')![pick]];
      rows.push([label, spread(valuesA), spread(valuesB), `${round((median(valuesB) / median(valuesA) - 1) * 100)} %`]);
    };
    compare(`deep link ${INBOX_DEEP_LINK} → first rows, ms`, 'deepLinkMs');
    compare('deep link → the app’s own rows (usable), ms', 'appMs');
    compare('long tasks > 50 ms per scroll of 2,000 rows', 'longTasks');
    compare('open a hovered conversation, click → painted, ms', 'openMs');
    compare('back to the inbox → rows painted, ms', 'backMs');
    const ratio = (name: string) => round(median(figures.get(name)!.deepLinkMs) / referenceMs, 2);
    rows.push(['deep link / reference page', `${ratio('A')}×`, `${ratio('B')}×`, '']);
    process.stdout.write(
      `\nA: ${builds[0]!.folder}\nB: ${builds[1]!.folder}\n${ROUNDS} rounds of ${RUNS} runs; reference page ${spread(reference)} ms\n\n${alignColumns(rows)}\n`,
    );
    process.stdout.write(`Samples: ${JSON.stringify({ reference, A: figures.get('A'), B: figures.get('B') })}\n`);
  } finally {
    await browser.close();
    for (const build of builds) await build.server?.stop();
    await floor.stop();
  }
  if (problems.length > 0) {
    process.stderr.write(`\nThe benchmark broke:\n${problems.map((problem) => `  ${problem}`).join('\n')}\n`);
    return 1;
  }
  return 0;
}

runBenchmark(main, ROUNDS * 6 * 60_000);
