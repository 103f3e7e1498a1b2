import twilio from 'twilio';
import { TWILIO_INTELLIGENCE_BASE } from '../api/paths';
import type { Credentials } from './config';
import { UpstreamUnavailable, type Upstream } from './upstream-contract';

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

function headerRecord(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers && typeof headers === 'object') {
    for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number') out[key.toLowerCase()] = String(value);
    }
  }
  return out;
}

type RawResponse = { statusCode: number; body: unknown; headers: unknown };

/**
 * Calls Twilio through the official library's raw `client.request`: it handles auth, the
 * User-Agent and region/edge host rewriting, but unlike the typed resources it keeps every
 * field (see docs/decisions/0002-raw-upstream-requests.md).
 */
export function twilioUpstream(options: {
  credentials: Credentials;
  region?: string;
  edge?: string;
  timeoutMs: number;
  /** Off toward the demo's faked network: its mock sockets are never freed while kept alive. */
  keepAlive?: boolean;
}): Upstream {
  const { credentials, region, edge, timeoutMs, keepAlive = true } = options;
  const clientOptions = { region, edge, timeout: timeoutMs, autoRetry: false, keepAlive };
  const client =
    credentials.kind === 'apiKey'
      ? twilio(credentials.apiKey, credentials.apiSecret, { ...clientOptions, accountSid: credentials.accountSid })
      : twilio(credentials.accountSid, credentials.authToken, clientOptions);

  return {
    async get(path) {
      let timer: NodeJS.Timeout | undefined;
      // A hard bound on top of axios' own timeout, which does not cover a stalled body.
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new UpstreamUnavailable('timeout', `no answer within ${timeoutMs} ms`)), timeoutMs + 250);
      });
      try {
        const request = client.request({
          method: 'get',
          uri: `${TWILIO_INTELLIGENCE_BASE}${path}`,
          timeout: timeoutMs,
        }) as Promise<RawResponse>;
        const response = await Promise.race([request, deadline]);
        return { status: response.statusCode, body: response.body, headers: headerRecord(response.headers) };
      } catch (error) {
        if (error instanceof UpstreamUnavailable) throw error;
        const code = (error as { code?: string }).code ?? '';
        if (TIMEOUT_CODES.has(code)) throw new UpstreamUnavailable('timeout', `no answer within ${timeoutMs} ms`);
        throw new UpstreamUnavailable('unreachable', code || (error instanceof Error ? error.message : 'network error'));
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
