import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../scripts/start-server';
import { aiHandoff, seedConversation, smsThread } from '../../src/mocks/fixtures/conversations';
import { OPERATORS, operatorResults } from '../../src/mocks/fixtures/operator-results';
import { startServer } from '../../scripts/start-server';

/**
 * Nothing secret leaves the server: not in a response body or header, not in the built assets, not
 * in the logs. The server runs from the production build with live-looking credentials; Twilio is
 * unreachable from here, so its calls fail fast (502/504), which exercises the error paths too.
 */

// Canary credentials: well-formed, distinctive, and found nowhere else.
const ACCOUNT_SID = 'AC7e1f0a9c3b5d4e2f8a6c0b1d9e3f5a7c';
const AUTH_TOKEN = 'CanaryAuthTok3n-9f8e7d6c5b4a3Z2y';
const API_KEY = 'SK4b2d9e7f1a3c5e8d0b6f2a4c9e1d7b3f';
const API_SECRET = 'CanaryApiS3cret-Q1w2E3r4T5y6U7i8';

/** What must never be seen. The account SID's first 6 characters are shown on purpose ("AC7e1f…"). */
const SECRETS: Record<string, string> = {
  'the auth token': AUTH_TOKEN,
  'the API secret': API_SECRET,
  'the account SID beyond its first 6 characters': ACCOUNT_SID.slice(6),
  'the API key beyond its first 6 characters': API_KEY.slice(6),
  'Basic credentials (SID:token)': Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64'),
  'Basic credentials (key:secret)': Buffer.from(`${API_KEY}:${API_SECRET}`).toString('base64'),
};

const DIST = join(process.cwd(), 'dist');
const ASSETS = join(DIST, 'assets');
const firstAsset = (extension: string) => {
  const name = readdirSync(ASSETS).find((file) => file.endsWith(extension));
  if (!name) throw new Error(`no ${extension} in dist/assets`);
  return `/assets/${name}`;
};

const VALID = {
  conversation: seedConversation.id,
  operatorResult: operatorResults[0]!.id,
  operator: OPERATORS.summary,
};

type Probe = { path: string; init?: RequestInit; kind: 'api' | 'page' | 'asset'; status: number[] };

/** Twilio cannot be reached from here: a 502 (refused, no DNS) or a 504 (no answer in time). */
const UPSTREAM = [502, 504];

function probes(): Probe[] {
  return [
    { path: '/api/status', kind: 'api', status: [200] },
    { path: `/api/v3/Conversations/${VALID.conversation}`, kind: 'api', status: UPSTREAM },
    { path: '/api/v3/Conversations/conv_conversation_nope', kind: 'api', status: [400] },
    { path: `/api/v3/Conversations/${VALID.conversation}%0d%0aX-Injected:%201`, kind: 'api', status: [400, 404] },
    { path: `/api/v3/OperatorResults/${VALID.operatorResult}`, kind: 'api', status: UPSTREAM },
    { path: '/api/v3/OperatorResults/..%2F..%2Fstatus', kind: 'api', status: [400] },
    { path: `/api/v3/ControlPlane/Operators/${VALID.operator}`, kind: 'api', status: UPSTREAM },
    { path: '/api/v3/ControlPlane/Operators/%3Cscript%3E', kind: 'api', status: [400] },
    { path: `/api/v3/OperatorResults?conversationId=${VALID.conversation}`, kind: 'api', status: UPSTREAM },
    { path: `/api/v3/OperatorResults?conversationId=${VALID.conversation}&pageSize=5`, kind: 'api', status: UPSTREAM },
    { path: '/api/v3/OperatorResults?conversationId=nope', kind: 'api', status: [400] },
    { path: '/api/v3/OperatorResults', kind: 'api', status: [400] },
    { path: '/api/nope', kind: 'api', status: [404] },
    { path: '/api/status', init: { method: 'POST', headers: { 'Sec-Fetch-Site': 'same-origin' } }, kind: 'api', status: [404] },
    { path: '/', kind: 'page', status: [200] },
    { path: `/conversations/${VALID.conversation}`, kind: 'page', status: [200] },
    { path: `/operator-results/${VALID.operatorResult}?result=x#y`, kind: 'page', status: [200] },
    { path: '/index.html', kind: 'page', status: [200] },
    { path: '/favicon.svg', kind: 'asset', status: [200] },
    { path: firstAsset('.js'), kind: 'asset', status: [200] },
    { path: firstAsset('.css'), kind: 'asset', status: [200] },
    { path: '/assets/missing-0000.js', kind: 'asset', status: [404] },
  ];
}

