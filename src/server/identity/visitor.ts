import type { Me } from '../../api/me';
import type { ReviewerIdentity, ReviewerRole } from '../../api/reviews';

/**
 * Who is asking, as the access middleware (../access.ts) worked it out for this request. A
 * `local` visitor without an identity has not given a name yet; the team token reads only.
 */
export type Visitor =
  | { identifiedBy: 'local'; identity: ReviewerIdentity | null; named: boolean }
  | { identifiedBy: 'token' | 'proxy'; identity: ReviewerIdentity }
  | { identifiedBy: 'team_token'; identity: null };

declare module 'hono' {
  interface ContextVariableMap {
    visitor: Visitor;
  }
}

export function roleOf(visitor: Visitor): ReviewerRole {
  if (visitor.identifiedBy === 'team_token') return 'viewer';
  return visitor.identity?.role ?? 'reviewer';
}

export function meOf(visitor: Visitor): Me {
  const identity = visitor.identity;
  const role = roleOf(visitor);
  return {
    identifiedBy: visitor.identifiedBy,
    name: identity?.name ?? null,
    email: identity?.email ?? null,
    role,
    canWrite: role === 'reviewer' && identity !== null,
    askName: visitor.identifiedBy === 'local' && identity === null,
    nameEditable: visitor.identifiedBy === 'local',
    canSignOut: visitor.identifiedBy === 'token' || visitor.identifiedBy === 'team_token',
  };
}
