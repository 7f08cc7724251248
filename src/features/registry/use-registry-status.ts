import { useQuery } from '@tanstack/react-query';
import { backendQueryOptions } from '@/api/server-info.ts';

/**
 * Whether to ask the registry at all: `runlens serve` probed it (BackendInfo.registry). Until the
 * probe answers the pages wait; a failed probe says nothing, so the registry is asked and its
 * own answer decides (a missing endpoint reads as "no registry", src/api/registry.ts).
 */
export function useRegistryStatus(): 'pending' | 'absent' | 'present' {
  const backend = useQuery(backendQueryOptions());
  if (backend.isPending) return 'pending';
  return backend.data?.registry === false ? 'absent' : 'present';
}