type Answer = { probe: Probe; status: number; headers: Array<[string, string]>; body: string };

async function requestAll(server: RunningServer): Promise<Answer[]> {
  const answers: Answer[] = [];
  // One at a time, so a slow upstream failure cannot hide behind another request.
  for (const probe of probes()) {
    const response = await fetch(server.url + probe.path, { redirect: 'manual', ...probe.init });
    answers.push({ probe, status: response.status, headers: [...response.headers], body: await response.text() });
  }
  return answers;
}

function leaksIn(text: string): string[] {
  return Object.entries(SECRETS).flatMap(([what, value]) => (text.includes(value) ? [what] : []));
}

function expectNoLeaks(answers: Answer[]) {
  for (const { probe, status, headers, body } of answers) {
    const where = `${probe.init?.method ?? 'GET'} ${probe.path} (${status})`;
    expect(leaksIn(body), `${where}: body`).toEqual([]);
    for (const [name, value] of headers) expect(leaksIn(`${name}: ${value}`), `${where}: header ${name}`).toEqual([]);
  }
}

function header(answer: Answer, name: string): string | undefined {
  return answer.headers.find(([key]) => key === name)?.[1];
}

/** The security headers the README promises on every response; Cache-Control no-store on the API. */
function expectSecurityHeaders(answers: Answer[]) {
  for (const answer of answers) {
    const where = `${answer.probe.init?.method ?? 'GET'} ${answer.probe.path} (${answer.status})`;
    const csp = header(answer, 'content-security-policy');
    expect(csp, `${where}: Content-Security-Policy`).toBeDefined();
    const directives = new Map(
      csp!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name!.toLowerCase(), values] as const),
    );
    const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
    expect(scriptSrc, `${where}: script-src`).toBeDefined();
    expect(scriptSrc, `${where}: script-src`).not.toContain("'unsafe-inline'");
    expect(scriptSrc, `${where}: script-src`).not.toContain("'unsafe-eval'");
    expect(directives.get('frame-ancestors'), `${where}: frame-ancestors`).toEqual(["'none'"]);
    expect(header(answer, 'x-content-type-options'), `${where}: X-Content-Type-Options`).toBe('nosniff');
    expect(header(answer, 'referrer-policy'), `${where}: Referrer-Policy`).toBe('no-referrer');
    if (answer.probe.kind === 'api') {
      expect(header(answer, 'cache-control'), `${where}: Cache-Control`).toBe('no-store');
      expect(header(answer, 'content-type'), `${where}: Content-Type`).toMatch(/^application\/json/);
    }
  }
}

/**
 * The log: one JSON object a line. The first says where the server listens; its `message` is the
 * line meant for a person ("Conversation viewer on http://… using …"). One says when the database is
 * open (`database_ready`); the entries are the rest.
 */
function logLines(server: RunningServer): {
  banner: string;
  database: Record<string, unknown> | undefined;
  entries: Array<Record<string, unknown>>;
} {
  const all = server
    .output()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new Error(`A log line is not JSON: ${line}`);
      }
      expect(parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed), `not a JSON object: ${line}`).toBe(true);
      return parsed as Record<string, unknown>;
    });
  const [first, ...rest] = all;
  expect(first).toMatchObject({ level: 'info', event: 'listening', url: server.url });
  const database = rest.find((entry) => entry.event === 'database_ready');
  return { banner: String(first?.message), database, entries: rest.filter((entry) => entry !== database) };
}

function expectStatuses(answers: Answer[]) {
  for (const { probe, status, body } of answers) {
    expect(probe.status, `${probe.init?.method ?? 'GET'} ${probe.path} answered ${status}: ${body.slice(0, 200)}`).toContain(
      status,
    );
  }
}

