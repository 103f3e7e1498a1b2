import { describe, expect, it } from 'vitest';
import { BFF_ERROR_CODES, errorBody } from '../api/error';
import { ApiError } from '../lib/api-client';
import { describeError } from './api-error-state';

const answered = (status: number, code: number, message: string) =>
  new ApiError(status, errorBody(code, status, message, status < 500), null);

describe('what a failed request is called', () => {
  it('names data Twilio sent in an unexpected shape by the BFF’s code for it', () => {
    const problem = 'Twilio answered with data in an unexpected shape (createdAt: expected string).';
    expect(describeError(answered(502, BFF_ERROR_CODES.unexpectedShape, problem), 'conversation')).toEqual({
      title: 'Twilio answered with data this viewer does not understand',
      detail: problem,
      retry: true,
    });
  });

  it('does not blame Twilio when the viewer’s own server failed', () => {
    const described = describeError(
      answered(500, BFF_ERROR_CODES.internal, 'The server failed to handle this request.'),
      'conversation',
    );
    expect(described.title).toBe('The viewer’s server failed');
    expect(described.detail).toMatch(/Twilio was not at fault/);
    expect(described.retry).toBe(true);
    // Twilio's own 500 still reads as Twilio's.
    expect(describeError(answered(500, 20500, 'Internal Server Error'), 'conversation').title).toBe(
      'Twilio could not be reached',
    );
  });
});
