import { createHash } from 'node:crypto';
// With its extension: vite.config.ts loads this file as it is, without a bundler to resolve it.
import { DARK_QUERY, THEME_STORAGE_KEY } from '../api/theme.ts';

/**
 * The one script index.html carries inline (put there by the build, see vite.config.ts), first in
 * <head>. It does two things before the app's code has arrived:
 *
 * - It puts the reader's colour scheme on <html>, as `applyTheme` (src/lib/theme.ts) does: an
 *   inbox link's HTML already holds its first rows (src/server/first-rows.tsx), and they must be
 *   painted in the scheme the app will show them in, not flash from light to dark.
 * - It makes the page's first date formatter while the code is still downloading: the first
 *   `Intl.DateTimeFormat` in a page loads the locale's data, 20 to 30 ms on the machines the
 *   benchmark runs on, and the main thread is idle until the code arrives. Every formatter made
 *   after it takes well under a millisecond. That part only sets a timer, which fires once the
 *   (short) document is parsed and the downloads are under way.
 *
 * Being first matters: a classic script waits for the style sheets above it.
 */
export const HEAD_SCRIPT =
  `(function(){var c;try{c=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)})}catch(e){}` +
  `var d=c==='dark'||(c!=='light'&&typeof matchMedia==='function'&&matchMedia(${JSON.stringify(DARK_QUERY)}).matches),h=document.documentElement;` +
  `h.classList.toggle('dark',d);h.style.colorScheme=d?'dark':'light'})();` +
  "setTimeout(function(){new Intl.DateTimeFormat(void 0,{timeZoneName:'short'}).formatToParts(0)})";

/** The Content-Security-Policy source that allows that script, and no other inline script. */
export const HEAD_SCRIPT_SOURCE = `'sha256-${createHash('sha256').update(HEAD_SCRIPT).digest('base64')}'`;
