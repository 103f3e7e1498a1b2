import { useSyncExternalStore } from 'react';
import { DARK_QUERY, THEME_STORAGE_KEY } from '../api/theme';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = THEME_STORAGE_KEY;
const listeners = new Set<() => void>();

export function readThemeChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

/** Puts `.dark` (or not) on <html>; Tailwind's `dark:` variant follows that class. */
export function applyTheme(choice: ThemeChoice = readThemeChoice()): void {
  const dark = choice === 'dark' || (choice === 'system' && systemPrefersDark());
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
}

export function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Not remembered, but still applied for this page.
  }
  applyTheme(choice);
  listeners.forEach((listener) => listener());
}

/** Follows the system while the choice is "system", and other tabs' choices. */
export function watchTheme(): () => void {
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
  const onSystem = () => applyTheme();
  const onStorage = (event: StorageEvent) => {
    if (event.key !== KEY) return;
    applyTheme();
    listeners.forEach((listener) => listener());
  };
  media?.addEventListener('change', onSystem);
  window.addEventListener('storage', onStorage);
  return () => {
    media?.removeEventListener('change', onSystem);
    window.removeEventListener('storage', onStorage);
  };
}

export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readThemeChoice,
    () => 'system',
  );
}
