import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-client';
import { createRequestQueue } from './request-queue';

describe('the shared request queue', () => {
  it('runs at most its concurrency at once', async () => {
    const queue = createRequestQueue(2);
    let running = 0;
    let most = 0;
    const task = () =>
      queue(async () => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
      });
    await Promise.all(Array.from({ length: 8 }, task));
    expect(most).toBe(2);
  });

  it('starts nothing while Twilio asks to wait after a 429', async () => {
    vi.useFakeTimers();
    try {
      const queue = createRequestQueue(1);
      await expect(queue(() => Promise.reject(new ApiError(429, null, 150)))).rejects.toBeInstanceOf(ApiError);
      const started = Date.now();
      let ranAt: number | null = null;
      const next = queue(async () => (ranAt = Date.now()));
      await vi.advanceTimersByTimeAsync(149);
      expect(ranAt).toBeNull();
      await vi.advanceTimersByTimeAsync(1);
      await next;
      expect(ranAt! - started).toBeGreaterThanOrEqual(120);
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops a request whose signal was aborted before its turn, unsent', async () => {
    const queue = createRequestQueue(1);
    let sent = false;
    const blocker = queue(() => new Promise((resolve) => setTimeout(resolve, 20)));
    const controller = new AbortController();
    const dropped = queue(async () => {
      sent = true;
    }, controller.signal);
    controller.abort();
    await expect(dropped).rejects.toBeDefined();
    await blocker;
    expect(sent).toBe(false);
  });
});
