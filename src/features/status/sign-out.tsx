import { useServerStatus } from './api';

/** A plain form: signing out works even if the app's JavaScript is broken. */
export function SignOut() {
  const { data } = useServerStatus();
  if (data?.access !== 'token') return null;
  return (
    <form method="post" action="/sign-out">
      <button type="submit" className="text-sm font-medium text-slate-700 underline dark:text-slate-300">
        Sign out
      </button>
    </form>
  );
}
