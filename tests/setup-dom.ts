import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './bff-in-process';

// The first page a file opens loads its route's code: several seconds when the machine is busy. How
// long findBy and waitFor wait is a bound on slowness, not a speed claim.
configure({ asyncUtilTimeout: 6000 });

// jsdom has no layout, so no scrolling. The window remembers where it was scrolled to and says so
// with a scroll event after the call, as browsers do; the page is taken to be tall enough for any
// position. That is all a virtualized list needs to bring far rows into the DOM.
let scrollY = 0;
Object.defineProperty(window, 'scrollY', { configurable: true, get: () => scrollY });
Object.defineProperty(window, 'pageYOffset', { configurable: true, get: () => scrollY });
Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, get: () => 100_000_000 });
window.scrollTo = ((x?: ScrollToOptions | number, y?: number) => {
  const top = typeof x === 'object' ? x.top : y;
  if (top === undefined || top === scrollY) return;
  scrollY = Math.max(0, top);
  setTimeout(() => window.dispatchEvent(new Event('scroll')));
}) as typeof window.scrollTo;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  localStorage.clear();
  scrollY = 0;
});
afterAll(() => server.close());
