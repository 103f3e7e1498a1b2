import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { ThemePicker } from '../components/theme-picker';
import { ModeBadge } from '../features/status/mode-badge';
import { SignOut } from '../features/status/sign-out';
import { takeRestored } from '../lib/scroll-memory';
import { useZonedPath } from '../lib/use-zone';
import { PRODUCT_NAME } from '../lib/use-document-title';

const navLink = ({ isActive }: { isActive: boolean }) =>
  isActive
    ? 'text-slate-950 underline decoration-2 underline-offset-4 dark:text-white'
    : 'text-sky-800 underline dark:text-sky-300';

/** After a client-side navigation, move focus to the new page so keyboard and screen-reader users follow. */
function useFocusOnNavigate(target: React.RefObject<HTMLElement | null>) {
  const { pathname, key } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // A page that put the reader back where they were (the inbox, on Back) keeps its place and focus.
    if (takeRestored(key)) return;
    target.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
    // Only a new page moves focus and scroll; `key` is read for the page that restored its own place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathname, target]);
}

export function RootLayout() {
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);
  // The zone the reader chose (`?tz=utc`) goes with them from page to page.
  const zoned = useZonedPath();
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-sky-900 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white print:hidden dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto grid max-w-7xl grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-2 px-4 py-3 sm:flex sm:justify-between">
          <Link to={zoned('/')} className="flex items-center gap-2 font-semibold text-slate-950 dark:text-white">
            <img src="/favicon.svg" alt="" className="size-6" />
            {PRODUCT_NAME}
          </Link>
          {/* On a phone the links take a row of their own, under the name. */}
          <nav aria-label="Pages" className="col-span-2 row-start-2 flex gap-4 text-sm font-medium sm:ml-auto">
            <NavLink to={zoned('/conversations')} end className={navLink}>
              Conversations
            </NavLink>
            <NavLink to={zoned('/agreement')} className={navLink}>
              Agreement
            </NavLink>
          </nav>
          <div className="flex items-center gap-3">
            <ModeBadge />
            <ThemePicker />
            <SignOut />
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="mx-auto max-w-7xl px-3 py-4 outline-none sm:px-4 sm:py-6">
        <Outlet />
      </main>
    </div>
  );
}
