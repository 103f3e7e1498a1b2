/**
 * Where the reader's colour scheme is kept in the browser, and the system's preference: read by
 * the app (src/lib/theme.ts) and by the script at the top of every page's HTML, which puts the
 * scheme on the page before anything is painted (src/server/inline-script.ts).
 */
export const THEME_STORAGE_KEY = 'conversation-viewer:theme';
export const DARK_QUERY = '(prefers-color-scheme: dark)';
