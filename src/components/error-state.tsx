import type { ReactNode } from 'react';
import { Button } from './button';

export type ErrorStateProps = {
  title: string;
  children?: ReactNode;
  onRetry?: () => void;
  retrying?: boolean;
  tone?: 'error' | 'warning';
  headingLevel?: 2 | 3;
};

/** A specific, actionable error: what happened, what the user can do, and a Retry where it helps. */
export function ErrorState({ title, children, onRetry, retrying = false, tone = 'error', headingLevel = 2 }: ErrorStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const colours =
    tone === 'error'
      ? 'border-rose-300 bg-rose-50 text-rose-950 dark:border-rose-800 dark:bg-rose-950/60 dark:text-rose-100'
      : 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100';
  return (
    <div role="alert" className={`rounded-lg border p-4 ${colours}`}>
      <Heading className="text-base font-semibold">{title}</Heading>
      {children && <div className="mt-1 space-y-1 text-sm">{children}</div>}
      {onRetry && (
        <Button className="mt-3" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying\u2026' : 'Retry'}
        </Button>
      )}
    </div>
  );
}
