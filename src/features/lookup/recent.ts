import { useSyncExternalStore } from 'react';
import * as z from 'zod/mini';
import { isId } from '../../api/ids';

const KEY = 'conversation-viewer:recent';
const LIMIT = 12;

const recentSchema = z.array(z.object({ id: z.string(), name: z.nullable(z.string()), openedAt: z.string() }));
export type RecentConversation = z.infer<typeof recentSchema>[number];

const listeners = new Set<() => void>();
let cache: { raw: string | null; list: RecentConversation[] } = { raw: null, list: [] };

function read(): RecentConversation[] {
  let raw: string | null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    return cache.list;
  }
  if (raw === cache.raw) return cache.list;
  let list: RecentConversation[] = [];
  try {
    const parsed = recentSchema.safeParse(JSON.parse(raw ?? '[]'));
    // Stored data is input too: keep only entries whose ID is still valid.
    if (parsed.success) list = parsed.data.filter((entry) => isId('conversation', entry.id));
  } catch {
    list = [];
  }
  cache = { raw, list };
  return list;
}

function write(list: RecentConversation[]) {
  try {
    if (list.length === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Storage full or disabled: recent conversations are a convenience, not worth an error.
  }
  listeners.forEach((listener) => listener());
}

export function rememberConversation(id: string, name: string | null, openedAt = new Date().toISOString()) {
  const rest = read().filter((entry) => entry.id !== id);
  write([{ id, name, openedAt }, ...rest].slice(0, LIMIT));
}

export function clearRecentConversations() {
  write([]);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => event.key === KEY && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useRecentConversations(): RecentConversation[] {
  return useSyncExternalStore(subscribe, read, () => []);
}
