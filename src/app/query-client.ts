// The cache policy, in one place. Any query that deviates says why beside its option.
import { QueryClient, type Query } from '@tanstack/react-query';
import { ApiError } from '@/api/api-error.ts';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

/** How often a failed query whose cause can clear by itself (server down, 503) is retried. */
export const RECOVERY_POLL_MS = 5_000;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Tracking data changes while runs log; 30 s avoids refetch storms when moving between
        // pages without showing data much older than MLflow's own 30 s auto-refresh.
        staleTime: 30_000,
        // A refetch of a 10,000-run table on every alt-tab costs more than it helps.
        refetchOnWindowFocus: false,
        // Retry only what a retry can fix (429/503, honouring Retry-After). An unreachable server
        // is shown at once and then polled (below) rather than hidden behind retries.
        retry: (failureCount, error) => error instanceof ApiError && error.isTransient && failureCount < 4,
        retryDelay: (attempt, error) =>
          error instanceof ApiError && error.retryAfterMs !== undefined
            ? Math.min(error.retryAfterMs, 60_000)
            : Math.min(1000 * 2 ** attempt, 15_000) * (0.75 + Math.random() * 0.5),
        // The page recovers by itself when the tracking server comes back.
        refetchInterval: (query: Query) =>
          query.state.status === 'error' && query.state.error instanceof ApiError && query.state.error.isRecoverable
            ? RECOVERY_POLL_MS
            : false,
      },
    },
  });
}
