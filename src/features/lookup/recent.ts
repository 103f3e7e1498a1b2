import { useSyncExternalStore } from 'react';
import * as z from 'zod/mini';
import { timestamp } from '../../api/conversation';
import { isId } from '../../api/ids';

const KEY = 'conversation-viewer:recent';
const LIMIT = 12;

const entrySchema = z.object({ id: z.string(), name: z.nullable(z.string()), openedAt: timestamp });
export type RecentConversation = z.infer<typeof entrySchema>;

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
    const stored: unknown = JSON.parse(raw ?? '[]');
    // Stored data is input too: keep each readable entry with a valid ID, once.
    const seen = new Set<string>();
    for (const candidate of Array.isArray(stored) ? stored : []) {
      const entry = entrySchema.safeParse(candidate);
      if (!entry.success || !isId('conversation', entry.data.id) || seen.has(entry.data.id)) continue;
      seen.add(entry.data.id);
      list.push(entry.data);
    }
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
