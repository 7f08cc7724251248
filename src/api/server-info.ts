// What Runlens knows about the server it shows: the serve command's public config and the
// tracking server's capabilities, probed rather than assumed (docs/mlflow-wire.md, Version probing).
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { ApiError } from './api-error.ts';
import { requestJson, requestText } from './client.ts';
import { CONFIG_PATH, PROXY_BASE, type RunlensPublicConfig } from '../../contract/runlens-http.ts';

// Typed by the contract, so a field the server adds or renames fails the build here.
const configSchema: z.ZodMiniType<RunlensPublicConfig> = z.object({
  trackingUri: z.string(),
  auth: z.catch(z.enum(['none', 'bearer', 'basic']), 'none'),
  runlensVersion: z._default(z.string(), ''),
  /** Origins allowed to frame Runlens; an embed posts its messages to these only. */
  frameAncestors: z.catch(z._default(z.array(z.string()), []), []),
});
export type RunlensConfig = RunlensPublicConfig;

export interface ServerCapabilities {
  /** MLflow's version string, or null when the backend has no /version (FastTrackML, Databricks). */
  mlflowVersion: string | null;
}

export async function getRunlensConfig(signal?: AbortSignal): Promise<RunlensConfig> {
  return requestJson({ path: CONFIG_PATH, signal }, configSchema);
}

export async function probeCapabilities(signal?: AbortSignal): Promise<ServerCapabilities> {
  try {
    const text = (await requestText({ path: `${PROXY_BASE}/version`, signal })).trim();
    // Some proxies answer every path with an HTML page; only a version-looking body counts.
    return { mlflowVersion: /^[\w.+-]{1,40}$/.test(text) ? text : null };
  } catch (err) {
    if (err instanceof ApiError && err.kind === 'http' && err.status === 404) return { mlflowVersion: null };
    throw err;
  }
}

export const serverKeys = {
  config: ['server', 'config'] as const,
  capabilities: ['server', 'capabilities'] as const,
};

export function runlensConfigQueryOptions() {
  return queryOptions({
    queryKey: serverKeys.config,
    queryFn: ({ signal }) => getRunlensConfig(signal),
    // Fixed for the life of the serve process.
    staleTime: Infinity,
  });
}

export function capabilitiesQueryOptions() {
  return queryOptions({
    queryKey: serverKeys.capabilities,
    queryFn: ({ signal }) => probeCapabilities(signal),
    // A server is rarely upgraded under a running page; re-probe on reload.
    staleTime: Infinity,
  });
}
