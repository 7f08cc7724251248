// What Runlens knows about the server it shows: the serve command's public config and the
// tracking server's kind and capabilities, probed by the server rather than assumed
// (docs/backends.md).
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { requestJson } from './client.ts';
import { BACKEND_PATH, CONFIG_PATH, type BackendInfo, type RunlensPublicConfig } from '../../contract/runlens-http.ts';

// Typed by the contract, so a field the server adds or renames fails the build here.
const configSchema: z.ZodMiniType<RunlensPublicConfig> = z.object({
  trackingUri: z.string(),
  auth: z.catch(z.enum(['none', 'bearer', 'basic']), 'none'),
  runlensVersion: z._default(z.string(), ''),
  /** Origins allowed to frame Runlens; an embed posts its messages to these only. */
  frameAncestors: z.catch(z._default(z.array(z.string()), []), []),
});
export type RunlensConfig = RunlensPublicConfig;

export async function getRunlensConfig(signal?: AbortSignal): Promise<RunlensConfig> {
  return requestJson({ path: CONFIG_PATH, signal }, configSchema);
}

// Typed by the contract; an unknown kind or route from a newer server reads as the safest one.
const backendSchema: z.ZodMiniType<BackendInfo> = z.object({
  kind: z.catch(z.enum(['mlflow', 'fasttrackml', 'databricks', 'mlflow-compatible']), 'mlflow-compatible'),
  name: z.string(),
  version: z.catch(z.nullable(z.string()), null),
  artifactDownload: z.catch(z.enum(['get-artifact', 'artifacts-get', 'mlflow-artifacts']), 'get-artifact'),
  loggedModels: z.catch(z.boolean(), true),
  registry: z.catch(z.boolean(), true),
});

/** What the tracking server is and can do, as `runlens serve` probed it (server/backend/). */
export async function getBackendInfo(signal?: AbortSignal): Promise<BackendInfo> {
  return requestJson({ path: BACKEND_PATH, signal }, backendSchema);
}

export const serverKeys = {
  config: ['server', 'config'] as const,
  backend: ['server', 'backend'] as const,
};

export function runlensConfigQueryOptions() {
  return queryOptions({
    queryKey: serverKeys.config,
    queryFn: ({ signal }) => getRunlensConfig(signal),
    // Fixed for the life of the serve process.
    staleTime: Infinity,
  });
}

export function backendQueryOptions() {
  return queryOptions({
    queryKey: serverKeys.backend,
    queryFn: ({ signal }) => getBackendInfo(signal),
    // A server is rarely upgraded under a running page; a reload asks again.
    staleTime: Infinity,
  });
}
