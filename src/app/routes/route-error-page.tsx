import { HomeLink } from '../../components/home-link';
import { Button } from '../../components/button';

/** What a page that failed to load or render shows instead (see RouteBoundary in ../router.tsx). */
export function RouteErrorPage({ error }: { error: unknown }) {
  const chunkFailed =
    error instanceof Error && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div
      role="alert"
      className="mx-auto max-w-xl rounded-xl border border-rose-300 bg-rose-50 p-6 text-rose-950 dark:border-rose-800 dark:bg-rose-950/60 dark:text-rose-100"
    >
      <h1 className="text-xl font-semibold">
        {chunkFailed ? 'This page could not be loaded' : 'Something went wrong on this page'}
      </h1>
      <p className="mt-2 text-sm">
        {chunkFailed ? 'The viewer may have been updated, or the connection dropped. Reloading usually fixes it.' : detail}
      </p>
      <div className="mt-4 flex gap-3">
        <Button onClick={() => window.location.reload()}>Reload</Button>
        <HomeLink className="self-center font-medium underline">Open another conversation</HomeLink>
      </div>
    </div>
  );
}
