// Runlens's HTTP server: the production build, a small config endpoint and the proxy.
import http from 'node:http';
import { BACKEND_PATH, CONFIG_PATH, EMBED_SCRIPT_PATH, RENDER_PREFIX, type RunlensPublicConfig } from '../contract/runlens-http.ts';
import { createBackendInfo, serveBackendInfo } from './backend/backend-probe.ts';
import { acceptableEncodings } from './compression.ts';
import sirv from 'sirv';
import { displayTrackingUri, type ServeOptions } from './options.ts';
import { verifyScope } from './embed/embed-scope.ts';
import { handleProxy, sendError } from './proxy.ts';
import { PROXY_PREFIX } from './proxy-routes.ts';
import { createPrefetchCache } from './prefetch/prefetch-cache.ts';
import { prefetchRunTable } from './prefetch/run-table-prefetch.ts';
import { FIRST_ROWS_MAX_BYTES, loadIndexParts, sendIndexWithFirstRows } from './prefetch/index-with-first-rows.ts';
import { createRenderRoute, type RenderRoute } from './render/render-route.ts';
import { isHostAllowed, securityHeaders } from './security.ts';

export function publicConfig(options: ServeOptions, runlensVersion: string): RunlensPublicConfig {
  return {
    trackingUri: displayTrackingUri(options.trackingUri),
    auth: options.auth.kind,
    runlensVersion,
    frameAncestors: options.frameAncestors,
  };
}

export function createRunlensServer(options: ServeOptions, staticDir: string, runlensVersion: string): http.Server {
  const headers = securityHeaders(options.frameAncestors);
  const serveStatic = sirv(staticDir, {
    single: true,
    etag: true,
    // `npm run build` writes .br and .gz siblings (scripts/precompress.ts); without them (a bare
    // `vite build`) the files are sent as they are.
    brotli: true,
    gzip: true,
    setHeaders(res, pathname) {
      // The portal script is loaded by other origins' pages (a portal's <script src>), which
      // the same-origin resource policy of everything else would block.
      if (pathname === EMBED_SCRIPT_PATH) res.setHeader('cross-origin-resource-policy', 'cross-origin');
      // Hashed build assets never change; index.html must be revalidated to pick up new builds.
      res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const config = JSON.stringify(publicConfig(options, runlensVersion));
  const backend = createBackendInfo(options);
  let renderRoute: RenderRoute | undefined;
  // The run table's first page, asked for at navigation (docs/first-rows.md).
  const prefetched = createPrefetchCache();
  // index.html cut where the server draws those first rows (undefined without a build).
  const indexParts = loadIndexParts(staticDir);

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> | void => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (!isHostAllowed(req.headers.host, options.allowedHosts)) {
      sendError(res, 403, 'RUNLENS_PROXY_REFUSED', 'Invalid Host header (add it with --allowed-hosts)');
      return;
    }
    const url = req.url ?? '/';
    if (url.startsWith(PROXY_PREFIX)) {
      return handleProxy(options, req, res, prefetched);
    }
    if (renderRoute && url.startsWith(RENDER_PREFIX)) {
      return renderRoute.handle(req, res);
    }
    if (url === CONFIG_PATH) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(config);
      return;
    }
    if (url === BACKEND_PATH) return serveBackendInfo(backend, options, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'RUNLENS_PROXY_REFUSED', 'method not allowed');
      return;
    }
    const unsigned = refusedUnsignedFrame(options, req);
    if (unsigned !== undefined) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(unsigned);
      return;
    }
    // Client-side routes get index.html. sirv's SPA fallback skips paths that look like files,
    // and an artifact path (…/artifacts/cv_results.csv) does.
    if (url.startsWith('/experiments/')) {
      // The page's first rows no longer wait for its code: its first request is on its way now,
      // and the server draws its answer into the page as soon as it is in.
      const key = prefetchRunTable(options, prefetched, req);
      if (key !== undefined && indexParts) {
        const timeZone = new URL(url, 'http://runlens.invalid').searchParams.get('tz') ?? undefined;
        return sendIndexWithFirstRows(res, indexParts, prefetched.peek(key, FIRST_ROWS_MAX_BYTES), timeZone);
      }
      req.url = '/';
    }
    // sirv picks a precompressed sibling by substring ("br" anywhere, even "br;q=0"): it is told
    // the codings the browser really accepts. A Range names bytes of the file itself.
    req.headers['accept-encoding'] = req.headers.range ? '' : acceptableEncodings(req.headers['accept-encoding']).join(', ');
    serveStatic(req, res, () => sendError(res, 404, 'RUNLENS_PROXY_REFUSED', 'not found'));
  };

  const server = http.createServer((req, res) => {
    // A request that fails ends that request only: answer 500 if nothing was sent yet, log it,
    // and keep serving everyone else.
    const fail = (err: unknown) => {
      logRequestError(req, err);
      sendError(res, 500, 'RUNLENS_INTERNAL_ERROR', 'Runlens failed to handle this request (see its log)');
    };
    try {
      Promise.resolve(handle(req, res)).catch(fail);
    } catch (err) {
      fail(err);
    }
  });
  server.on('close', () => prefetched.clear());
  if (options.render) {
    renderRoute = createRenderRoute({
      token: options.render.token,
      ownOrigin: () => ownOrigin(server, options.host),
      // Playwright is loaded with the first image link, not with every `runlens serve`.
      openRenderer: async () => (await import('./render/renderer.ts')).openRenderer({ browserPath: options.render?.browserPath }),
    });
    const route = renderRoute;
    server.on('close', () => void route.close());
  }
  // Malformed requests and sockets reset mid-request: drop that connection, never the server.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code !== 'ECONNRESET' && socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    socket.destroy();
  });
  return server;
}

/** Where Chromium on this machine reaches this server: its bound address, loopback for "any". */
function ownOrigin(server: http.Server, host: string): string {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

export function logRequestError(req: http.IncomingMessage, err: unknown): void {
  const what = err instanceof Error ? (err.stack ?? err.message) : String(err);
  console.error(`runlens: ${req.method ?? '?'} ${(req.url ?? '').slice(0, 200)} failed: ${what}`);
}

/**
 * With --require-signed-embeds, a page loaded into another site's frame must be a signed link
 * (`runlens sign`): the browser says a navigation is for a frame (Sec-Fetch-Dest) and whether
 * the framing page is Runlens's own (Sec-Fetch-Site). Returns why it is refused, if it is.
 */
function refusedUnsignedFrame(options: ServeOptions, req: http.IncomingMessage): string | undefined {
  if (!options.embed?.requireSigned) return undefined;
  const dest = req.headers['sec-fetch-dest'];
  if (dest !== 'iframe' && dest !== 'frame' && dest !== 'embed' && dest !== 'object') return undefined;
  if (req.headers['sec-fetch-site'] === 'same-origin') return undefined;
  const params = new URL(req.url ?? '/', 'http://runlens.invalid').searchParams;
  const check = verifyScope(params.get('scope'), params.get('sig'), options.embed.secret);
  return check.ok ? undefined : `Runlens shows only signed embed links in another site's frame (--require-signed-embeds). ${check.message}`;
}
