import { describe, expect, it } from 'vitest';
import { retryDelayFromHeaders } from './api-client';

describe('retryDelayFromHeaders', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('reads Retry-After in seconds', () => {
    expect(retryDelayFromHeaders(new Headers({ 'Retry-After': '3' }), now)).toBe(3000);
  });
  it('reads Retry-After as an HTTP date', () => {
    expect(retryDelayFromHeaders(new Headers({ 'Retry-After': 'Mon, 23 Nov 2026 12:00:05 GMT' }), now)).toBe(5000);
  });
  it('reads X-RateLimit-Reset as seconds from now', () => {
    expect(retryDelayFromHeaders(new Headers({ 'X-RateLimit-Reset': '2' }), now)).toBe(2000);
  });
  it('reads X-RateLimit-Reset as a Unix time when it is one', () => {
    expect(retryDelayFromHeaders(new Headers({ 'X-RateLimit-Reset': String(now / 1000 + 4) }), now)).toBe(4000);
  });
  it('prefers Retry-After and never goes negative', () => {
    expect(retryDelayFromHeaders(new Headers({ 'Retry-After': '1', 'X-RateLimit-Reset': '9' }), now)).toBe(1000);
    expect(retryDelayFromHeaders(new Headers({ 'X-RateLimit-Reset': String(now / 1000 - 10) }), now)).toBe(0);
  });
  it('says nothing when there is nothing to read', () => {
    expect(retryDelayFromHeaders(new Headers(), now)).toBeNull();
  });
});
