import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { Conversation } from '../../api/conversation';
import { aiHandoff, smsThread } from '../../mocks/fixtures/conversations';
import { server } from '../../../tests/bff-in-process';
import { restoreClipboardAfterEach, stubClipboard, stubScrolling } from '../../../tests/dom-stubs';
import { renderApp } from '../../../tests/render-app';

const CONVERSATION_API = '/api/v3/Conversations/:id';
const PHONE_LABEL = '[phone number hidden]';
const EMAIL_LABEL = '[e-mail address hidden]';

const [priya, , marcus] = aiHandoff.participants as [
  Conversation['participants'][0],
  Conversation['participants'][0],
  Conversation['participants'][0],
];
const [maria, devon] = smsThread.participants as [Conversation['participants'][0], Conversation['participants'][0]];

/** How the fixtures' contact details are written, and the digits a reader could still piece together. */
const SMS_PHONES = ['+14155550142', '4155550142', '555 0142', '+18005550199', '8005550199', '+1 800 555 0199', '800 555 0199'];
const HANDOFF_EMAIL = 'priya.n@example.com';

/**
 * Opens `path` with the window at the same address, as a browser would be: the export's link back
 * to the conversation is read from `window.location`, which the memory router does not move.
 */
async function open(path: string, name: string) {
  window.history.replaceState(null, '', path);
  const app = renderApp(path);
  await screen.findByRole('heading', { level: 1, name });
  const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
  stubClipboard(writeText);
  return { ...app, writeText };
}

const pathOf = (conversation: Conversation, search = '') => `/conversations/${conversation.id}${search}`;
const hideParam = (...ids: string[]) => `hide=${ids.join(',')}`;
const onlyDigits = (text: string) => text.replace(/\D/g, '');

/** Opens the "Copy or export" menu and gives it back. */
async function exportMenu(user: ReturnType<typeof renderApp>['user']) {
  const summary = screen.getByText('Copy or export', { selector: 'summary' });
  await user.click(summary);
  const details = summary.closest('details')!;
  await waitFor(() => expect(details).toHaveAttribute('open'));
  return details;
}

type Download = { name: string; href: string; blob: Blob };
let downloads: Download[];
let blobs: Map<string, Blob>;
let createObjectURL: Mock<(blob: Blob) => string>;
let revokeObjectURL: Mock<(url: string) => void>;
const originalCreate = Object.getOwnPropertyDescriptor(URL, 'createObjectURL');
const originalRevoke = Object.getOwnPropertyDescriptor(URL, 'revokeObjectURL');
const originalClick = Object.getOwnPropertyDescriptor(HTMLAnchorElement.prototype, 'click');
stubScrolling();
restoreClipboardAfterEach();

