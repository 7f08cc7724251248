// The theme the viewer picked in the header, kept in localStorage: a preference of this browser,
// not view state (links carry theme= only when their author put it there). Other tabs follow a
// change through the storage event; this tab through its own listeners.
import { useSyncExternalStore } from 'react';
import { isTheme, THEME_STORAGE_KEY, type Theme } from '@/config/theme-preference.ts';

const listeners = new Set<() => void>();
/** The choice made while storage refuses writes, so the switch still works in this tab. */
let sessionChoice: Theme | undefined;

/** The remembered theme, or undefined (none yet, or storage is off: a sandboxed frame, a strict privacy mode). */
export function readRememberedTheme(): Theme | undefined {
  try {
    const value = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isTheme(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function rememberTheme(theme: Theme): void {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage is off: the choice holds in this tab only (the listeners below still hear it).
    sessionChoice = theme;
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === THEME_STORAGE_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

const snapshot = () => readRememberedTheme() ?? sessionChoice;

export function useRememberedTheme(): Theme | undefined {
  return useSyncExternalStore(subscribe, snapshot);
}
