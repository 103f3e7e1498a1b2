import { SkeletonBlock } from '../../components/skeleton';

/** The page's shape while it loads, so nothing jumps when the data arrives. */
export function ConversationSkeleton() {
  return (
    <div aria-busy="true" className="space-y-4">
      <p role="status" className="sr-only">
        Loading conversation…
      </p>
      <div className="rounded-xl border border-slate-200 bg-white p-6 dark:border-slate-700 dark:bg-slate-900">
        <SkeletonBlock className="h-7 w-2/3" />
        <SkeletonBlock className="mt-3 h-4 w-1/3" />
        <div className="mt-5 grid gap-3 sm:grid-cols-3">
          <SkeletonBlock className="h-10" />
          <SkeletonBlock className="h-10" />
          <SkeletonBlock className="h-10" />
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-4 lg:order-2">
          <SkeletonBlock className="h-40" />
          <SkeletonBlock className="h-24" />
        </div>
        <div className="space-y-4 rounded-xl border border-slate-200 p-5 lg:order-1 dark:border-slate-700">
          {[60, 45, 70, 35, 55].map((width, index) => (
            <div key={index} className={`flex ${index % 2 ? 'justify-end' : ''}`}>
              <SkeletonBlock className="h-12" />
              <div style={{ width: `${width}%` }} />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
