// The cache policy, in one place. Any query that deviates says why beside its option.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/api/api-error.ts';
import { quietRetryDelayMs, recoveryPollInterval, shouldRetryQuietly } from '@/api/retry-policy.ts';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Tracking data changes while runs log; 30 s avoids refetch storms when moving between
        // pages without showing data much older than MLflow's own 30 s auto-refresh.
        staleTime: 30_000,
        // A refetch of a 10,000-run table on every alt-tab costs more than it helps.
        refetchOnWindowFocus: false,
        // Which failures are tried again and how soon is src/api/retry-policy.ts, which the error
        // message reads too. A short hiccup (5xx, 429 with a short Retry-After, a body cut off)
        // is retried behind "loading"; an unreachable server is shown at once, not hidden.
        retry: shouldRetryQuietly,
        retryDelay: (attempt, error) => quietRetryDelayMs(attempt, error),
        // Then the page recovers by itself when the cause clears: polled with capped backoff,
        // or as the server's Retry-After asks.
        refetchInterval: recoveryPollInterval,
      },
    },
  });
}
