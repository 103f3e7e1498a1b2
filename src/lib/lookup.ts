/**
 * The table's own entry for a value from an answer, or undefined. A plain `table[key]` would find
 * `constructor` or `toString` on the prototype for an API value spelled that way, and render a
 * function; `key in table` would call such a value known.
 */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
