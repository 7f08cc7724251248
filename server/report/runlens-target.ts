// The Runlens a report's views are rendered from: one already running (--url), or one served on a
// free loopback port for the tracking server (--tracking-uri) and stopped when the report is done.
// Either way the title page's tracking server and version are what that Runlens itself reports.
import * as z from 'zod/mini';
import { CONFIG_PATH } from '../../contract/runlens-http.ts';
import { createRunlensServer } from '../app.ts';
import { resolveServeOptions } from '../options.ts';
import { OptionsError } from '../options-error.ts';
import { probeTrackingServer } from '../probe.ts';
import { type AppBuild, listenOnLoopback } from '../render/shot.ts';

export interface RunlensTarget {
  /** With a trailing slash; a path prefix (reverse proxy) is kept. */
  baseUrl: string;
  trackingServer: string;
  version: string;
  close(): Promise<void>;
}

export class TargetError extends Error {}

const CONFIG_TIMEOUT_MS = 15_000;

const configSchema = z.object({ trackingUri: z.string(), runlensVersion: z.string() });

export async function connectRunlens(
  where: { url: string | undefined; trackingUri: string | undefined },
  app: () => AppBuild,
): Promise<RunlensTarget> {
  if (where.url) {
    const baseUrl = withTrailingSlash(where.url);
    const config = await readConfig(baseUrl);
    // The views show what that Runlens proxies; a spec written for another server is worth a word.
    if (where.trackingUri && sameUrl(where.trackingUri, config.trackingUri) === false) {
      console.warn(`runlens report: the spec's tracking_uri ${where.trackingUri} is not used: ${baseUrl} shows ${config.trackingUri}`);
    }
    return { baseUrl, trackingServer: config.trackingUri, version: config.runlensVersion, close: async () => undefined };
  }
  return serveRunlens(where.trackingUri, app);
}

function sameUrl(a: string, b: string): boolean | undefined {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return undefined;
  }
}

function withTrailingSlash(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TargetError(`--url must be the http(s) address of a running Runlens, got "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TargetError(`--url must be an http(s) address, got "${url}"`);
  parsed.search = '';
  parsed.hash = '';
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

async function readConfig(baseUrl: string): Promise<z.infer<typeof configSchema>> {
  const url = new URL(CONFIG_PATH.slice(1), baseUrl);
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(CONFIG_TIMEOUT_MS) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new TargetError(`cannot reach Runlens at ${baseUrl}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
  const parsed = configSchema.safeParse(res.ok ? await res.json().catch(() => undefined) : undefined);
  if (!parsed.success) throw new TargetError(`${baseUrl} does not look like Runlens (${url.pathname} answered ${res.status})`);
  return parsed.data;
}

async function serveRunlens(trackingUri: string | undefined, app: () => AppBuild): Promise<RunlensTarget> {
  let options;
  try {
    options = resolveServeOptions({ trackingUri, host: '127.0.0.1', port: '0' }, process.env);
  } catch (err) {
    if (err instanceof OptionsError) throw new TargetError(err.message);
    throw err;
  }
  // Unlike `serve`, a report cannot wait for the tracking server to come up: say so at once.
  const probe = await probeTrackingServer(options);
  if (!probe.ok) throw new TargetError(probe.hint ? `${probe.problem} (${probe.hint})` : probe.problem);
  let build: AppBuild;
  try {
    build = app();
  } catch (err) {
    if (err instanceof OptionsError) throw new TargetError(err.message);
    throw err;
  }
  const server = createRunlensServer(options, build.staticDir, build.version);
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  try {
    const baseUrl = `${await listenOnLoopback(server)}/`;
    const config = await readConfig(baseUrl);
    return { baseUrl, trackingServer: config.trackingUri, version: config.runlensVersion, close };
  } catch (err) {
    await close();
    throw err;
  }
}
