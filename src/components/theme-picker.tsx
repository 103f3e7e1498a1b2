import { useId } from 'react';
import { setThemeChoice, useThemeChoice, type ThemeChoice } from '../lib/theme';

export function ThemePicker() {
  const choice = useThemeChoice();
  const id = useId();
  return (
    <span className="flex items-center gap-1.5 text-xs">
      <label htmlFor={id} className="sr-only sm:not-sr-only text-slate-700 dark:text-slate-300">
        Appearance
      </label>
      <select
        id={id}
        value={choice}
        onChange={(event) => setThemeChoice(event.target.value as ThemeChoice)}
        className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </span>
  );
}
