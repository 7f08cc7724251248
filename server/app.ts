// Runlens's HTTP server: the production build, a small config endpoint and the proxy.
import http from 'node:http';
import sirv from 'sirv';
import { displayTrackingUri, type ServeOptions } from './options.ts';
import { handleProxy, sendError } from './proxy.ts';
import { PROXY_PREFIX } from './proxy-routes.ts';
import { isHostAllowed, securityHeaders } from './security.ts';

export const CONFIG_PATH = '/runlens/config.json';

/** What the browser may know about the server: never credentials, only their kind. */
export interface RunlensPublicConfig {
  trackingUri: string;
  auth: 'none' | 'bearer' | 'basic';
  runlensVersion: string;
}

export function publicConfig(options: ServeOptions, runlensVersion: string): RunlensPublicConfig {
  return { trackingUri: displayTrackingUri(options.trackingUri), auth: options.auth.kind, runlensVersion };
}

export function createRunlensServer(options: ServeOptions, staticDir: string, runlensVersion: string): http.Server {
  const headers = securityHeaders(options.frameAncestors);
  const serveStatic = sirv(staticDir, {
    single: true,
    etag: true,
    gzip: false,
    setHeaders(res, pathname) {
      // Hashed build assets never change; index.html must be revalidated to pick up new builds.
      res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const config = JSON.stringify(publicConfig(options, runlensVersion));

  return http.createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (!isHostAllowed(req.headers.host, options.allowedHosts)) {
      sendError(res, 403, 'RUNLENS_PROXY_REFUSED', 'Invalid Host header (add it with --allowed-hosts)');
      return;
    }
    const url = req.url ?? '/';
    if (url.startsWith(PROXY_PREFIX)) {
      void handleProxy(options, req, res);
      return;
    }
    if (url === CONFIG_PATH) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(config);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'RUNLENS_PROXY_REFUSED', 'method not allowed');
      return;
    }
    // Client-side routes get index.html. sirv's SPA fallback skips paths that look like files,
    // and an artifact path (…/artifacts/cv_results.csv) does.
    if (url.startsWith('/experiments/')) req.url = '/';
    serveStatic(req, res, () => sendError(res, 404, 'RUNLENS_PROXY_REFUSED', 'not found'));
  });
}
