import { describe, expect, it } from 'vitest';
import { clientHolds, entityTagOf } from './entity-tag';

describe('entityTagOf', () => {
  it('is a quoted strong tag that changes with any byte of the body', () => {
    const tag = entityTagOf('{"id":"a","status":"ACTIVE"}');
    expect(tag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(entityTagOf('{"id":"a","status":"ACTIVE"}')).toBe(tag);
    expect(entityTagOf('{"id":"a","status":"CLOSED"}')).not.toBe(tag);
    expect(entityTagOf('{"id":"a","status":"ACTIVE"} ')).not.toBe(tag);
  });
});

describe('clientHolds', () => {
  const tag = entityTagOf('body');
  it.each([
    ['the same tag', tag, true],
    ['the tag marked weak', `W/${tag}`, true],
    ['the tag among others', `"other", ${tag}`, true],
    ['any representation', ' * ', true],
    ['another tag', '"other"', false],
    ['the tag without its quotes', tag.slice(1, -1), false],
    ['an empty header', '', false],
    ['no header', undefined, false],
  ])('%s: %s', (_label, header, expected) => {
    expect(clientHolds(header, tag)).toBe(expected);
  });
});
