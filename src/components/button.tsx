import type { ButtonHTMLAttributes } from 'react';

export const buttonClass =
  'inline-flex items-center justify-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-xs hover:bg-slate-50 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

export const primaryButtonClass =
  'inline-flex items-center justify-center gap-1.5 rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-sky-800 disabled:opacity-50 dark:bg-sky-600 dark:hover:bg-sky-500 dark:text-slate-950';

export function Button({ className = '', ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type="button" className={`${buttonClass} ${className}`} {...props} />;
}
