import { useEffect, useState } from 'react';
import { copyText } from '../lib/clipboard';
import { Button } from './button';

type State = 'idle' | 'copied' | 'failed';

/** Copies `value`; says so in a polite live region so screen-reader users hear the outcome. */
export function CopyButton({ value, label, className }: { value: string | (() => string); label: string; className?: string }) {
  const [state, setState] = useState<State>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await copyText(typeof value === 'function' ? value() : value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <span className="inline-flex items-center gap-2">
      <Button onClick={() => void copy()} className={className}>
        {label}
      </Button>
      <span role="status" className="text-xs text-slate-600 dark:text-slate-300">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: the browser blocked the clipboard' : ''}
      </span>
    </span>
  );
}