describe.each([
  ['an account SID and auth token', { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN }],
  ['an API key and secret', { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_API_KEY: API_KEY, TWILIO_API_SECRET: API_SECRET }],
])('live mode with %s', (_name, credentials) => {
  let server: RunningServer;
  let answers: Answer[];

  beforeAll(async () => {
    server = await startServer({ ...credentials, UPSTREAM_TIMEOUT_MS: '1000' });
    answers = await requestAll(server);
    // Let the last log lines reach the pipe.
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('runs live and says which account, by its first characters only', async () => {
    const status = JSON.parse(answers.find((a) => a.probe.path === '/api/status' && !a.probe.init)!.body) as Record<
      string,
      unknown
    >;
    expect(status).toMatchObject({ mode: 'live', accountSidPrefix: `${ACCOUNT_SID.slice(0, 6)}\u2026` });
    expect(logLines(server).banner).toBe(
      `Conversation viewer on ${server.url} using Twilio account ${ACCOUNT_SID.slice(0, 6)}\u2026`,
    );
  });

  it('answers every route as expected (Twilio unreachable: 502/504)', () => {
    expectStatuses(answers);
  });

  it('puts no credential in any response body or header', () => {
    expect(answers.length).toBeGreaterThanOrEqual(20);
    expectNoLeaks(answers);
  });

  it('sends the security headers on every response, and no-store on the API', () => {
    expectSecurityHeaders(answers);
  });

  it('writes no credential to stdout or stderr, and logs one JSON object a line', () => {
    const output = server.output();
    expect(leaksIn(output)).toEqual([]);
    const { entries } = logLines(server);
    // Every API request was logged, and so were the upstream failures.
    expect(entries.filter((e) => typeof e.path === 'string' && String(e.path).startsWith('/api/')).length).toBe(
      answers.filter((a) => a.probe.kind === 'api').length,
    );
    expect(entries.some((e) => e.event === 'upstream_unavailable')).toBe(true);
  });
});

describe('the built assets', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(DIST);

  it('are there to scan', () => {
    expect(files.map((f) => relative(DIST, f))).toContain('index.html');
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
  });

  it.each(files.map((f) => [relative(DIST, f), f] as const))('%s holds no credential or server secret name', (_name, file) => {
    const text = readFileSync(file, 'latin1');
    expect(leaksIn(text)).toEqual([]);
    // The browser bundle never knows how the server authenticates.
    for (const name of ['TWILIO_AUTH_TOKEN', 'TWILIO_API_SECRET', 'TWILIO_API_KEY', 'authToken', 'apiSecret']) {
      expect(text.includes(name), name).toBe(false);
    }
  });
});

describe('demo mode logs', () => {
  let server: RunningServer;
  let paths: string[] = [];
  beforeAll(async () => {
    server = await startServer({});
    paths = [
      ...[seedConversation, smsThread, aiHandoff].map((c) => `/api/v3/Conversations/${c.id}`),
      ...seedConversation.operatorResultIds.map((id) => `/api/v3/OperatorResults/${id}`),
      `/api/v3/OperatorResults?conversationId=${seedConversation.id}`,
      `/api/v3/ControlPlane/Operators/${OPERATORS.summary}`,
    ];
    for (const path of paths) {
      const response = await fetch(server.url + path);
      expect(response.status, path).toBe(200);
      await response.text();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('are one JSON object a line, one per API request', () => {
    const { banner, database, entries } = logLines(server);
    expect(banner).toBe(`Conversation viewer on ${server.url} using demo data (no Twilio credentials configured)`);
    expect(database).toMatchObject({
      level: 'info',
      message: expect.stringMatching(/^Reviews are kept in the embedded database in \/.+\/demo$/),
    });
    expect(entries).toHaveLength(paths.length);
    for (const entry of entries) {
      expect(entry).toMatchObject({ level: 'info', method: 'GET', status: 200 });
      expect(typeof entry.time).toBe('string');
    }
  });

  it('never contain message text or operator result text', () => {
    const output = server.output();
    const texts = [seedConversation, smsThread, aiHandoff]
      .flatMap((c) => c.communications.map((m) => m.content.text ?? ''))
      // Long enough not to turn up by chance (one SMS reads just "C").
      .filter((text) => text.length >= 12);
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect(output.includes(text), text).toBe(false);
    // A distinctive part of each seed message, in case a log shortened it.
    for (const message of seedConversation.communications) {
      const text = message.content.text ?? '';
      if (text.length > 24) expect(output.includes(text.slice(0, 24)), text).toBe(false);
    }
    for (const id of seedConversation.operatorResultIds) {
      const result = operatorResults.find((r) => r.id === id)!;
      expect(output.includes(JSON.stringify(result.result))).toBe(false);
      const text = (result.result as { text?: string }).text;
      if (text) expect(output.includes(text.slice(0, 24))).toBe(false);
    }
  });
});
