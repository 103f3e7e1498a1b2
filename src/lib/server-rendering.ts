import { createContext, use } from 'react';

/**
 * True while the server renders a page into its HTML (src/server/first-rows.tsx), where there is no
 * window to measure: a part that lays itself out by the window's size renders what CSS alone can
 * place instead. The browser's render, which replaces that HTML, is never server rendering.
 */
export const ServerRendering = createContext(false);

export const useServerRendering = (): boolean => use(ServerRendering);
