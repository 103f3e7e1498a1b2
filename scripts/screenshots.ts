/**
 * Screenshots of every page at phone and desktop widths, light and dark:
 *   npm run build && npx vite-node scripts/screenshots.ts [outDir]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium';
import { benchConversationId } from '../src/mocks/fixtures/bench-conversations';
import { UNFAMILIAR, unfamiliarReferences } from '../src/mocks/fixtures/drills';
import { longSummaryId } from '../src/mocks/fixtures/long-conversation';
import { OPERATORS } from '../src/mocks/fixtures/operator-results';
import { startServer } from './start-server';

const outDir = process.argv[2] ?? 'tests/e2e/screenshots';
/** Name, path, and what to wait for besides the network going quiet (a CSS selector). */
const pages: Array<[string, string, string?]> = [
  ['home', '/'],
  ['inbox', '/conversations'],
  ['inbox-triage', '/conversations?window=31d&channel=VOICE&show=__SENTIMENT_OPERATOR__&show=__CSAT__'],
  ['inbox-empty', '/conversations?status=ACTIVE&channel=EMAIL&window=24h'],
  // Review statuses as a column: the samples (older than every generated conversation) hold the demo's reviews.
  ['inbox-review', '/conversations?before=2026-08-01T00:00:00Z'],
  ['inbox-review-mine', '/conversations?before=2026-08-01T00:00:00Z&review=in_review'],
  ['seed', '/conversations/conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2'],
  ['handoff', '/conversations/__HANDOFF__'],
  ['evidence', '/conversations/__HANDOFF__?result=__ENTITIES__'],
  ['reading', '/conversations/__HANDOFF__?q=refund&redact=1&tz=utc'],
  ['unusual', '/conversations/__UNUSUAL__'],
  // References in shapes the viewer cannot open, shown as text beside a normal transcript.
  ['unfamiliar', `/conversations/${unfamiliarReferences.id}?result=${UNFAMILIAR.summaryResult}`],
  // 10,000 messages, opened on the evidence at the far end.
  ['long', `/conversations/${benchConversationId(10_000)}?result=${longSummaryId(10_000)}`],
  ['result-json', '/operator-results/__QA__'],
  ['result-extraction', '/operator-results/__ENTITIES__'],
  ['result-utc', '/operator-results/__ENTITIES__?tz=utc'],
  ['result-long', '/operator-results/__LONG__'],
  // The operator version behind a result, opened: one the account wrote, and one of Twilio's own.
  ['result-operator-self', '/operator-results/__QA__#operator'],
  ['result-operator-twilio', '/operator-results/__ENTITIES__?tz=utc#operator'],
  // The review: the seeded status, verdicts and notes beside the transcript, a verdict open; agreement.
  ['review', '/conversations/__HANDOFF__?result=__SENTIMENT__'],
  // Opened from the inbox: Previous / Next and Next unreviewed above it.
  ['review-queue', '/conversations/__HANDOFF__?from=before%3D2026-08-01T00%253A00%253A00Z'],
  ['result-verdicts', '/operator-results/__SENTIMENT__'],
  // Repeated runs of one operator: the strip of results over time, its second step selected.
  ['strip', '/conversations/__BILLING__?result=__BILLING_RUN__', 'section[aria-label="Results over time"]'],
  ['agreement', '/agreement'],
  ['bad-id', '/conversations/conv_conversation_01K1ETK'],
  ['missing', '/conversations/conv_conversation_00000000000000000000000000'],
  ['not-found', '/nowhere'],
];
const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 900 } };

async function main() {
  mkdirSync(outDir, { recursive: true });
  const server = await startServer({ DEMO_BENCH_CONVERSATIONS: '1' });
  const browser = await launchChromium();
  try {
    const status = (await (await fetch(`${server.url}/api/status`)).json()) as { samples: Array<{ id: string; name: string }> };
    const byName = (text: string) => status.samples.find((s) => s.name?.includes(text))?.id ?? '';
    const handoff = byName('Refund request');
    const conv = await (await fetch(`${server.url}/api/v3/Conversations/${handoff}`)).json();
    const ids = conv.operatorResultIds as string[];
    const long = await (await fetch(`${server.url}/api/v3/Conversations/${byName('2,000')}`)).json();
    const longSummary = (long.operatorResultIds as string[])[0]!;
    const billing = await (await fetch(`${server.url}/api/v3/Conversations/${byName('Double charge')}`)).json();
    const replace = (path: string) =>
      path
        .replace('__BILLING__', billing.id as string)
        .replace('__BILLING_RUN__', (billing.operatorResultIds as string[])[1]!)
        .replace('__HANDOFF__', handoff)
        .replace('__UNUSUAL__', status.samples.find((s) => s.name === null)?.id ?? '')
        .replace('__QA__', ids[3]!)
        .replace('__SENTIMENT__', ids[1]!)
        .replace('__ENTITIES__', ids[2]!)
        .replace('__LONG__', longSummary)
        .replace('__SENTIMENT_OPERATOR__', OPERATORS.sentiment)
        .replace('__CSAT__', OPERATORS.csat);
    const only = process.env.ONLY?.split(',');
    for (const [name, path, ready] of pages) {
      if (only && !only.includes(name)) continue;
      for (const [widthName, viewport] of Object.entries(widths)) {
        for (const colorScheme of ['light', 'dark'] as const) {
          const context = await browser.newContext({ viewport, colorScheme, timezoneId: 'America/New_York', locale: 'en-US' });
          const page = await context.newPage();
          await page.goto(server.url + replace(path));
          await page.waitForLoadState('networkidle');
          if (ready) {
            // After the page has brought a selected result's evidence into view.
            await page.locator(ready).first().waitFor();
            await page.waitForTimeout(1_000);
            await page
              .locator(ready)
              .first()
              .evaluate((element) => element.scrollIntoView({ block: 'center' }));
          }
          await page.waitForTimeout(150);
          await page.screenshot({
            path: join(outDir, `${name}-${widthName}-${colorScheme}.png`),
            fullPage: process.env.FULL === '1',
          });
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
