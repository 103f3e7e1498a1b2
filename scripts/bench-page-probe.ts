/**
 * What `npm run bench` runs inside the page (added with `page.addInitScript`, so it is there before
 * the app's own scripts). It is plain JavaScript in a string: tsx would otherwise compile it with
 * helpers (`__name`) that do not exist in the browser. It exposes `window.__bench`:
 *
 * - `painted`: resolves once the first `[data-message]` row is in the DOM and the frame after it
 *   has been drawn, with `performance.now()` at both moments (ms since the navigation started);
 * - `resources()`: what Resource Timing says about the conversation's API request and the code;
 * - `armFind(query)` then `findResult()`: the time from the next keydown to the first frame in
 *   which the transcript shows the highlights for `query`.
 *
 * "The frame after" is requestAnimationFrame then setTimeout 0: the rAF callback runs just before
 * the browser draws, the timeout just after it has.
 */
export const PAGE_PROBE = String.raw`(() => {
  const afterNextFrame = (callback) => requestAnimationFrame(() => setTimeout(callback, 0));

  const painted = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-message]')) return;
      observer.disconnect();
      const firstRowAt = performance.now();
      afterNextFrame(() => resolve({ firstRowAt, paintedAt: performance.now() }));
    });
    observer.observe(document, { childList: true, subtree: true });
  });

  const resources = () => {
    const entries = performance.getEntriesByType('resource');
    const api = entries.find((entry) => new URL(entry.name).pathname.startsWith('/api/v3/Conversations/'));
    const code = entries.filter((entry) => /\.(js|css)$/.test(new URL(entry.name).pathname));
    const timing = (name) => api?.serverTiming.find((metric) => metric.name === name)?.duration ?? null;
    return {
      api: api
        ? {
            startTime: api.startTime,
            responseStart: api.responseStart,
            responseEnd: api.responseEnd,
            encodedBodySize: api.encodedBodySize,
            serverUpstreamMs: timing('upstream'),
            serverAppMs: timing('app'),
          }
        : null,
      codeResponseEnd: code.length ? Math.max(...code.map((entry) => entry.responseEnd)) : null,
    };
  };

  // Find: armed with the query the next keystroke makes; done at the first frame in which every
  // highlight in the transcript is that query and the find status shows a count.
  let find = null;
  const showsHighlightsFor = (query) => {
    const log = document.querySelector('[role="log"]');
    const marks = log ? log.querySelectorAll('mark[data-match]') : [];
    if (marks.length === 0) return false;
    for (const mark of marks) if ((mark.textContent ?? '').toLowerCase() !== query) return false;
    const status = document.querySelector('[role="search"] [role="status"]')?.textContent ?? '';
    return /^\d+ of \d+$/.test(status.trim());
  };
  document.addEventListener(
    'keydown',
    () => {
      if (find && find.keydownAt === null) find.keydownAt = performance.now();
    },
    { capture: true },
  );
  const armFind = (query) => {
    const log = document.querySelector('[role="log"]');
    const status = document.querySelector('[role="search"] [role="status"]');
    if (!log || !status) throw new Error('No transcript or find status on the page.');
    find?.observer.disconnect();
    let resolve;
    const result = new Promise((done) => (resolve = done));
    const state = { keydownAt: null, observer: null, result };
    state.observer = new MutationObserver(() => {
      if (state.keydownAt === null || !showsHighlightsFor(query.toLowerCase())) return;
      state.observer.disconnect();
      const shownAt = performance.now();
      afterNextFrame(() => resolve({ keydownAt: state.keydownAt, shownAt, paintedAt: performance.now() }));
    });
    const watch = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-match'] };
    state.observer.observe(log, watch);
    state.observer.observe(status, watch);
    find = state;
  };
  const findResult = (timeoutMs) =>
    Promise.race([
      find.result,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('The highlights did not show within ' + timeoutMs + ' ms')), timeoutMs),
      ),
    ]);

  window.__bench = { painted, resources, armFind, findResult };
})();`;

/** What `__bench.painted` resolves with. */
export type Painted = { firstRowAt: number; paintedAt: number };

/** What `__bench.resources()` returns. */
export type PageResources = {
  api: {
    startTime: number;
    responseStart: number;
    responseEnd: number;
    encodedBodySize: number;
    /** From the BFF's Server-Timing header: time it awaited the (fake) upstream, and its own. */
    serverUpstreamMs: number | null;
    serverAppMs: number | null;
  } | null;
  /** When the last script or stylesheet had arrived. */
  codeResponseEnd: number | null;
};

/** What `__bench.findResult()` resolves with. */
export type FindTiming = { keydownAt: number; shownAt: number; paintedAt: number };
