// The contract between `runlens serve` (server/, Node) and the app it serves (src/, browser):
// the paths the server answers, what its config endpoint says, the error codes its proxy sends,
// the parameters a signed embed link travels in, and the attributes the ready signal writes.
// Both tsconfigs include this folder; it holds only constants and types, so it runs anywhere.

/** Every request for the tracking server goes through the proxy under this path. */
export const PROXY_BASE = '/mlflow';
/** Runlens's own small config endpoint (RunlensPublicConfig as JSON). */
export const CONFIG_PATH = '/runlens/config.json';
/** What the tracking server is and can do, probed by `runlens serve` once (BackendInfo as JSON). */
export const BACKEND_PATH = '/runlens/backend.json';
/** public/runlens-embed.js: a portal's one script tag (docs/embed-protocol.md). */
export const EMBED_SCRIPT_PATH = '/runlens-embed.js';
/** Image links: `runlens serve --render` answers views as PNG or PDF here. */
export const RENDER_PREFIX = '/render/';

/** What the browser may know about the server: never credentials, only their kind. */
export interface RunlensPublicConfig {
  /** The tracking URI, without credentials. */
  trackingUri: string;
  auth: 'none' | 'bearer' | 'basic';
  runlensVersion: string;
  /** The portals that may frame Runlens (--frame-ancestors): the only origins an embed posts messages to. */
  frameAncestors: string[];
}

export type BackendKind = 'mlflow' | 'fasttrackml' | 'databricks' | 'mlflow-compatible';

/** How a run's artifact bytes are read on this backend. */
export type ArtifactDownloadRoute =
  /** MLflow's UI route /get-artifact (any artifact store the server can read). */
  | 'get-artifact'
  /** api/2.0/mlflow/artifacts/get (FastTrackML). */
  | 'artifacts-get'
  /** MLflow's artifact proxy, api/2.0/mlflow-artifacts/artifacts/<path> (gateways that pass only /api/2.0/*). */
  | 'mlflow-artifacts';

/**
 * The tracking server behind Runlens, found by asking its endpoints rather than by guessing:
 * what it is, and each capability the app uses. Features it lacks are hidden with a notice.
 */
export interface BackendInfo {
  kind: BackendKind;
  /** As shown in the header: "MLflow", "FastTrackML", "Databricks", "MLflow-compatible server". */
  name: string;
  version: string | null;
  artifactDownload: ArtifactDownloadRoute;
  /** MLflow 3's LoggedModels (logged-models/search). */
  loggedModels: boolean;
  /** The model registry (registered-models/search). */
  registry: boolean;
}

/**
 * The `error_code` of an answer made by Runlens itself rather than by the tracking server (its
 * body has MLflow's shape: `{ error_code, message }`), so the page can say whose fault it is.
 */
export const RUNLENS_ERROR_CODES = [
  'RUNLENS_UPSTREAM_UNREACHABLE',
  'RUNLENS_UPSTREAM_REDIRECT',
  'RUNLENS_UPSTREAM_TIMEOUT',
  'RUNLENS_PROXY_REFUSED',
  'RUNLENS_BAD_REQUEST',
  'RUNLENS_EMBED_REFUSED',
  'RUNLENS_RENDER_FAILED',
  'RUNLENS_INTERNAL_ERROR',
] as const;
export type RunlensErrorCode = (typeof RUNLENS_ERROR_CODES)[number];

/**
 * A signed embed link's scope and signature, as the page sends them with each proxied request
 * (query parameters, so <img src> and downloads carry them too). The proxy takes them off.
 */
export const EMBED_SCOPE_PARAM = 'runlens_scope';
export const EMBED_SIG_PARAM = 'runlens_sig';

/**
 * The ready signal, on <html>: `data-runlens-state` is "loading" or "ready", and once ready
 * `data-runlens-errors` counts the panels that failed (docs: README, Screenshots and reports).
 */
export const READY_STATE_ATTRIBUTE = 'data-runlens-state';
export const ERROR_COUNT_ATTRIBUTE = 'data-runlens-errors';
/** While loading: what the page still waits for (navigation, requests, drawing, fonts, settling). */
export const WAITING_ATTRIBUTE = 'data-runlens-waiting';

/**
 * The run table's first rows as `runlens serve` draws them into index.html (a still picture shown
 * before the app runs; docs/first-rows.md): the element's id, and the attribute the app sets on
 * <html> once its own table has taken their place (the stylesheet then hides any copy left).
 */
export const FIRST_ROWS_PREVIEW_ID = 'first-rows-preview';
export const FIRST_ROWS_DONE_ATTRIBUTE = 'data-first-rows';
