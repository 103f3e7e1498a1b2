/**
 * `tsx scripts/bench-ab.ts <folder A> <folder B>`: two builds of the app compared in one run, for a
 * change that must not cost the first load anything (bench/README.md, "Comparing two builds").
 *
 * Each folder holds a build (`dist/` and `dist-server/`, as `npm run build` writes them) and
 * resolves `node_modules` (a symbolic link to this repository's will do). Both servers run at once
 * in demo mode with the page benchmark's settings; one headless Chromium opens the same deep links
 * on both, alternating A and B (and which goes first) in every round, so that drift on the machine
 * touches both alike. It prints the medians of the deep-link paint per conversation size and the
 * JavaScript each build loads for a deep link, gzipped, and exits 1 when the benchmark itself broke.
 *
 * BENCH_RUNS (default 12) is the number of rounds.
 */
import type { Browser } from 'playwright-core';
import { longConversationId } from '../src/mocks/fixtures/long-conversation';
import { alignColumns, buildsFromArguments, inTurn, positiveInt, runBenchmark, type Build } from './bench-common';
import { measureCodeSize, measureLoad, warmPage, type Problems } from './bench-browser';
import { median, round } from './bench-stats';
import { launchChromium } from './chromium';
import { startServer } from './start-server';

const RUNS = positiveInt('BENCH_RUNS', 12, 100);
const SIZES = [100, 2_000, 10_000];

type Figures = { paintMs: number[]; dataReadyMs: number[]; renderAfterDataMs: number[] };

const linkTo = (build: Build, size: number) => `${build.server!.url}/conversations/${longConversationId(size)}`;

async function measureRound(browser: Browser, builds: readonly Build[], figures: Map<string, Figures>, problems: Problems) {
  for (const size of SIZES) {
    for (const build of builds) {
      // Answered from the BFF's cache, as in `npm run bench`.
      await (await fetch(`${build.server!.url}/api/v3/Conversations/${longConversationId(size)}`)).arrayBuffer();
      const sample = await measureLoad(browser, linkTo(build, size), `${build.name} ${size}`, problems);
      const into = figures.get(`${build.name} ${size}`)!;
      into.paintMs.push(sample.paintMs);
      into.dataReadyMs.push(sample.dataReadyMs);
      into.renderAfterDataMs.push(sample.renderAfterDataMs);
    }
  }
}

async function main(): Promise<number> {
  const builds = buildsFromArguments();
  const problems: Problems = [];
  let browser: Browser | undefined;
  try {
    for (const build of builds) {
      build.server = await startServer(
        { UPSTREAM_CACHE_MS: '60000', DEMO_BENCH_CONVERSATIONS: '1' },
        `${build.folder}/dist-server/main.js`,
      );
    }
    browser = await launchChromium();
    for (const build of builds) for (const size of SIZES) await warmPage(browser, linkTo(build, size), problems);
    const figures = new Map<string, Figures>();
    for (const build of builds) {
      for (const size of SIZES) figures.set(`${build.name} ${size}`, { paintMs: [], dataReadyMs: [], renderAfterDataMs: [] });
    }
    for (let run = 1; run <= RUNS; run++) {
      process.stdout.write(`  round ${run} of ${RUNS}\n`);
      await measureRound(browser, inTurn(builds, run), figures, problems);
    }
    const code = new Map<string, number>();
    for (const build of builds) {
      code.set(build.name, (await measureCodeSize(browser, linkTo(build, 2_000), problems)).js.gzipBytes);
    }

    const rows = [['figure', 'A', 'B', 'B / A']];
    const compare = (label: string, valueA: number, valueB: number, unit: string) =>
      rows.push([label, `${valueA} ${unit}`, `${valueB} ${unit}`, `${round((valueB / valueA - 1) * 100)} %`]);
    for (const size of SIZES) {
      const of = (name: string, pick: keyof Figures) => round(median(figures.get(`${name} ${size}`)![pick]));
      compare(`paint, ${size} messages (median)`, of('A', 'paintMs'), of('B', 'paintMs'), 'ms');
      compare(`  code and data in`, of('A', 'dataReadyMs'), of('B', 'dataReadyMs'), 'ms');
      compare(`  render after that`, of('A', 'renderAfterDataMs'), of('B', 'renderAfterDataMs'), 'ms');
      // A and B of one round ran back to back: their ratio is what drift on the machine touches least.
      const [a, b] = [figures.get(`A ${size}`)!.paintMs, figures.get(`B ${size}`)!.paintMs];
      const paired = round((median(a.map((value, index) => b[index]! / value)) - 1) * 100);
      rows.push([`  B / A within a round (median)`, '', '', `${paired} %`]);
    }
    compare('JavaScript for a deep link, gzipped', code.get('A')!, code.get('B')!, 'B');
    process.stdout.write(`\nA: ${builds[0]!.folder}\nB: ${builds[1]!.folder}\n${RUNS} rounds\n\n${alignColumns(rows)}\n`);
    for (const build of builds) {
      for (const size of SIZES) {
        process.stdout.write(
          `${build.name} ${size} paint samples: ${figures.get(`${build.name} ${size}`)!.paintMs.join(', ')}\n`,
        );
      }
    }
  } finally {
    await browser?.close();
    for (const build of builds) await build.server?.stop();
  }
  if (problems.length > 0) {
    process.stderr.write(`\nThe benchmark broke:\n${problems.map((problem) => `  ${problem}`).join('\n')}\n`);
    return 1;
  }
  return 0;
}

runBenchmark(main, (RUNS * 90 + 300) * 1000);
