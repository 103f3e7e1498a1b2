import { describe, expect, it } from 'vitest';
import { REDACTION_LABELS, type RedactionKind, redactParts, redactText } from './redact';

type Hidden = Array<[text: string, kind: RedactionKind]>;

/** Sentences with something to hide, and exactly what should be hidden. */
const SENSITIVE: Array<[string, Hidden]> = [
  ['Email me at jane.doe@example.com please.', [['jane.doe@example.com', 'email']]],
  ['Link: mailto:support@acme.io?subject=Refund', [['support@acme.io', 'email']]],
  ['Reach Ana at ana+billing@correo.example.es.', [['ana+billing@correo.example.es', 'email']]],
  ["Write to liam.o'brien@Example.CO.UK today", [["liam.o'brien@Example.CO.UK", 'email']]],
  ['Correo: josé.núñez@ejemplo.es', [['josé.núñez@ejemplo.es', 'email']]],
  ['Call +14155550142 now', [['+14155550142', 'phone']]],
  ['Or try +1 415 555 0142.', [['+1 415 555 0142', 'phone']]],
  ['The London office is +44 20 7946 0958.', [['+44 20 7946 0958', 'phone']]],
  ['My mobile is +353871234567', [['+353871234567', 'phone']]],
  ['Office: +1 (415) 555-0142 ext. 12', [['+1 (415) 555-0142', 'phone']]],
  ['UK with the trunk zero: +44 (0)20 7946 0958', [['+44 (0)20 7946 0958', 'phone']]],
  ['Abroad, dial 0044 20 7946 0958', [['0044 20 7946 0958', 'phone']]],
  ['Call (415) 555-0142 after 5', [['(415) 555-0142', 'phone']]],
  ['or 415-555-0142, or', [['415-555-0142', 'phone']]],
  ['or 415.555.0142', [['415.555.0142', 'phone']]],
  ['Toll-free: 1-800-555-0199.', [['1-800-555-0199', 'phone']]],
  ['Ring me on 0871 234 567?', [['0871 234 567', 'phone']]],
  ['London: 020 7946 0958', [['020 7946 0958', 'phone']]],
  ['Paris : 06 12 34 56 78', [['06 12 34 56 78', 'phone']]],
  ['From whatsapp:+14155550100', [['+14155550100', 'phone']]],
  ['<a href="tel:+1-415-555-0142">call</a>', [['+1-415-555-0142', 'phone']]],
  ['Texted from sms:4155550142', [['4155550142', 'phone']]],
  ['Visa 4111 1111 1111 1111 exp 12/27', [['4111 1111 1111 1111', 'card']]],
  ['The card is 4111-1111-1111-1111.', [['4111-1111-1111-1111', 'card']]],
  ['Amex 378282246310005', [['378282246310005', 'card']]],
  ['Amex 3782 822463 10005', [['3782 822463 10005', 'card']]],
  ['Read back as 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1', [['4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1', 'card']]],
  ['Fails Luhn, still hidden: 4111 1111 1111 1112', [['4111 1111 1111 1112', 'card']]],
  ['Account number 12345678.', [['12345678', 'number']]],
  ['Reference ORD-123456789 is open', [['123456789', 'number']]],
  ['A bare phone number: 4155550142', [['4155550142', 'number']]],
  ['IBAN IE29AIBK93115212345678', [['93115212345678', 'number']]],
  ['Without a separator "00" is just digits: 0012345678', [['0012345678', 'number']]],
  ['Too long for a card: 1234 5678 9012 3456 7890', [['1234 5678 9012 3456 7890', 'number']]],
  ['Other scripts: ٠١٢٣٤٥٦٧٨٩', [['٠١٢٣٤٥٦٧٨٩', 'number']]],
  [
    '+1 415 555 0142bob@example.com',
    [
      ['+1 415 555 0142', 'phone'],
      ['bob@example.com', 'email'],
    ],
  ],
  [
    'All at once: jane@example.com, +1 415 555 0142 and 4111 1111 1111 1111.',
    [
      ['jane@example.com', 'email'],
      ['+1 415 555 0142', 'phone'],
      ['4111 1111 1111 1111', 'card'],
    ],
  ],
];

/** Text that looks numeric or technical but identifies nobody: nothing is hidden. */
const HARMLESS = [
  'Your order #12345 has shipped.',
  'Order ORD-88213 was refunded.',
  'Case CS-20931 is open.',
  'Parcel PG4471902IE is in transit.',
  'Ticket 1234567 has seven digits.',
  'Extension 4471, or the local 555-0142.',
  'Delivered on 2026-03-18.',
  'Delivered on 18/03/2026.',
  'Delivered on 03.18.2026.',
  'Delivered on March 18, 2026.',
  'Updated 2026-03-18T08:45:00Z.',
  'Booked for 18.03.2026 09:30.',
  'Between 08:45 and 9:30, or 9:30-17:00.',
  'The total was $149.00.',
  'That comes to €1,299.99 with tax.',
  'In Germany, 1.299,00 € or 1.000.000 €.',
  'Satisfaction rose by 12.5% to 87%, +2 points.',
  'Upgrade to v4.1.12 first.',
  'We have 40 agents on shift.',
  'We have served customers since 2019.',
  'Page 3 of 4, items 10-20, rated 4/5.',
  'Invoice 2026-000123 is attached.',
  'The router is at 192.168.1.1.',
  'Eircode T12 X285, Cork.',
  'Follow @twilio for updates.',
  'Call SID CA1234567890abcdef1234567890abcdef was recorded.',
  'Account AC00000000000000000000000000000000',
  'See conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2 for details.',
  'See https://example.com/conversations/conv_conversation_00000000000000000000000000.',
  'Operator intelligence_operatorresult_01k6fc25s7epm9qtk8rszbv3q5',
  'Request 123e4567-e89b-12d3-a456-426614174000 failed.',
  'A short code, sms:12345, and tel:911.',
];

