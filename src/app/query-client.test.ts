import { QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/api-error.ts';
import { describeError } from '@/api/describe-error.ts';
import { scheduledRetryAt } from '@/api/retry-policy.ts';
import { createQueryClient } from './query-client.ts';

const http = (status: number, retryAfterMs?: number) =>
  new ApiError({
    kind: 'http',
    status,
    url: '/mlflow/x',
    message: `HTTP ${status}`,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });

/** Watches one query the way a mounted component does, with a scripted server. */
function watch(answers: Array<ApiError | 'ok'>) {
  const client = createQueryClient();
  const calls: number[] = [];
  const server = async () => {
    calls.push(Date.now());
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
    if (answer instanceof ApiError) throw answer;
    return 'data';
  };
  const observer = new QueryObserver(client, { queryKey: ['test'], queryFn: server });
  const unsubscribe = observer.subscribe(() => undefined);
  return { client, observer, calls, unsubscribe };
}

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe('createQueryClient', () => {
  it('retries an HTTP 500 and recovers by itself when the server does', async () => {
    const { observer, calls, unsubscribe } = watch([http(500), http(500), http(500), http(500), 'ok']);
    while (observer.getCurrentResult().status !== 'error' && Date.now() < 1_010_000) await vi.advanceTimersByTimeAsync(50);
    // Two quiet retries (~1 s, ~2 s), then the error is shown: saying it retries must be true.
    expect(calls.length).toBe(3);
    expect(Date.now() - 1_000_000).toBeLessThanOrEqual(3_100);
    expect(describeError(observer.getCurrentResult().error).recoverable).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(observer.getCurrentResult().data).toBe('data');
    unsubscribe();
  });

  it('does not retry a 404', async () => {
    const { observer, calls, unsubscribe } = watch([http(404), 'ok']);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls.length).toBe(1);
    expect(observer.getCurrentResult().status).toBe('error');
    unsubscribe();
  });

  it('polls a 429 after Retry-After, again and again, not every 5 s', async () => {
    const { observer, calls, unsubscribe } = watch([http(429, 20_000), http(429, 20_000), 'ok']);
    await vi.advanceTimersByTimeAsync(100);
    // A 20 s wait is shown to the user rather than spent behind "loading".
    expect(calls.length).toBe(1);
    expect(observer.getCurrentResult().status).toBe('error');
    await vi.advanceTimersByTimeAsync(19_800);
    expect(calls.length).toBe(1);
    await vi.advanceTimersByTimeAsync(2_200);
    expect(calls.length).toBe(2);
    const second = calls[1] ?? 0;
    await vi.advanceTimersByTimeAsync(second + 19_900 - Date.now());
    expect(calls.length).toBe(2);
    await vi.advanceTimersByTimeAsync(second + 22_100 - Date.now());
    expect(calls.length).toBe(3);
    expect((calls[2] ?? 0) - second).toBeGreaterThanOrEqual(20_000);
    expect(observer.getCurrentResult().data).toBe('data');
    unsubscribe();
  });

  it('knows when the next attempt is scheduled, and that nothing is once no one watches', async () => {
    const { client, observer, calls, unsubscribe } = watch([
      new ApiError({ kind: 'unreachable', url: '/x', message: 'connection refused' }),
    ]);
    await vi.advanceTimersByTimeAsync(100);
    const { error, errorUpdatedAt } = observer.getCurrentResult();
    const at = scheduledRetryAt(client.getQueryCache(), error);
    expect(at).toBeGreaterThan(errorUpdatedAt);
    await vi.advanceTimersByTimeAsync((at ?? 0) - Date.now() + 10);
    expect(calls.length).toBe(2);
    unsubscribe();
    expect(scheduledRetryAt(client.getQueryCache(), observer.getCurrentResult().error)).toBeUndefined();
  });
});
