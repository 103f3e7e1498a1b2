/** A page heading for something known only by its ID (while loading or when it failed). */
export function IdHeading({ title, id }: { title: string; id: string }) {
  return (
    <div>
      <h1 className="text-xl font-semibold text-slate-950 dark:text-white">{title}</h1>
      <p className="mt-0.5 font-mono text-xs break-all text-slate-600 dark:text-slate-400">{id}</p>
    </div>
  );
}
