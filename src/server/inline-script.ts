import { createHash } from 'node:crypto';

/**
 * The one script index.html carries inline (put there by the build, see vite.config.ts). It makes
 * the page's first date formatter while the app's code is still downloading: the first
 * `Intl.DateTimeFormat` in a page loads the locale's data, 20 to 30 ms on the machines the
 * benchmark runs on, and the main thread is idle until the code arrives. Every formatter made
 * after it takes well under a millisecond.
 *
 * It is the first thing in <head> and only sets a timer: a classic script waits for the style
 * sheets above it, and a slow one would block the parser before the browser has seen what to fetch.
 * The timer fires once the (short) document is parsed and the downloads are under way.
 */
export const WARM_UP_SCRIPT = "setTimeout(function(){new Intl.DateTimeFormat(void 0,{timeZoneName:'short'}).formatToParts(0)})";

/** The Content-Security-Policy source that allows that script, and no other inline script. */
export const WARM_UP_SCRIPT_SOURCE = `'sha256-${createHash('sha256').update(WARM_UP_SCRIPT).digest('base64')}'`;
