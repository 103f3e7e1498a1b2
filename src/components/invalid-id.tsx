import { HomeLink } from './home-link';
import { ErrorState } from './error-state';

/** A malformed ID in the URL: say what is wrong, without asking the server. */
export function InvalidId({ label, value, problem }: { label: string; value: string; problem: string }) {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-xl font-semibold text-slate-950 dark:text-white">This link does not contain a valid {label}</h1>
      <ErrorState title={problem} headingLevel={2}>
        <p>
          The address contains <code className="font-mono break-all">{value || '(nothing)'}</code>.
        </p>
      </ErrorState>
      <HomeLink className="inline-block font-medium text-sky-800 underline dark:text-sky-300">Paste another ID</HomeLink>
    </div>
  );
}
