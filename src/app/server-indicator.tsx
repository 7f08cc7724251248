import { useQuery } from '@tanstack/react-query';
import { capabilitiesQueryOptions, runlensConfigQueryOptions } from '@/api/server-info.ts';

/** Which tracking server this page shows, and whether it answers. */
export function ServerIndicator() {
  const config = useQuery(runlensConfigQueryOptions());
  const capabilities = useQuery(capabilitiesQueryOptions());
  const uri = config.data?.trackingUri;
  const state = capabilities.isError ? 'down' : capabilities.isSuccess ? 'up' : 'unknown';
  const version = capabilities.data?.mlflowVersion;
  return (
    <p className="server-indicator" data-state={state}>
      <span className="server-indicator__dot" aria-hidden="true" />
      <span className="visually-hidden">Tracking server: </span>
      <span className="server-indicator__uri">{uri ?? '…'}</span>
      {state === 'up' ? <span className="muted">{version ? `MLflow ${version}` : 'MLflow-compatible'}</span> : null}
      {state === 'down' ? <span className="server-indicator__down">unreachable</span> : null}
    </p>
  );
}
