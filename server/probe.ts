// Start-up check of the tracking server, printed by `runlens serve`. It never stops the
// server from starting: the app shows the same problem and recovers when the server comes up.
import type { BackendInfo } from '../contract/runlens-http.ts';
import { probeBackend } from './backend/backend-probe.ts';
import { displayTrackingUri, type ServeOptions } from './options.ts';
import { describeConnectionError, requestUpstream } from './upstream.ts';

export type ProbeResult = { ok: true; backend: BackendInfo } | { ok: false; problem: string; hint?: string };

export async function probeTrackingServer(options: ServeOptions): Promise<ProbeResult> {
  const uri = displayTrackingUri(options.trackingUri);
  try {
    // A real API call finds credential and host problems (MLflow exempts /version from them).
    const search = await readText(options, '/api/2.0/mlflow/experiments/search?max_results=1');
    if (search.status === 401) {
      return {
        ok: false,
        problem: `${uri} answered 401 Unauthorized`,
        hint: 'set MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD',
      };
    }
    if (search.status === 403) {
      return {
        ok: false,
        problem: `${uri} answered 403 Forbidden: ${search.body.slice(0, 200)}`,
        hint: /host header/i.test(search.body)
          ? `MLflow >= 3.5 refuses the Host "${options.trackingUri.host}": start it with --allowed-hosts including it`
          : 'check the credentials and the permissions of this user',
      };
    }
    if (search.status >= 400) {
      return { ok: false, problem: `${uri} answered ${search.status} to experiments/search: ${search.body.slice(0, 200)}` };
    }
    return { ok: true, backend: await probeBackend(options) };
  } catch (err) {
    return { ok: false, problem: `cannot reach ${uri}: ${describeConnectionError(err)}` };
  }
}

async function readText(options: ServeOptions, path: string): Promise<{ status: number; body: string }> {
  const res = await requestUpstream(options, { method: 'GET', path, headers: { accept: 'application/json' } });
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') };
}
