// Resolves the serve command's configuration from CLI flags and the environment.
// It follows the mlflow client's conventions (MLFLOW_TRACKING_URI, MLFLOW_TRACKING_TOKEN,
// MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD) so an existing setup works unchanged.

import { validateEmbedSecret } from './embed/embed-scope.ts';
import { resolveDatabricks, resolveTls, type TlsSettings } from './client-settings.ts';
import { OptionsError } from './options-error.ts';

export type UpstreamAuth = { kind: 'none' } | { kind: 'bearer'; token: string } | { kind: 'basic'; username: string; password: string };

export interface ServeOptions {
  /** Tracking server base URL without credentials, query or fragment; path kept (reverse-proxy prefixes). */
  trackingUri: URL;
  auth: UpstreamAuth;
  /** How the tracking server's certificate is checked (https only). */
  tls: TlsSettings;
  /** What the user said the server is, where the URI says it (MLFLOW_TRACKING_URI=databricks). */
  declaredKind?: 'databricks';
  host: string;
  port: number;
  /** Host names this server answers to (DNS-rebinding guard): names, `*` wildcards, CIDR ranges. */
  allowedHosts: string[];
  /** Origins allowed to frame Runlens (CSP frame-ancestors), besides Runlens itself. */
  frameAncestors: string[];
  /** How long the tracking server may stay silent on one request before Runlens gives up. */
  upstreamTimeoutMs: number;
  /** Image links (GET /render/<view>.png), off unless asked for; a token, when set, is required. */
  render?: { token: string | undefined; browserPath?: string | undefined };
  /** Signed embed links (server/embed/): the secret that checks them, and whether framed pages must carry one. */
  embed?: { secret: string; requireSigned: boolean };
}

export interface RawServeInput {
  trackingUri?: string | undefined;
  host?: string | undefined;
  port?: string | undefined;
  allowedHosts?: string | undefined;
  frameAncestors?: string | undefined;
  upstreamTimeout?: string | undefined;
  render?: boolean | undefined;
  renderToken?: string | undefined;
  browser?: string | undefined;
  embedSecret?: string | undefined;
  requireSignedEmbeds?: boolean | undefined;
}

export const DEFAULT_TRACKING_URI = 'http://127.0.0.1:5000';
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 5173;
/** Seconds; generous because /get-artifact reads the whole file server-side before answering. */
export const DEFAULT_UPSTREAM_TIMEOUT_S = 60;

