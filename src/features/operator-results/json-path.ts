/** A JSONPath for a key under `parent`: `$.checklist.greeting`, `$.items[0]`, `$["odd key"]`. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** What "copy value" puts on the clipboard: strings bare, anything else as JSON. */
export function copyableValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
