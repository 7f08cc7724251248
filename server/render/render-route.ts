// Image links (`runlens serve --render`): GET /render/<view path>.png?<view params>&width=&height=&scale=
// renders the app's own view, from this server's own origin, to a PNG an <img> in a wiki page or
// an email can show. One Chromium for all of them (opened on the first request), a bounded queue,
// a time limit per request counted from its arrival, and a short cache per URL so a page that
// shows the same image ten times renders it once. Every failure is an HTTP error with a message:
// a request is never left hanging.
import type http from 'node:http';
import { PROXY_PREFIX } from '../proxy-routes.ts';
import { BrowserNotFoundError } from './chromium.ts';
import { createRenderQueue, QueueFullError } from './render-queue.ts';
import { RenderError } from './render-error.ts';
import type { Renderer } from './renderer.ts';
import { tokenMatches } from './token.ts';
import { RENDER_PREFIX, type RunlensErrorCode } from '../../contract/runlens-http.ts';

export const RENDER_LIMITS = {
  concurrency: 2,
  maxWaiting: 20,
  /** From the request's arrival, queueing included. */
  timeoutMs: 30_000,
  cacheMs: 30_000,
  cacheEntries: 50,
};

/** 4096 × 4096: a 2× image of a 2048 × 2048 view, 64 MB of bitmap in Chromium. */
const MAX_IMAGE_PIXELS = 4096 * 4096;

/** The image's own parameters; every other parameter belongs to the view. */
const IMAGE_PARAMS = ['width', 'height', 'scale', 'token'] as const;

export interface ImageRequest {
  /** Path and query of the view, e.g. /compare?runs=a,b. */
  view: string;
  width: number;
  height: number;
  scale: number;
}

export class BadRenderRequest extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404,
  ) {
    super(message);
  }
}

export function parseImageRequest(requestUrl: string): ImageRequest {
  const url = new URL(requestUrl, 'http://runlens.invalid');
  if (!url.pathname.startsWith(RENDER_PREFIX) || !url.pathname.endsWith('.png')) {
    throw new BadRenderRequest('image links look like /render/<view path>.png?<view parameters>', 404);
  }
  const stripped = url.pathname.slice(RENDER_PREFIX.length - 1, -'.png'.length);
  const viewPath = stripped === '/' || stripped === '/index' ? '/' : stripped;
  // A view of an image link would render itself; the proxy's paths are data, not views.
  if (viewPath.startsWith(RENDER_PREFIX) || `${viewPath}/`.startsWith(PROXY_PREFIX)) {
    throw new BadRenderRequest(`${viewPath} is not a Runlens view`, 404);
  }
  const size = (name: string, fallback: number, min: number, max: number, integer: boolean) => {
    const raw = url.searchParams.get(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      throw new BadRenderRequest(`${name} must be ${integer ? 'an integer' : 'a number'} between ${min} and ${max}, got "${raw}"`, 400);
    }
    return value;
  };
  const image = {
    width: size('width', 1280, 16, 4096, true),
    height: size('height', 800, 16, 4096, true),
    scale: size('scale', 1, 0.25, 3, false),
  };
  // Anyone who can reach the server can ask: the image's memory in Chromium is bounded too.
  if (image.width * image.height * image.scale ** 2 > MAX_IMAGE_PIXELS) {
    throw new BadRenderRequest(`width × height × scale² must stay within ${MAX_IMAGE_PIXELS.toLocaleString('en-US')} pixels`, 400);
  }
  for (const name of IMAGE_PARAMS) url.searchParams.delete(name);
  const query = url.searchParams.toString();
  return { view: `${viewPath}${query ? `?${query}` : ''}`, ...image };
}

export interface RenderRouteDeps {
  token: string | undefined;
  /** This server's own origin as Chromium on this machine reaches it (http://127.0.0.1:<port>). */
  ownOrigin: () => string;
  openRenderer: () => Promise<Renderer>;
  limits?: Partial<typeof RENDER_LIMITS>;
}

export interface RenderRoute {
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  close(): Promise<void>;
}

