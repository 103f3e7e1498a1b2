import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchTheme } from '../lib/theme';
import { ThemePicker } from './theme-picker';

const KEY = 'conversation-viewer:theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';
const root = document.documentElement;

/** A stand-in for `matchMedia` whose answer the test sets, and whose change it can announce. */
function fakeSystem(prefersDark: boolean) {
  const listeners = new Set<(event: MediaQueryListEvent) => void>();
  const system = {
    dark: prefersDark,
    queries: [] as string[],
    /** The system switches scheme, as the OS would. */
    switchTo(dark: boolean) {
      system.dark = dark;
      for (const listener of listeners) listener({ matches: dark, media: DARK_QUERY } as MediaQueryListEvent);
    },
    listenerCount: () => listeners.size,
  };
  const matchMedia = vi.fn((query: string) => {
    system.queries.push(query);
    return {
      get matches() {
        return query === DARK_QUERY && system.dark;
      },
      media: query,
      onchange: null,
      addEventListener: (_: string, listener: (event: MediaQueryListEvent) => void) => listeners.add(listener),
      removeEventListener: (_: string, listener: (event: MediaQueryListEvent) => void) => listeners.delete(listener),
      addListener: () => {},
      removeListener: () => {},
      dispatchEvent: () => true,
    } as unknown as MediaQueryList;
  });
  Object.defineProperty(window, 'matchMedia', { value: matchMedia, configurable: true, writable: true });
  return system;
}

function renderPicker() {
  const user = userEvent.setup();
  render(<ThemePicker />);
  return { user, select: screen.getByRole('combobox', { name: 'Appearance' }) };
}

const originalMatchMedia = Object.getOwnPropertyDescriptor(window, 'matchMedia');
beforeEach(() => {
  root.classList.remove('dark');
  root.style.colorScheme = '';
});
afterEach(() => {
  if (originalMatchMedia) Object.defineProperty(window, 'matchMedia', originalMatchMedia);
  else Reflect.deleteProperty(window, 'matchMedia');
  root.classList.remove('dark');
  root.style.colorScheme = '';
});

describe('theme picker', () => {
  it('offers System, Light and Dark, and starts on System with nothing stored', () => {
    const { select } = renderPicker();
    expect(select).toHaveValue('system');
    expect([...(select as HTMLSelectElement).options].map((option) => [option.value, option.text])).toEqual([
      ['system', 'System'],
      ['light', 'Light'],
      ['dark', 'Dark'],
    ]);
  });

  it('goes dark with Dark, and remembers it', async () => {
    fakeSystem(false);
    const { select, user } = renderPicker();
    await user.selectOptions(select, 'Dark');
    expect(root.classList.contains('dark')).toBe(true);
    expect(root.style.colorScheme).toBe('dark');
    expect(localStorage.getItem(KEY)).toBe('dark');
    expect(select).toHaveValue('dark');
  });

  it('goes light with Light, even when the system is dark, and remembers it', async () => {
    fakeSystem(true);
    const { select, user } = renderPicker();
    await user.selectOptions(select, 'Dark');
    expect(root.classList.contains('dark')).toBe(true);
    await user.selectOptions(select, 'Light');
    expect(root.classList.contains('dark')).toBe(false);
    expect(root.style.colorScheme).toBe('light');
    expect(localStorage.getItem(KEY)).toBe('light');
    expect(select).toHaveValue('light');
  });

  it.each([
    [true, 'dark'],
    [false, 'light'],
  ])('follows the system with System (system dark: %s) and forgets the stored choice', async (prefersDark, scheme) => {
    const system = fakeSystem(prefersDark);
    const { select, user } = renderPicker();
    await user.selectOptions(select, prefersDark ? 'Light' : 'Dark');
    expect(localStorage.getItem(KEY)).not.toBeNull();

    await user.selectOptions(select, 'System');
    expect(select).toHaveValue('system');
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(root.classList.contains('dark')).toBe(prefersDark);
    expect(root.style.colorScheme).toBe(scheme);
    expect(system.queries).toContain(DARK_QUERY);
  });

  it('is light on System without matchMedia', async () => {
    Reflect.deleteProperty(window, 'matchMedia');
    const { select, user } = renderPicker();
    await user.selectOptions(select, 'Dark');
    await user.selectOptions(select, 'System');
    expect(root.classList.contains('dark')).toBe(false);
  });

  it('shows a stored choice', () => {
    localStorage.setItem(KEY, 'dark');
    expect(renderPicker().select).toHaveValue('dark');
  });

  it('treats a stored value it does not know as System', () => {
    localStorage.setItem(KEY, 'sepia');
    expect(renderPicker().select).toHaveValue('system');
  });
});

describe('theme: following changes (watchTheme)', () => {
  it('follows the system as it changes while the choice is System, and not once a choice is made', async () => {
    const system = fakeSystem(false);
    const stop = watchTheme();
    try {
      const { select, user } = renderPicker();
      expect(select).toHaveValue('system');
      act(() => system.switchTo(true));
      expect(root.classList.contains('dark')).toBe(true);
      act(() => system.switchTo(false));
      expect(root.classList.contains('dark')).toBe(false);

      await user.selectOptions(select, 'Dark');
      act(() => system.switchTo(false));
      expect(root.classList.contains('dark')).toBe(true);
    } finally {
      stop();
    }
    expect(system.listenerCount()).toBe(0);
  });

  it('takes up a choice made in another tab', () => {
    fakeSystem(false);
    const stop = watchTheme();
    try {
      const { select } = renderPicker();
      localStorage.setItem(KEY, 'dark');
      act(() => {
        window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: 'dark' }));
      });
      expect(select).toHaveValue('dark');
      expect(root.classList.contains('dark')).toBe(true);

      localStorage.removeItem(KEY);
      act(() => {
        window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: null }));
      });
      expect(select).toHaveValue('system');
      expect(root.classList.contains('dark')).toBe(false);
    } finally {
      stop();
    }
  });
});
