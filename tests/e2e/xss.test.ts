import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hostileContent, hostileResultIds, XSS_PAYLOADS } from '../../src/mocks/fixtures/drills';
import { operatorResults } from '../../src/mocks/fixtures/operator-results';
import { HEAD_SCRIPT } from '../../src/server/inline-script';
import { baseUrl, setupBrowser } from './browser';

/**
 * The hostile-content drill (src/mocks/fixtures/drills.ts): XSS payloads in the conversation's name,
 * participant names, addresses, channel IDs and messages, and in its operator results (text,
 * entities, JSON keys and values, a label, parameters, the model, the resolved context) and an
 * operator's name. In every state the page shows them as text and nothing runs.
 */

const browser = setupBrowser();
const xss = XSS_PAYLOADS;
const conversationUrl = () => `${baseUrl()}/conversations/${hostileContent.id}`;
const resultIds = Object.values(hostileResultIds);
const heading = `Drill: hostile content ${xss.script}`;
/** Payloads that are a whole message on their own. */
const wholeMessages = [
  xss.script,
  xss.img,
  xss.svg,
  xss.javascriptUrl,
  xss.iframe,
  xss.anchor,
  xss.template,
  xss.mutation,
  xss.dataUrl,
];

async function open(options: Parameters<typeof browser.newPage>[0] = {}) {
  const { page, problems } = await browser.newPage(options);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, problems, dialogs };
}

type Findings = {
  xss: string;
  frames: number;
  forbidden: string[];
  handlers: string[];
  badLinks: string[];
  linkedScriptText: string[];
};

