import type { QueryClient } from '@tanstack/react-query';
import { backendQueryOptions } from '@/api/server-info.ts';

/**
 * Whether a registry page's loader should prime its requests: not when `runlens serve` already
 * said the server has no registry (the page then shows a notice and asks nothing). Before the
 * probe's answer is in, the requests start anyway: a missing registry answers "none", not an error.
 */
export function registryMayExist(queryClient: QueryClient): boolean {
  return queryClient.getQueryData(backendQueryOptions().queryKey)?.registry !== false;
}
