// When the app tries a failed request again, in one place. Which failures can clear by
// themselves is ApiError.isRecoverable; this module says how soon and how often, and both the
// query client (retry, refetchInterval) and the error message (ErrorState) read it, so what the
// page says is what it does.
import type { Query, QueryCache } from '@tanstack/react-query';
import { ApiError } from './api-error.ts';

/** Silent retries inside one fetch, while the page still shows "loading". */
export const QUIET_RETRIES = 2;
/** A wait longer than this (a long Retry-After) is shown to the user, not hidden behind "loading". */
export const QUIET_RETRY_MAX_MS = 5_000;
/**
 * Polling after the error is shown: 4 s, 8 s, 16 s, then 30 s between attempts (each less up
 * to half for jitter), carrying on from the quiet retries' 1 s and 2 s.
 */
export const POLL_BASE_MS = 4_000;
export const POLL_MAX_MS = 30_000;
/** A server's Retry-After is obeyed within these bounds (a bogus "0" or "86400" neither spins nor stalls). */
export const RETRY_AFTER_MIN_MS = 1_000;
export const RETRY_AFTER_MAX_MS = 5 * 60_000;

export function isRecoverable(error: unknown): error is ApiError {
  return error instanceof ApiError && error.isRecoverable;
}

/** Retry-After as the policy obeys it: floored, capped, undefined when the server gave none. */
export function boundedRetryAfter(error: ApiError): number | undefined {
  const ms = error.retryAfterMs;
  if (ms === undefined || Number.isNaN(ms)) return undefined;
  return Math.min(RETRY_AFTER_MAX_MS, Math.max(RETRY_AFTER_MIN_MS, ms));
}

/**
 * Capped exponential backoff with "equal jitter": between half and all of base·2^attempt, so
 * many tabs (or panels) that failed together do not come back in lockstep. `jitter` is in [0, 1).
 */
export function backoffMs(attempt: number, base: number, cap: number, jitter: number): number {
  const full = Math.min(cap, base * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(full * (0.5 + 0.5 * clampUnit(jitter)));
}

/**
 * TanStack's `retry`: hidden retries only for server hiccups (HTTP 5xx/429, a body cut off)
 * that should pass within seconds. An unreachable server or an offline browser is shown at once
 * (and then polled), and so is a Retry-After the user would otherwise wait out staring at "loading".
 */
export function shouldRetryQuietly(failureCount: number, error: unknown): boolean {
  if (!isRecoverable(error) || failureCount >= QUIET_RETRIES) return false;
  if (error.kind !== 'http' && error.kind !== 'truncated') return false;
  const retryAfter = boundedRetryAfter(error);
  return retryAfter === undefined || retryAfter <= QUIET_RETRY_MAX_MS;
}

/** TanStack's `retryDelay` (attempt is 0-based): Retry-After when given, else 1 s, 2 s … */
export function quietRetryDelayMs(attempt: number, error: unknown, jitter = Math.random()): number {
  const retryAfter = error instanceof ApiError ? boundedRetryAfter(error) : undefined;
  return retryAfter ?? backoffMs(attempt, 1_000, QUIET_RETRY_MAX_MS, jitter);
}

/**
 * How long after the `failures`-th consecutive failed fetch the next poll is sent, or false
 * when waiting cannot help. Retry-After wins (plus up to 10 % so clients spread out); otherwise
 * the capped backoff. `jitter` must be stable for one failure: TanStack re-reads the interval on
 * every render and restarts its timer when the value changes.
 */
export function pollDelayMs(error: unknown, failures: number, jitter: number): number | false {
  if (!isRecoverable(error)) return false;
  const retryAfter = boundedRetryAfter(error);
  if (retryAfter !== undefined) return Math.round(retryAfter * (1 + 0.1 * clampUnit(jitter)));
  return backoffMs(Math.max(0, failures - 1), POLL_BASE_MS, POLL_MAX_MS, jitter);
}

/** A number in [0, 1) that is the same every time for the same failure time. */
export function stableJitter(seed: number): number {
  const x = Math.sin(seed) * 10_000;
  return x - Math.floor(x);
}

const streaks = new WeakMap<object, { errorAt: number; count: number }>();

/** Consecutive failed fetches of a query (1 for the first failure after data or ever). */
export function failureStreak(query: Pick<Query, 'state'>): number {
  const { errorUpdatedAt, dataUpdatedAt } = query.state;
  const previous = streaks.get(query);
  if (previous?.errorAt === errorUpdatedAt) return previous.count;
  const count = previous && previous.errorAt > dataUpdatedAt ? previous.count + 1 : 1;
  streaks.set(query, { errorAt: errorUpdatedAt, count });
  return count;
}

/** TanStack's `refetchInterval`: polls a query whose failure can clear by itself. */
export function recoveryPollInterval(query: Pick<Query, 'state'>): number | false {
  const { status, error, errorUpdatedAt } = query.state;
  if (status !== 'error') return false;
  return pollDelayMs(error, failureStreak(query), stableJitter(errorUpdatedAt));
}

/**
 * When the query that failed with `error` will be fetched again by itself, read from the
 * observers that poll it (so it is undefined when nothing will: no observer mounted, polling
 * turned off for that query, an error that no query holds).
 */
export function scheduledRetryAt(cache: QueryCache, error: unknown): number | undefined {
  if (!isRecoverable(error)) return undefined;
  const query = cache.getAll().find((q) => q.state.error === error);
  if (!query) return undefined;
  for (const observer of query.observers) {
    const { enabled, refetchInterval } = observer.options;
    if (enabled === false || (typeof enabled === 'function' && !enabled(query))) continue;
    const interval = typeof refetchInterval === 'function' ? refetchInterval(query) : refetchInterval;
    if (typeof interval === 'number' && interval > 0 && Number.isFinite(interval)) return query.state.errorUpdatedAt + interval;
  }
  return undefined;
}

function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

type PollingQuery = Pick<Query, 'state'>;

/**
 * refetchInterval for a query that also polls on purpose (live refresh of a running run): the
 * recovery poll while it is failing, so a query that sets its own interval still recovers by
 * itself like every other, and its own period otherwise.
 */
export function pollingWithRecovery(period: number | false): (query: PollingQuery) => number | false;
export function pollingWithRecovery<Q extends PollingQuery>(period: (query: Q) => number | false): (query: Q) => number | false;
export function pollingWithRecovery<Q extends PollingQuery>(period: number | false | ((query: Q) => number | false)) {
  return (query: Q): number | false => {
    const recovery = recoveryPollInterval(query);
    if (recovery !== false) return recovery;
    return typeof period === 'function' ? period(query) : period;
  };
}
