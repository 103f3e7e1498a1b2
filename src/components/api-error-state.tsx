import { useEffect, useState } from 'react';
import { BFF_ERROR_CODES } from '../api/error';
import { ApiError, NetworkError, UnexpectedShapeError } from '../lib/api-client';
import { RATE_LIMIT_ATTEMPTS } from '../lib/query-client';
import { ErrorState } from './error-state';

export type Subject = 'conversation' | 'operator result' | 'operator version' | 'conversation list';

type Described = { title: string; detail: string; retry: boolean };

/** What to tell a person about a failed request: specific to the status, never a raw dump. */
export function describeError(error: unknown, subject: Subject): Described {
  if (error instanceof ApiError) {
    const said = error.body?.message;
    switch (true) {
      case subject === 'conversation list' && (error.status === 400 || error.status === 404):
        return {
          title: 'Twilio refused to list conversations with these filters',
          detail: said ?? `The server answered ${error.status}.`,
          retry: false,
        };
      case error.status === 400:
        return { title: `This is not a valid ${subject} ID`, detail: said ?? 'The server rejected the ID.', retry: false };
      case error.status === 404:
        return {
          title: `No ${subject} with this ID in this account`,
          detail: `Twilio has no ${subject} with this ID in the account the server uses. Check the ID, or whether it belongs to another account.`,
          retry: false,
        };
      case error.status === 401 && error.body?.code === BFF_ERROR_CODES.notSignedIn:
        return {
          title: 'Sign in again',
          detail: 'Your session with this viewer has ended. Reload the page to sign in.',
          retry: false,
        };
      case error.status === 401 || error.status === 403:
        return {
          title: 'The server\u2019s Twilio credentials were rejected',
          detail: `Twilio answered ${error.status}${said ? ` (\u201c${said}\u201d)` : ''}. Whoever runs this viewer should check its TWILIO_* settings and the key\u2019s permissions.`,
          retry: false,
        };
      case error.status === 429:
        return {
          title: 'Twilio is rate-limiting requests',
          detail: `Twilio still refused after ${RATE_LIMIT_ATTEMPTS} attempts. Wait a moment and retry.`,
          retry: true,
        };
      case error.status === 504:
        return {
          title: 'Twilio could not be reached',
          detail: 'Twilio did not answer in time. This is usually temporary.',
          retry: true,
        };
      case error.status === 502 && error.body?.code === BFF_ERROR_CODES.unexpectedShape:
        return { title: 'Twilio answered with data this viewer does not understand', detail: said ?? '', retry: true };
      case error.body?.code === BFF_ERROR_CODES.internal:
        return {
          title: 'The viewer\u2019s server failed',
          detail:
            'Its own server failed to handle the request; Twilio was not at fault. Retry; if it fails again, the server\u2019s log says why.',
          retry: true,
        };
      case error.status >= 500:
        return {
          title: 'Twilio could not be reached',
          detail: `${said ?? `The server answered ${error.status}.`} This is usually temporary.`,
          retry: true,
        };
      default:
        return {
          title: `The ${subject} could not be loaded`,
          detail: said ?? `The server answered ${error.status}.`,
          retry: true,
        };
    }
  }
  if (error instanceof UnexpectedShapeError) {
    return { title: 'The server answered with data in an unexpected shape', detail: error.message, retry: true };
  }
  if (error instanceof NetworkError) {
    return {
      title: 'The viewer\u2019s server could not be reached',
      detail: 'Check that it is still running and that you are online.',
      retry: true,
    };
  }
  return {
    title: `The ${subject} could not be loaded`,
    detail: error instanceof Error ? error.message : String(error),
    retry: true,
  };
}

export function ApiErrorState({
  error,
  subject,
  onRetry,
  retrying,
}: {
  error: unknown;
  subject: Subject;
  onRetry: () => void;
  retrying: boolean;
}) {
  const { title, detail, retry } = describeError(error, subject);
  return (
    <ErrorState title={title} onRetry={retry ? onRetry : undefined} retrying={retrying}>
      <p>{detail}</p>
    </ErrorState>
  );
}

function useSecondsUntil(deadline: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [deadline]);
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** Shown while a rate-limited request waits to be retried: what is happening and for how long. */
export function RateLimitNotice({ error, failureCount, delayMs }: { error: ApiError; failureCount: number; delayMs: number }) {
  const seconds = useSecondsUntil(error.receivedAt + delayMs);
  return (
    <ErrorState title="Twilio is rate-limiting requests" tone="warning">
      <p>
        {seconds > 0 ? `Retrying in ${seconds} s` : 'Retrying now'} (attempt {failureCount + 1} of {RATE_LIMIT_ATTEMPTS}).
      </p>
    </ErrorState>
  );
}