const hidden = (text: string) => redactParts(text).flatMap((part) => (part.kind ? [[part.text, part.kind]] : []));

// Identifiers stay whole even with long digit runs inside: the checks below look around them.
const IDENTIFIERS = /(?:[A-Z]{2}[0-9a-f]{32}|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|[a-z]+(?:_[a-z]+)*_[0-7][0-9a-z]{25})/g;
const LONG_RUN = /\p{Nd}{8,}/u;
const EMAIL_LIKE = /[^\s@]+@[^\s@]+\.[^\s@]+/u;

/** Seeded, so a failure can be replayed: strings of the characters these rules care about. */
function randomTexts(count: number): string[] {
  const pieces = [...'0123456789014567    -.+()@ax_:/,\u00a0٣', 'com', 'tel:', 'whatsapp:', '00', '+1 ', '0871 ', 'ab@cd.ef'];
  let seed = 20260318;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join(''),
  );
}

const EVERYTHING = [
  ...SENSITIVE.map(([text]) => text),
  ...HARMLESS,
  '',
  ' ',
  '👍🏽 +353871234567 🎉',
  'line one\nline two: 0871 234 567\n',
  ...randomTexts(2000),
];

describe('redactParts', () => {
  it.each(SENSITIVE)('hides what is sensitive in %j', (text, expected) => {
    expect(hidden(text)).toEqual(expected);
  });

  it.each(HARMLESS)('leaves %j alone', (text) => {
    expect(redactParts(text)).toEqual([{ text }]);
  });

  it('gives parts whose texts join back to the input, always', () => {
    for (const text of EVERYTHING)
      expect(
        redactParts(text)
          .map((part) => part.text)
          .join(''),
      ).toBe(text);
  });

  it('gives no parts for an empty text, and never an empty part', () => {
    expect(redactParts('')).toEqual([]);
    for (const text of EVERYTHING) for (const part of redactParts(text)) expect(part.text).not.toBe('');
  });

  it('splits around what it hides, keeping the plain text between', () => {
    expect(redactParts('From whatsapp:+14155550100, card 4111 1111 1111 1111.')).toEqual([
      { text: 'From whatsapp:' },
      { text: '+14155550100', kind: 'phone' },
      { text: ', card ' },
      { text: '4111 1111 1111 1111', kind: 'card' },
      { text: '.' },
    ]);
  });

  it('leaves a count that follows a national number', () => {
    expect(hidden('Call 0871 234 567 10 times')).toEqual([['0871 234 567', 'phone']]);
  });

  it('hides numbers in names and addresses as well as in messages', () => {
    expect(redactText('whatsapp:+14155550100')).toBe('whatsapp:[phone number hidden]');
    expect(redactText('+1 415 555 0142')).toBe('[phone number hidden]');
    expect(redactText('jane.doe@example.com')).toBe('[e-mail address hidden]');
  });
});

describe('redactText', () => {
  it('replaces each hidden part with its label', () => {
    expect(redactText('Email jane@example.com or call +1 415 555 0142; card 4111 1111 1111 1111, account 12345678.')).toBe(
      'Email [e-mail address hidden] or call [phone number hidden]; card [card number hidden], account [number hidden].',
    );
    expect(REDACTION_LABELS).toEqual({
      phone: 'phone number hidden',
      email: 'e-mail address hidden',
      card: 'card number hidden',
      number: 'number hidden',
    });
  });

  it('leaves no run of 8 digits outside identifiers', () => {
    for (const text of EVERYTHING) expect(redactText(text).replace(IDENTIFIERS, ''), text).not.toMatch(LONG_RUN);
  });

  it('leaves no e-mail address', () => {
    for (const [text] of SENSITIVE) expect(redactText(text)).not.toMatch(EMAIL_LIKE);
  });

  it('keeps identifiers whole, digits and all', () => {
    const text = 'Call CA1234567890abcdef1234567890abcdef on conv_conversation_00000000000000000000000000';
    expect(redactText(text)).toBe(text);
  });

  it('is idempotent: redacting the redacted text changes nothing more', () => {
    for (const text of EVERYTHING) {
      const once = redactText(text);
      expect(redactText(once), text).toBe(once);
    }
  });
});