// MLflow's own --allowed-hosts defaults (loopback and private ranges, any port), written as IP
// ranges that only IP literals match (security.ts says why text patterns are not enough).
const DEFAULT_ALLOWED_HOSTS = ['localhost', '127.0.0.0/8', '::1/128', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

export function resolveServeOptions(flags: RawServeInput, env: Record<string, string | undefined>): ServeOptions {
  const rawUri = flags.trackingUri ?? env.MLFLOW_TRACKING_URI ?? DEFAULT_TRACKING_URI;
  const databricks = resolveDatabricks(rawUri, env);
  const { uri, userInfo } = parseTrackingUri(databricks?.host ?? rawUri);
  const host = flags.host ?? env.RUNLENS_HOST ?? DEFAULT_HOST;
  const port = parsePort(flags.port ?? env.RUNLENS_PORT ?? String(DEFAULT_PORT));
  const extraHosts = splitList(flags.allowedHosts ?? env.RUNLENS_ALLOWED_HOSTS);
  const boundHost = host === '0.0.0.0' || host === '::' ? [] : [host.includes(':') ? `[${host}]` : host];
  return {
    trackingUri: uri,
    auth: databricks?.auth ?? resolveAuth(env, userInfo),
    tls: resolveTls(env),
    ...(databricks ? { declaredKind: 'databricks' as const } : {}),
    host,
    port,
    allowedHosts: [...new Set([...DEFAULT_ALLOWED_HOSTS, ...boundHost, ...extraHosts])],
    frameAncestors: splitList(flags.frameAncestors ?? env.RUNLENS_FRAME_ANCESTORS).map(validateOrigin),
    upstreamTimeoutMs: parseTimeout(flags.upstreamTimeout ?? env.RUNLENS_UPSTREAM_TIMEOUT ?? String(DEFAULT_UPSTREAM_TIMEOUT_S)),
    ...resolveRender(flags, env),
    ...resolveEmbed(flags, env),
  };
}

function resolveEmbed(flags: RawServeInput, env: Record<string, string | undefined>): Pick<ServeOptions, 'embed'> {
  const secret = flags.embedSecret ?? (env.RUNLENS_EMBED_SECRET || undefined);
  if (secret === undefined) {
    if (flags.requireSignedEmbeds)
      throw new OptionsError('--require-signed-embeds checks signed links: give --embed-secret (or RUNLENS_EMBED_SECRET) too');
    return {};
  }
  return { embed: { secret: validateEmbedSecret(secret), requireSigned: flags.requireSignedEmbeds ?? false } };
}

function resolveRender(flags: RawServeInput, env: Record<string, string | undefined>): Pick<ServeOptions, 'render'> {
  if (!flags.render) {
    if (flags.renderToken !== undefined) throw new OptionsError('--render-token protects image links: add --render to serve them');
    return {};
  }
  const token = flags.renderToken ?? (env.RUNLENS_RENDER_TOKEN || undefined);
  if (token !== undefined && token.length < 6) {
    throw new OptionsError('--render-token must be at least 6 characters (it is all that guards the image links)');
  }
  return { render: { token, browserPath: flags.browser } };
}

function parseTrackingUri(raw: string): { uri: URL; userInfo?: { username: string; password: string } } {
  let uri: URL;
  try {
    uri = new URL(raw);
  } catch {
    throw new OptionsError(`--tracking-uri must be an http(s) URL, got "${raw}"`);
  }
  if (uri.protocol !== 'http:' && uri.protocol !== 'https:') {
    throw new OptionsError(
      `--tracking-uri must be an http(s) URL of a tracking server, got "${raw}" (file stores: run \`mlflow server --backend-store-uri <path>\` and point Runlens at it)`,
    );
  }
  const userInfo = uri.username ? { username: decodeURIComponent(uri.username), password: decodeURIComponent(uri.password) } : undefined;
  uri.username = '';
  uri.password = '';
  uri.search = '';
  uri.hash = '';
  if (!uri.pathname.endsWith('/')) uri.pathname += '/';
  return userInfo ? { uri, userInfo } : { uri };
}

function resolveAuth(env: Record<string, string | undefined>, userInfo?: { username: string; password: string }): UpstreamAuth {
  // Precedence as in the mlflow client: a token wins over basic credentials.
  if (env.MLFLOW_TRACKING_TOKEN) return { kind: 'bearer', token: env.MLFLOW_TRACKING_TOKEN };
  if (env.MLFLOW_TRACKING_USERNAME || env.MLFLOW_TRACKING_PASSWORD) {
    return {
      kind: 'basic',
      username: env.MLFLOW_TRACKING_USERNAME ?? '',
      password: env.MLFLOW_TRACKING_PASSWORD ?? '',
    };
  }
  if (userInfo) return { kind: 'basic', ...userInfo };
  return { kind: 'none' };
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new OptionsError(`--port must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

function parseTimeout(raw: string): number {
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new OptionsError(`--upstream-timeout must be a number of seconds between 0 and 3600, got "${raw}"`);
  }
  return Math.round(seconds * 1000);
}

function splitList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function validateOrigin(origin: string): string {
  if (!/^https?:\/\/[^\s/;,'"]+$/.test(origin)) {
    throw new OptionsError(`--frame-ancestors takes origins like https://portal.example.com, got "${origin}"`);
  }
  return origin;
}

/** The tracking URI as shown to users and the browser: never carries credentials. */
export function displayTrackingUri(uri: URL): string {
  const shown = uri.toString();
  return shown.endsWith('/') && uri.pathname === '/' ? shown.slice(0, -1) : shown;
}
