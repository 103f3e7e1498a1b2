import * as z from 'zod/mini';
import { EMAIL_MAX, emailSchema, NAME_MAX, type ReviewerIdentity, type ReviewerRole } from '../../api/reviews';
import type { TrustedProxies } from './trusted-proxies';
import type { Users } from './users-file';

/**
 * An authenticating proxy in front (oauth2-proxy, an identity-aware load balancer...) signs
 * people in and tells the server who they are in a header. The header is believed only from the
 * proxies' own addresses: anyone else could send it too.
 */
export type ProxyIdentity = {
  /** The header that names the person, for example X-Forwarded-Email. */
  header: string;
  /** An optional header with their display name, for example X-Forwarded-Preferred-Username. */
  nameHeader: string | null;
  trusted: TrustedProxies;
  /** The role of someone the users file does not list; null lets only listed people in. */
  defaultRole: ReviewerRole | null;
};

export type ProxyOutcome = { ok: true; identity: ReviewerIdentity } | { ok: false; problem: 'unknown' | 'malformed' };

const isEmail = (value: string) => emailSchema.safeParse(value).success;

/** Control characters, and anything longer than an e-mail address can be, are no one's name. */
const usable = (value: string, max: number) => value.length > 0 && value.length <= max && !/[\p{Cc}\p{Cs}]/u.test(value);

/**
 * The identity the proxy's header names: from the users file when it lists that e-mail (name and
 * role from there), otherwise with the default role, if there is one.
 */
export function proxyIdentity(
  proxy: ProxyIdentity,
  value: string,
  displayName: string | undefined,
  users: Users | null,
): ProxyOutcome {
  const subject = value.trim();
  if (!usable(subject, EMAIL_MAX)) return { ok: false, problem: 'malformed' };
  const email = isEmail(subject) ? subject.toLowerCase() : null;
  const listed = email === null ? undefined : users?.byEmail.get(email);
  if (listed) {
    return {
      ok: true,
      identity: { source: 'proxy', subject: email!, name: listed.name, email: listed.email, role: listed.role },
    };
  }
  if (proxy.defaultRole === null) return { ok: false, problem: 'unknown' };
  const name = displayName?.trim();
  return {
    ok: true,
    identity: {
      source: 'proxy',
      subject: email ?? subject,
      name: name !== undefined && usable(name, NAME_MAX) ? name : subject,
      email,
      role: proxy.defaultRole,
    },
  };
}

export const headerNameSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9-]{1,100}$/, 'must be an HTTP header name such as X-Forwarded-Email'));
