import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

function pathOf(path: PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

/** zod/mini's generic message; anything else was written for people and is kept. */
const GENERIC = 'Invalid input';

function describe(issue: Issue): string {
  if (issue.message && issue.message !== GENERIC) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_format':
      return issue.format === 'regex'
        ? `does not match ${String((issue as { pattern?: string }).pattern)}`
        : `not a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    default:
      return issue.message;
  }
}

/** A short, human summary of why a payload did not match the contract (first few problems). */
export function summariseIssues(issues: readonly Issue[], limit = 3): string {
  const parts = issues.slice(0, limit).map((issue) => `${pathOf(issue.path) || '(root)'}: ${describe(issue)}`);
  const more = issues.length > limit ? ` (and ${issues.length - limit} more)` : '';
  return parts.join('; ') + more;
}