beforeEach(() => {
  downloads = [];
  blobs = new Map();
  let counter = 0;
  createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:${window.location.origin}/download-${++counter}`;
    blobs.set(url, blob);
    return url;
  });
  revokeObjectURL = vi.fn();
  Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true, writable: true });
  // The menu revokes its URL a second after the click, possibly after the test: keep a stub there.
  Object.defineProperty(URL, 'revokeObjectURL', { value: revokeObjectURL, configurable: true, writable: true });
  // jsdom cannot follow a download link; record what would be saved instead.
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, href: this.href, blob: blobs.get(this.href)! });
  };
});
afterEach(() => {
  if (originalCreate) Object.defineProperty(URL, 'createObjectURL', originalCreate);
  else Reflect.deleteProperty(URL, 'createObjectURL');
  if (originalRevoke) Object.defineProperty(URL, 'revokeObjectURL', originalRevoke);
  else Object.defineProperty(URL, 'revokeObjectURL', { value: () => {}, configurable: true, writable: true });
  if (originalClick) Object.defineProperty(HTMLAnchorElement.prototype, 'click', originalClick);
  window.history.replaceState(null, '', '/');
});

describe('redaction on the page', () => {
  it('hides the phone numbers of the SMS thread everywhere on the page', async () => {
    const { router } = await open(pathOf(smsThread, '?redact=1'), smsThread.name!);
    const redactSwitch = screen.getByRole('switch', { name: 'Hide phone numbers, e-mails and card numbers' });
    expect(redactSwitch).toBeChecked();
    expect(router.state.location.search).toBe('?redact=1');
    const text = document.body.textContent!;
    for (const phone of SMS_PHONES) expect(text).not.toContain(phone);
    // Two addresses and the number in message 6.
    expect(text.split(PHONE_LABEL)).toHaveLength(4);
    expect(screen.getByText(/call us at \[phone number hidden\] if anything changes/)).toBeInTheDocument();
    // Names, the dental appointment times and the IDs are not touched.
    expect(text).toContain('Maria Gonzalez');
    expect(text).toContain('Wednesday 8:45 please.');
    expect(text).toContain(smsThread.id);
    for (const participant of smsThread.participants) {
      expect(document.getElementById(`participant-${participant.id}`)).toHaveTextContent(PHONE_LABEL);
    }
  });

  it('hides the e-mail address of the handoff chat in the panel and in the message', async () => {
    await open(pathOf(aiHandoff, '?redact=1'), aiHandoff.name!);
    const text = document.body.textContent!;
    expect(text).not.toContain(HANDOFF_EMAIL);
    expect(text).not.toContain('@example.com');
    expect(text.split(EMAIL_LABEL)).toHaveLength(3);
    expect(document.getElementById(`participant-${priya.id}`)).toHaveTextContent(EMAIL_LABEL);
    expect(screen.getByText(/confirmation e-mail at \[e-mail address hidden\]\./)).toBeInTheDocument();
    // Chat handles are not contact details.
    expect(text).toContain('chat:visitor-5c1e9a');
  });

  it('shows them again when the switch is turned off, and hides them when it is turned on', async () => {
    const { router, user } = await open(pathOf(aiHandoff), aiHandoff.name!);
    expect(document.body.textContent).toContain(HANDOFF_EMAIL);
    const redactSwitch = screen.getByRole('switch', { name: 'Hide phone numbers, e-mails and card numbers' });
    expect(redactSwitch).not.toBeChecked();
    await user.click(redactSwitch);
    await waitFor(() => expect(document.body.textContent).not.toContain(HANDOFF_EMAIL));
    expect(router.state.location.search).toBe('?redact=1');
    expect(redactSwitch).toBeChecked();
    await user.click(redactSwitch);
    await waitFor(() => expect(document.body.textContent).toContain(HANDOFF_EMAIL));
    expect(router.state.location.search).toBe('');
  });

  describe('names that hold a phone number', () => {
    // Twilio often names a participant by their number when nothing better is known.
    const named: Conversation = {
      ...smsThread,
      name: 'Callback for +14155550142',
      participants: [{ ...maria, name: '+1 (415) 555-0142' }, devon],
    };
    beforeEach(() => {
      server.use(http.get(CONVERSATION_API, () => HttpResponse.json(named)));
    });

    it('redacts the conversation name in the header', async () => {
      await open(pathOf(named, '?redact=1'), `Callback for ${PHONE_LABEL}`);
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(`Callback for ${PHONE_LABEL}`);
    });

    it('shows the name as it is without redaction', async () => {
      await open(pathOf(named), 'Callback for +14155550142');
      expect(document.body.textContent).toContain('+1 (415) 555-0142');
    });

    it('redacts a participant named by a phone number everywhere: panel, transcript and filter buttons', async () => {
      await open(pathOf(named, '?redact=1'), `Callback for ${PHONE_LABEL}`);
      const leaks = [...document.body.querySelectorAll('*')].filter(
        (element) => element.children.length === 0 && onlyDigits(element.textContent ?? '').includes('4155550142'),
      );
      expect(leaks.map((element) => element.outerHTML)).toEqual([]);
      expect(document.body.textContent).not.toContain('555-0142');
      // Nor in the names that assistive technology reads out.
      const labels = [...document.querySelectorAll('[aria-label]')].map((element) => element.getAttribute('aria-label')!);
      for (const label of labels) expect(onlyDigits(label)).not.toContain('4155550142');
      const group = screen.getByRole('group', { name: 'Show messages from' });
      expect(within(group).getByRole('button', { name: PHONE_LABEL })).toHaveAttribute('aria-pressed', 'true');
    });

    it('keeps the number out of the tab title too', async () => {
      await open(pathOf(named, '?redact=1'), `Callback for ${PHONE_LABEL}`);
      await waitFor(() => expect(document.title).toContain('Callback for'));
      expect(onlyDigits(document.title)).not.toContain('4155550142');
    });
  });
});

describe('copy', () => {
  it('copies plain text with the ID, the link and every message', async () => {
    const { user, writeText } = await open(pathOf(aiHandoff), aiHandoff.name!);
    await user.click(within(await exportMenu(user)).getByRole('button', { name: 'Copy as plain text' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const text = writeText.mock.calls[0]![0];
    expect(text).toContain(aiHandoff.id);
    expect(text).toContain(aiHandoff.name!);
    expect(text).toContain(`${window.location.origin}${pathOf(aiHandoff)}`);
    for (const c of aiHandoff.communications) expect(text).toContain(c.content.text!);
    expect(text).toContain(HANDOFF_EMAIL);
    await waitFor(() => expect(screen.getByText('Copied the transcript as plain text')).toBeInTheDocument());
  });

  it.each([
    ['Copy as plain text', 'plain text'],
    ['Copy as Markdown', 'Markdown'],
  ])('%s honours the filters and the redaction on screen', async (button, label) => {
    const search = `?${hideParam(marcus.id)}&redact=1`;
    const { user, writeText } = await open(pathOf(aiHandoff, search), aiHandoff.name!);
    await user.click(within(await exportMenu(user)).getByRole('button', { name: button }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const text = writeText.mock.calls[0]![0];
    expect(text).toContain(aiHandoff.id);
    // Marcus's messages are left out, the others are in.
    for (const c of aiHandoff.communications) {
      const words = c.content.text!.slice(0, 20);
      if (c.participantId === marcus.id) expect(text).not.toContain(words);
      else expect(text).toContain(words);
    }
    expect(text).toMatch(/6 shown, 4 left out by filters/);
    expect(text).not.toContain(HANDOFF_EMAIL);
    expect(text).toContain('e-mail address hidden');
    await waitFor(() => expect(screen.getByText(`Copied the transcript as ${label}`)).toBeInTheDocument());
  });

  it('copies no phone number of the SMS thread when they are hidden', async () => {
    const { user, writeText } = await open(pathOf(smsThread, '?redact=1'), smsThread.name!);
    const menu = await exportMenu(user);
    await user.click(within(menu).getByRole('button', { name: 'Copy as plain text' }));
    await user.click(within(menu).getByRole('button', { name: 'Copy as Markdown' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(2));
    for (const [text] of writeText.mock.calls) {
      for (const phone of SMS_PHONES) expect(text).not.toContain(phone);
      expect(text).toContain('phone number hidden');
      expect(text).toContain(smsThread.id);
    }
  });

  it('says so when the browser refuses the clipboard', async () => {
    const { user, writeText } = await open(pathOf(aiHandoff), aiHandoff.name!);
    writeText.mockRejectedValue(new DOMException('Denied', 'NotAllowedError'));
    await user.click(within(await exportMenu(user)).getByRole('button', { name: 'Copy as Markdown' }));
    await waitFor(() => expect(screen.getByText('Copy failed: the browser blocked the clipboard')).toBeInTheDocument());
  });
});

describe('download', () => {
  async function download(path: string, name: string, button: string): Promise<Download & { text: string }> {
    const { user } = await open(path, name);
    await user.click(within(await exportMenu(user)).getByRole('button', { name: button }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const saved = downloads[0]!;
    expect(createObjectURL).toHaveBeenCalledWith(saved.blob);
    expect(saved.href).toBe(createObjectURL.mock.results[0]!.value);
    await waitFor(() => expect(screen.getByText(`Downloaded ${saved.name}`)).toBeInTheDocument());
    // The temporary link is taken away again.
    expect(document.querySelector('a[download]')).toBeNull();
    return { ...saved, text: await saved.blob.text() };
  }

  it('downloads JSON that is exactly the conversation', async () => {
    const saved = await download(pathOf(aiHandoff), aiHandoff.name!, 'Download JSON');
    expect(saved.name).toBe(`conversation-${aiHandoff.id}.json`);
    expect(saved.blob.type).toBe('application/json;charset=utf-8');
    expect(JSON.parse(saved.text)).toEqual(aiHandoff);
  });

  it('downloads JSON without the hidden participant’s messages and with redacted addresses', async () => {
    const saved = await download(pathOf(aiHandoff, `?${hideParam(marcus.id)}&redact=1`), aiHandoff.name!, 'Download JSON');
    const json = JSON.parse(saved.text) as Conversation;
    expect(json.id).toBe(aiHandoff.id);
    expect(json.communications.map((c) => c.id)).toEqual(
      aiHandoff.communications.filter((c) => c.participantId !== marcus.id).map((c) => c.id),
    );
    expect(saved.text).not.toContain(HANDOFF_EMAIL);
    expect(json.participants[0]!.addressValues).toEqual(['chat:visitor-5c1e9a', EMAIL_LABEL]);
  });

  it('downloads CSV with a byte-order mark and one row per visible message', async () => {
    const saved = await download(pathOf(smsThread, `?${hideParam(devon.id)}&redact=1`), smsThread.name!, 'Download CSV');
    expect(saved.name).toBe(`conversation-${smsThread.id}.csv`);
    expect(saved.blob.type).toBe('text/csv;charset=utf-8');
    // Blob.text() drops a byte-order mark as it decodes, so read the bytes.
    const bytes = new Uint8Array(await saved.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFFtime,participant,type,text,participant_id,communication_id\r\n')).toBe(true);

    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    const visible = smsThread.communications.filter((c) => c.participantId !== devon.id);
    expect(rows).toHaveLength(visible.length + 1);
    expect(rows.slice(1).map((row) => row[5])).toEqual(visible.map((c) => c.id));
    expect(rows.slice(1).every((row) => row[1] === 'Maria Gonzalez' && row[4] === maria.id)).toBe(true);
    expect(rows.slice(1).map((row) => row[3])).toEqual(visible.map((c) => c.content.text));
    for (const phone of SMS_PHONES) expect(saved.text).not.toContain(phone);
  });

  it('downloads every message in the CSV without filters', async () => {
    const saved = await download(pathOf(aiHandoff), aiHandoff.name!, 'Download CSV');
    const rows = Papa.parse<string[]>(saved.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows.slice(1).map((row) => row[5])).toEqual(aiHandoff.communications.map((c) => c.id));
    expect(saved.text).toContain(HANDOFF_EMAIL);
  });

  it('downloads Markdown named after the conversation, honouring the view', async () => {
    const saved = await download(
      pathOf(aiHandoff, `?${hideParam(priya.id)}&redact=1&tz=utc`),
      aiHandoff.name!,
      'Download Markdown',
    );
    expect(saved.name).toBe(`conversation-${aiHandoff.id}.md`);
    expect(saved.blob.type).toBe('text/markdown;charset=utf-8');
    expect(saved.text).toMatch(/^# Refund request handed from AI agent to billing\n/);
    expect(saved.text).toContain(`\`${aiHandoff.id}\``);
    expect(saved.text).toContain('Times in UTC');
    expect(saved.text).toContain('7 shown, 3 left out by filters');
    expect(saved.text).not.toContain('I was charged twice');
    expect(saved.text).toContain('Marcus from billing here');
    expect(saved.text).not.toContain(HANDOFF_EMAIL);
  });

  it('lets the object URL go afterwards', async () => {
    const saved = await download(pathOf(aiHandoff), aiHandoff.name!, 'Download JSON');
    await waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith(saved.href), { timeout: 3000 });
  });

  it('prints', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { user } = await open(pathOf(aiHandoff), aiHandoff.name!);
    await user.click(within(await exportMenu(user)).getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(downloads).toHaveLength(0);
  });
});
