import { useQuery } from '@tanstack/react-query';
import { backendQueryOptions, runlensConfigQueryOptions } from '@/api/server-info.ts';

/** Which tracking server this page shows, and whether it answers. */
export function ServerIndicator() {
  const config = useQuery(runlensConfigQueryOptions());
  const backend = useQuery(backendQueryOptions());
  const uri = config.data?.trackingUri;
  const state = backend.isError ? 'down' : backend.isSuccess ? 'up' : 'unknown';
  const name = backend.data ? [backend.data.name, backend.data.version].filter(Boolean).join(' ') : undefined;
  return (
    <p className="server-indicator" data-state={state}>
      <span className="server-indicator__dot" aria-hidden="true" />
      <span className="visually-hidden">Tracking server: </span>
      <span className="server-indicator__uri">{uri ?? '…'}</span>
      {state === 'up' ? <span className="muted server-indicator__backend">{name}</span> : null}
      {state === 'down' ? <span className="server-indicator__down">unreachable</span> : null}
    </p>
  );
}