/** What the DOM holds that it should not. */
function inspect(page: Page): Promise<Findings> {
  return page.evaluate((warmUpScript) => {
    const describe = (el: Element) => el.outerHTML.slice(0, 160);
    const all = [...document.querySelectorAll('*')];
    const forbidden = [
      ...document.querySelectorAll('iframe, frame, frameset, object, embed, svg, math, base, img, script, body style'),
    ].filter((el) => {
      // The app's own: its logo, the module scripts index.html loads from /assets/, and the one
      // inline script of index.html, which the CSP allows by its hash.
      if (el.matches('img') && el.getAttribute('src') === '/favicon.svg') return false;
      if (el.matches('head script') && /^\/assets\/[\w.-]+\.js$/.test(el.getAttribute('src') ?? '') && !el.textContent) {
        return false;
      }
      if (el.matches('head > script:first-child:not([src])') && el.textContent === warmUpScript) return false;
      return true;
    });
    const handlers = all.flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${a.name} on ${describe(el)}`),
    );
    const badLinks = [...document.querySelectorAll('a')]
      .filter((a) => {
        const href = a.getAttribute('href');
        if (href === null) return true;
        // The app's own links: http(s) out, paths in, and in-page anchors (the skip link, "jump to transcript").
        const shapeOk = /^(https?:|\/(?![/\\])|#)/i.test(href);
        return !shapeOk || !['http:', 'https:'].includes(a.protocol);
      })
      .map(describe);
    const linkedScriptText = [...document.querySelectorAll('a')]
      .filter((a) => /javascript:|data:/i.test(a.textContent ?? ''))
      .map(describe);
    return {
      xss: typeof (window as unknown as { __xss?: unknown }).__xss,
      frames: window.frames.length,
      forbidden: forbidden.map(describe),
      handlers,
      badLinks,
      linkedScriptText,
    };
  }, HEAD_SCRIPT);
}

async function expectInert(page: Page, dialogs: string[], problems: string[], state: string) {
  // Give anything injected a moment to load or fire (a broken image's onerror is immediate).
  await page.waitForTimeout(150);
  const findings = await inspect(page);
  expect(findings, state).toEqual({
    xss: 'undefined',
    frames: 0,
    forbidden: [],
    handlers: [],
    badLinks: [],
    linkedScriptText: [],
  } satisfies Findings);
  expect(dialogs, state).toEqual([]);
  // A CSP violation (an inline script or handler the browser refused) would be logged as an error.
  expect(problems, state).toEqual([]);
}

/** The visible text of the page (innerText: what a person sees, not what is hidden). */
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

async function expectHelpLinks(page: Page) {
  const links = page.getByRole('log', { name: 'Transcript' }).locator('a[href]');
  const hrefs = await links.evaluateAll((as) =>
    as.map((a) => ({
      href: a.getAttribute('href'),
      text: a.textContent,
      rel: a.getAttribute('rel'),
      target: a.getAttribute('target'),
    })),
  );
  const help = hrefs.filter((link) => link.href === xss.httpsUrl);
  // Two messages hold the help URL; one tries to break out of the attribute right after it.
  expect(help).toHaveLength(2);
  for (const link of help)
    expect(link).toEqual({ href: xss.httpsUrl, text: xss.httpsUrl, rel: 'noopener noreferrer', target: '_blank' });
  // Nothing else in the transcript is a link: not javascript:, not data:, not the markup.
  expect(hrefs.filter((link) => link.href !== xss.httpsUrl && !link.href?.startsWith('#'))).toEqual([]);
}

/** With every row rendered (`render=all`): each payload must be in the DOM to be checked. */
async function openConversation(page: Page, query = '') {
  await page.goto(`${conversationUrl()}${query ? `${query}&` : '?'}render=all`);
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
  const panel = page.getByRole('region', { name: /^Operator results/ });
  await expect.poll(() => panel.getByRole('link', { name: /^Full result/ }).count()).toBe(resultIds.length);
  await page.getByRole('region', { name: /^Participants/ }).waitFor();
  return panel;
}

describe('the hostile-content drill: payloads are text, never markup or script', () => {
  it('the conversation shows every payload literally and runs none of them', async () => {
    const { page, problems, dialogs } = await open();
    await openConversation(page);
    expect(await page.title()).toBe(`${heading} \u00b7 Conversation Viewer`);
    const transcript = page.getByRole('log', { name: 'Transcript' });
    for (const payload of wholeMessages) {
      await transcript.getByText(payload, { exact: true }).first().waitFor({ state: 'visible' });
    }
    const text = await visibleText(page);
    for (const participant of hostileContent.participants) {
      expect(text).toContain(participant.name);
      for (const address of participant.addressValues) expect(text).toContain(address);
    }
    expect(text).toContain(hostileContent.channelIds[0]);
    expect(text).toContain(`${xss.httpsUrl}"onmouseover="window.__xss=1`);
    await expectHelpLinks(page);
    await expectInert(page, dialogs, problems, 'the conversation, nothing selected');
  });

  it('selecting each result in the panel keeps everything inert', async () => {
    const { page, problems, dialogs } = await open();
    const panel = await openConversation(page);
    for (const id of resultIds) {
      const result = operatorResults.find((r) => r.id === id)!;
      const state = `${result.outputFormat} result ${id} selected`;
      await panel.locator(`[id="result-row-${id}"]`).click();
      await panel.locator(`[id="result-row-${id}"][aria-pressed="true"]`).waitFor();
      await expect.poll(() => new URL(page.url()).searchParams.get('result'), { message: state }).toBe(id);
      // Its evidence is drawn in the transcript: the messages it cites are marked.
      const cited = result.referenceIds[0]!;
      await expect.poll(() => page.locator(`[id="${cited}"]`).getAttribute('data-evidence'), { message: state }).toBeTruthy();
      if (result.outputFormat === 'EXTRACTION') {
        const marks = page.getByRole('log', { name: 'Transcript' }).locator('mark');
        await marks.first().waitFor();
        const marked = await marks.allTextContents();
        for (const entity of (result.result as { entities: Array<{ text: string }> }).entities) {
          expect(
            marked.some((m) => m.startsWith(entity.text)),
            `${entity.text} is marked`,
          ).toBe(true);
        }
        // The labels (one of them a payload) are attribute text, not markup.
        expect(await marks.evaluateAll((ms) => ms.map((m) => m.getAttribute('title')))).toContain(xss.svg);
      }
      await expectHelpLinks(page);
      await expectInert(page, dialogs, problems, state);
    }
    // And back to nothing selected.
    await panel.locator(`[id="result-row-${resultIds.at(-1)}"]`).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('result')).toBeNull();
    await expectInert(page, dialogs, problems, 'selection cleared');
  });

  it.each(resultIds.map((id) => [operatorResults.find((r) => r.id === id)!.outputFormat, id] as const))(
    'a ?result= link to the %s result opens it selected, inert',
    async (_format, id) => {
      const { page, problems, dialogs } = await open();
      const panel = await openConversation(page, `?result=${id}`);
      await panel.locator(`[id="result-row-${id}"][aria-pressed="true"]`).waitFor();
      await expectHelpLinks(page);
      await expectInert(page, dialogs, problems, `?result=${id}`);
    },
  );

  it.each(resultIds.map((id) => [operatorResults.find((r) => r.id === id)!.outputFormat, id] as const))(
    'the %s result page shows its payloads as text, inert',
    async (format, id) => {
      const result = operatorResults.find((r) => r.id === id)!;
      const { page, problems, dialogs } = await open();
      await page.goto(`${baseUrl()}/operator-results/${id}`);
      await page.getByRole('heading', { level: 1, name: 'Operator result' }).waitFor();
      const body = page.getByRole('region', { name: 'Result', exact: true });
      await body.waitFor();
      await page.getByRole('region', { name: 'How it was produced' }).waitFor();
      await page.waitForLoadState('networkidle');
      const text = await body.evaluate((el) => (el as HTMLElement).innerText);
      switch (format) {
        case 'TEXT':
          for (const payload of Object.values(xss)) expect(text).toContain(payload);
          // The operator's name is a payload too, and so are the parameters, model and context.
          await page.getByText(xss.svg, { exact: true }).first().waitFor();
          expect(await visibleText(page)).toContain(xss.iframe);
          expect(await visibleText(page)).toContain(JSON.stringify(result.operator.parameters));
          break;
        case 'EXTRACTION':
          for (const entity of (result.result as { entities: Array<{ text: string; label: string }> }).entities) {
            await body.getByRole('cell', { name: entity.text, exact: true }).waitFor();
            expect(text).toContain(entity.label);
          }
          break;
        case 'JSON': {
          const tree = body.getByRole('list', { name: 'Result as a tree' });
          const treeText = await tree.evaluate((el) => (el as HTMLElement).innerText);
          const keys: string[] = [];
          const leaves: string[] = [];
          const walk = (node: unknown) => {
            if (node && typeof node === 'object') {
              for (const [key, child] of Object.entries(node)) {
                if (!Array.isArray(node)) keys.push(key);
                walk(child);
              }
            } else if (typeof node === 'string') leaves.push(node);
          };
          walk(result.result);
          for (const key of keys) expect(treeText).toContain(key);
          for (const leaf of leaves) expect(treeText).toContain(`"${leaf}"`);
          break;
        }
        case 'CLASSIFICATION':
          expect(text).toContain(xss.anchor);
          break;
      }
      expect(await page.locator('a[href^="/conversations/"]').count()).toBeGreaterThan(0);
      await expectInert(page, dialogs, problems, `result page ${format}`);
    },
  );

  it('the operator version behind a result, opened, shows its prompt, parameters and examples as text, inert', async () => {
    const { page, problems, dialogs } = await open();
    await page.goto(`${baseUrl()}/operator-results/${hostileResultIds.text}#operator`);
    const section = page.getByRole('region', { name: 'Why the operator concluded this' });
    await section.getByRole('region', { name: 'Training examples' }).waitFor();
    await page.waitForLoadState('networkidle');
    const text = await section.evaluate((el) => (el as HTMLElement).innerText);
    // Its name and description, its prompt, a parameter's name, type, default and description, an example.
    for (const payload of [
      xss.svg,
      xss.script,
      xss.iframe,
      xss.template,
      xss.img,
      xss.mutation,
      xss.javascriptUrl,
      xss.dataUrl,
    ]) {
      expect(text).toContain(payload);
    }
    await expectInert(page, dialogs, problems, 'the hostile operator version, opened');
  });

  it('the home page lists the drill and, once opened, shows its name as text', async () => {
    const { page, problems, dialogs } = await open();
    await openConversation(page);
    await page.getByRole('link', { name: 'Conversation Viewer' }).click();
    const recent = page.getByRole('region', { name: 'Opened recently on this browser' });
    await recent.getByRole('link', { name: heading, exact: true }).waitFor();
    await expectInert(page, dialogs, problems, 'home page with the drill in the recent list');
  });

  it('on a phone, the tabs show the same content inert', async () => {
    const { page, problems, dialogs } = await open({ viewport: { width: 390, height: 800 } });
    await page.goto(conversationUrl());
    await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
    await page.getByRole('tab', { name: `Results (${resultIds.length})` }).click();
    await page
      .getByRole('button', { name: new RegExp(`^${xss.svg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
      .first()
      .click();
    await page.getByRole('tab', { name: 'Transcript', selected: true }).waitFor();
    await expectInert(page, dialogs, problems, 'phone, result selected');
    await page.getByRole('tab', { name: /^People/ }).click();
    await page.getByText(xss.template, { exact: true }).first().waitFor();
    await expectInert(page, dialogs, problems, 'phone, people tab');
  });
});
