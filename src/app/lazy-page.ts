import { lazy, type ComponentType } from 'react';

/** What a route module exports: its page. */
export type PageModule = { Component: ComponentType };

export type LazyPage = {
  /** The page, for `<Suspense>`: suspends only while its code has not loaded. */
  Page: ComponentType;
  /** Loads the page's code (once, however often it is called). */
  preload: () => Promise<PageModule>;
};

/**
 * A thenable that is already settled. `React.lazy` accepts any thenable, and reads one that calls
 * back at once without suspending; a native promise always calls back later.
 */
function settled<T>(value: T): Promise<T> {
  return { then: (onFulfilled: (value: T) => unknown) => void onFulfilled(value) } as unknown as Promise<T>;
}

/**
 * A route module's page: its own chunk, loaded when the page is first opened. This is what the
 * first paint needs from a lazy page: when its code has already been loaded (`startPage` loads the
 * first page's before the first render), it renders at once instead of showing the Suspense
 * fallback, which React would then keep up for as long as 300 ms (about 250 ms of a deep link's
 * paint, measured). Later pages load inside the router's transitions, which keep the current
 * page up while they do.
 */
export function lazyPage(load: () => Promise<PageModule>): LazyPage {
  let loaded: PageModule | null = null;
  let loading: Promise<PageModule> | null = null;
  const preload = () => (loading ??= load().then((module) => (loaded = module)));
  const Page = lazy(() =>
    loaded ? settled({ default: loaded.Component }) : preload().then((module) => ({ default: module.Component })),
  );
  return { Page, preload };
}