export function createRenderRoute(deps: RenderRouteDeps): RenderRoute {
  const limits = { ...RENDER_LIMITS, ...deps.limits };
  const queue = createRenderQueue(limits);
  const cache = new Map<string, { png: Buffer; expires: number }>();
  const inFlight = new Map<string, Promise<Buffer>>();
  let renderer: Promise<Renderer> | undefined;

  const getRenderer = () => {
    renderer ??= deps.openRenderer().catch((err: unknown) => {
      // Not kept: the next request tries again (Chromium may have been installed meanwhile).
      renderer = undefined;
      throw err;
    });
    return renderer;
  };

  const render = (key: string, image: ImageRequest, arrived: number): Promise<Buffer> => {
    const running = inFlight.get(key);
    if (running) return running;
    const task = queue
      .run(async () => {
        const left = limits.timeoutMs - (Date.now() - arrived);
        if (left < 1_000) {
          throw new RenderError(`waited ${Math.round((Date.now() - arrived) / 1000)} s for a free renderer: try again shortly`, 'timeout');
        }
        return withDeadline(
          (async () =>
            (await getRenderer()).render(`${deps.ownOrigin()}${image.view}`, {
              width: image.width,
              height: image.height,
              scale: image.scale,
              fullPage: false,
              format: 'png',
              timeoutMs: left,
            }))(),
          // The renderer keeps its own limit; this one holds even if Chromium itself hangs.
          left + 5_000,
        );
      })
      .then((png) => {
        remember(cache, key, png, limits);
        return png;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, task);
    return task;
  };

  return {
    async handle(req, res) {
      const arrived = Date.now();
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendRenderError(res, 405, 'image links answer GET only');
      const url = new URL(req.url ?? '/', 'http://runlens.invalid');
      if (deps.token !== undefined && !tokenMatches(url.searchParams.get('token'), deps.token)) {
        return sendRenderError(res, 403, 'this image link needs a valid token= parameter');
      }
      let image: ImageRequest;
      try {
        image = parseImageRequest(req.url ?? '/');
      } catch (err) {
        if (err instanceof BadRenderRequest) return sendRenderError(res, err.status, err.message);
        throw err;
      }
      const key = `${image.view}|${image.width}x${image.height}@${image.scale}`;
      const cached = cache.get(key);
      try {
        const png = cached && cached.expires > Date.now() ? cached.png : await render(key, image, arrived);
        res.writeHead(200, {
          'content-type': 'image/png',
          'content-length': png.length,
          // With a token, only the browser that sent it may keep the image, not a shared cache.
          'cache-control': `${deps.token === undefined ? 'public' : 'private'}, max-age=${Math.round(limits.cacheMs / 1000)}`,
          // Unlike the app's own responses, made to be shown by other sites' pages.
          'cross-origin-resource-policy': 'cross-origin',
        });
        res.end(req.method === 'HEAD' ? undefined : png);
      } catch (err) {
        const [status, message] = describeFailure(err);
        sendRenderError(res, status, message, status === 503 ? { 'retry-after': '5' } : {});
      }
    },
    async close() {
      const open = renderer;
      renderer = undefined;
      if (open) await (await open.catch(() => undefined))?.close();
    },
  };
}

function describeFailure(err: unknown): [number, string] {
  if (err instanceof QueueFullError) return [503, err.message];
  if (err instanceof BrowserNotFoundError) return [503, `cannot render: ${err.message}`];
  if (err instanceof RenderError) return [err.kind === 'timeout' ? 504 : 502, err.message];
  const message = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
  return [500, `render failed: ${message}`];
}

function remember(cache: Map<string, { png: Buffer; expires: number }>, key: string, png: Buffer, limits: typeof RENDER_LIMITS): void {
  const now = Date.now();
  for (const [k, entry] of cache) if (entry.expires <= now) cache.delete(k);
  // Oldest first out (a Map iterates in insertion order), so the cache's memory stays bounded.
  while (cache.size >= limits.cacheEntries) cache.delete(cache.keys().next().value as string);
  cache.set(key, { png, expires: now + limits.cacheMs });
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RenderError(`the render did not finish within ${Math.round(ms / 1000)} s`, 'timeout')), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function sendRenderError(res: http.ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...extra });
  const errorCode: RunlensErrorCode = 'RUNLENS_RENDER_FAILED';
  res.end(JSON.stringify({ error_code: errorCode, message }));
}
