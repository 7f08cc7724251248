import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorInit } from './api-error.ts';
import { describeError } from './describe-error.ts';
import {
  POLL_MAX_MS,
  RETRY_AFTER_MAX_MS,
  RETRY_AFTER_MIN_MS,
  backoffMs,
  failureStreak,
  pollDelayMs,
  quietRetryDelayMs,
  pollingWithRecovery,
  recoveryPollInterval,
  shouldRetryQuietly,
} from './retry-policy.ts';

const http = (status: number, extra: Partial<ApiErrorInit> = {}) =>
  new ApiError({ kind: 'http', status, url: '/x', message: `HTTP ${status}`, ...extra });
const ofKind = (kind: ApiErrorInit['kind']) => new ApiError({ kind, url: '/x', message: kind });

function failedQuery(error: unknown, errorUpdatedAt = 1_000, dataUpdatedAt = 0) {
  return { state: { status: 'error', error, errorUpdatedAt, dataUpdatedAt } } as unknown as Parameters<typeof recoveryPollInterval>[0];
}

describe('which failures are tried again', () => {
  const recoverable = [
    http(500),
    http(502),
    http(503),
    http(504),
    http(429),
    ofKind('unreachable'),
    ofKind('network'),
    ofKind('truncated'),
  ];
  const final = [
    http(400),
    http(401),
    http(403),
    http(404),
    http(501),
    ofKind('invalid-response'),
    http(502, { errorCode: 'RUNLENS_UPSTREAM_REDIRECT' }),
    new Error('render bug'),
  ];

  it('polls exactly the failures the message calls recoverable (a 500 included)', () => {
    for (const error of [...recoverable, ...final]) {
      const polled = recoveryPollInterval(failedQuery(error)) !== false;
      expect(polled, `${error.message}`).toBe(describeError(error).recoverable);
    }
    for (const error of recoverable) expect(describeError(error).recoverable).toBe(true);
    for (const error of final) expect(describeError(error).recoverable).toBe(false);
  });

  it('retries server errors quietly, but shows an unreachable server at once', () => {
    expect(shouldRetryQuietly(0, http(500))).toBe(true);
    expect(shouldRetryQuietly(1, ofKind('truncated'))).toBe(true);
    expect(shouldRetryQuietly(2, http(500))).toBe(false);
    expect(shouldRetryQuietly(0, ofKind('unreachable'))).toBe(false);
    expect(shouldRetryQuietly(0, ofKind('network'))).toBe(false);
    expect(shouldRetryQuietly(0, http(404))).toBe(false);
  });

  it('does not hide a long Retry-After behind "loading"', () => {
    expect(shouldRetryQuietly(0, http(429, { retryAfterMs: 2_000 }))).toBe(true);
    expect(shouldRetryQuietly(0, http(429, { retryAfterMs: 30_000 }))).toBe(false);
  });
});

describe('how soon', () => {
  it('waits as long as Retry-After asks, within a floor and a cap', () => {
    expect(quietRetryDelayMs(0, http(429, { retryAfterMs: 3_000 }), 0.5)).toBe(3_000);
    expect(pollDelayMs(http(429, { retryAfterMs: 20_000 }), 1, 0)).toBe(20_000);
    // Still honoured on later polls: the backoff does not replace it.
    expect(pollDelayMs(http(429, { retryAfterMs: 20_000 }), 9, 0)).toBe(20_000);
    expect(pollDelayMs(http(429, { retryAfterMs: 0 }), 1, 0)).toBe(RETRY_AFTER_MIN_MS);
    expect(pollDelayMs(http(503, { retryAfterMs: 86_400_000 }), 1, 0)).toBe(RETRY_AFTER_MAX_MS);
  });

  it('backs off exponentially without Retry-After, up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => pollDelayMs(http(429), n, 0.999_999));
    expect(delays).toEqual([4_000, 8_000, 16_000, POLL_MAX_MS, POLL_MAX_MS, POLL_MAX_MS, POLL_MAX_MS]);
  });

  it('every delay is a finite wait between the floor and the cap, for any input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 10_000 }),
        fc.double(),
        fc.option(fc.double(), { nil: undefined }),
        (attempt, jitter, retryAfterMs) => {
          const error = http(503, retryAfterMs === undefined ? {} : { retryAfterMs });
          const quiet = quietRetryDelayMs(attempt, error, jitter);
          const poll = pollDelayMs(error, attempt, jitter);
          for (const delay of [quiet, poll, backoffMs(attempt, 1_000, 5_000, jitter)]) {
            expect(typeof delay).toBe('number');
            expect(Number.isFinite(delay)).toBe(true);
            expect(delay as number).toBeGreaterThanOrEqual(500);
            expect(delay as number).toBeLessThanOrEqual(RETRY_AFTER_MAX_MS * 1.1);
          }
        },
      ),
    );
  });
});

describe('failureStreak', () => {
  it('counts consecutive failures and starts again after data arrived', () => {
    const query = failedQuery(http(500), 1_000, 0);
    expect(failureStreak(query)).toBe(1);
    expect(failureStreak(query)).toBe(1); // the same failure, read again on a re-render
    Object.assign(query.state, { errorUpdatedAt: 2_000 });
    expect(failureStreak(query)).toBe(2);
    Object.assign(query.state, { dataUpdatedAt: 3_000, errorUpdatedAt: 4_000 });
    expect(failureStreak(query)).toBe(1);
  });

  it('gives the same interval on every render of one failure (TanStack restarts its timer when it changes)', () => {
    const query = failedQuery(http(500), 123_456);
    expect(recoveryPollInterval(query)).toBe(recoveryPollInterval(query));
  });
});

describe('pollingWithRecovery (a query that polls on purpose: live refresh)', () => {
  const succeeded = { state: { status: 'success', data: { status: 'RUNNING' } } } as unknown as Parameters<typeof recoveryPollInterval>[0];

  it('polls at its own period while it succeeds', () => {
    expect(pollingWithRecovery(5_000)(succeeded)).toBe(5_000);
    expect(pollingWithRecovery(false)(succeeded)).toBe(false);
    expect(pollingWithRecovery(() => 1_000)(succeeded)).toBe(1_000);
  });

  it('still recovers by itself from a recoverable failure, even with its own polling off', () => {
    const failed = failedQuery(http(503));
    expect(pollingWithRecovery(false)(failed)).toBe(recoveryPollInterval(failed));
    expect(pollingWithRecovery(5_000)(failed)).toBe(recoveryPollInterval(failed));
    expect(recoveryPollInterval(failed)).not.toBe(false);
  });
});
