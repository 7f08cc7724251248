import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { RenderError } from './render-error.ts';
import { createRenderRoute, parseImageRequest, type RenderRouteDeps } from './render-route.ts';
import type { RenderOptions, Renderer } from './renderer.ts';

describe('parseImageRequest', () => {
  it('splits the view (path and its own parameters) from the image size', () => {
    expect(parseImageRequest('/render/compare.png?runs=a,b&width=800&height=600&scale=2&token=t&theme=dark')).toEqual({
      view: '/compare?runs=a%2Cb&theme=dark',
      width: 800,
      height: 600,
      scale: 2,
    });
    expect(parseImageRequest('/render/experiments/1/runs/r1/metrics.png')).toMatchObject({
      view: '/experiments/1/runs/r1/metrics',
      width: 1280,
      height: 800,
      scale: 1,
    });
    expect(parseImageRequest('/render/index.png').view).toBe('/');
  });

  it('refuses what is not a view image: other extensions, itself, the proxy, bad sizes', () => {
    expect(() => parseImageRequest('/render/compare.jpg')).toThrow(/\/render\/<view path>\.png/);
    expect(() => parseImageRequest('/render/render/compare.png')).toThrow(/not a Runlens view/);
    expect(() => parseImageRequest('/render/mlflow/ajax-api/2.0/mlflow/experiments/search.png')).toThrow(/not a Runlens view/);
    expect(() => parseImageRequest('/render/compare.png?width=99999')).toThrow(/width must be an integer between 16 and 4096/);
    expect(() => parseImageRequest('/render/compare.png?scale=abc')).toThrow(/scale/);
    expect(() => parseImageRequest('/render/compare.png?width=4096&height=4096&scale=2')).toThrow(/within 16,777,216 pixels/);
    expect(parseImageRequest('/render/compare.png?width=2048&height=2048&scale=2')).toMatchObject({ width: 2048, height: 2048, scale: 2 });
  });
});

/** A stand-in for Chromium: records what it was asked and answers as told. */
function fakeRenderer(answer: (url: string, options: RenderOptions) => Promise<Buffer>) {
  const calls: { url: string; options: RenderOptions }[] = [];
  const renderer: Renderer = {
    render: (url, options) => {
      calls.push({ url, options });
      return answer(url, options);
    },
    close: async () => undefined,
  };
  return { renderer, calls };
}

let server: http.Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

async function serveRoute(deps: Omit<RenderRouteDeps, 'ownOrigin'>): Promise<string> {
  const route = createRenderRoute({ ...deps, ownOrigin: () => 'http://127.0.0.1:5173' });
  server = http.createServer((req, res) => void route.handle(req, res));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

describe('the /render route', () => {
  it('renders the view from its own origin and answers image/png, cached per URL', async () => {
    const { renderer, calls } = fakeRenderer(async () => PNG);
    const base = await serveRoute({ token: undefined, openRenderer: async () => renderer });
    const first = await fetch(`${base}/render/experiments/1.png?width=800&height=600&searchFilter=x`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/png');
    expect(first.headers.get('cache-control')).toMatch(/max-age=30/);
    expect(Buffer.from(await first.arrayBuffer())).toEqual(PNG);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('http://127.0.0.1:5173/experiments/1?searchFilter=x');
    expect(calls[0]!.options).toMatchObject({ width: 800, height: 600, scale: 1, format: 'png' });
    const again = await fetch(`${base}/render/experiments/1.png?width=800&height=600&searchFilter=x`);
    expect(again.status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it('refuses a request without the right token with 403, before rendering anything', async () => {
    const { renderer, calls } = fakeRenderer(async () => PNG);
    const base = await serveRoute({ token: 's3cret', openRenderer: async () => renderer });
    expect((await fetch(`${base}/render/compare.png`)).status).toBe(403);
    expect((await fetch(`${base}/render/compare.png?token=wrong`)).status).toBe(403);
    expect(calls).toHaveLength(0);
    const ok = await fetch(`${base}/render/compare.png?token=s3cret`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toMatch(/^private/);
    expect(calls[0]!.url).toBe('http://127.0.0.1:5173/compare');
  });

  it('answers 503 at once when the queue is full, instead of a growing wait', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const { renderer } = fakeRenderer(async () => {
      await blocked;
      return PNG;
    });
    const base = await serveRoute({ token: undefined, openRenderer: async () => renderer, limits: { concurrency: 1, maxWaiting: 1 } });
    const running = fetch(`${base}/render/a.png`);
    const waiting = fetch(`${base}/render/b.png`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await fetch(`${base}/render/c.png`);
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { message: string }).message).toMatch(/too many renders/);
    release();
    expect((await running).status).toBe(200);
    expect((await waiting).status).toBe(200);
  });

  it("gives a render's failure as an HTTP error with its message: 504 for a timeout, 502 for the view's error", async () => {
    const { renderer } = fakeRenderer(async (url) => {
      throw url.includes('slow')
        ? new RenderError('timed out after 2 s waiting for the view to finish (still loading: "Loading runs…")', 'timeout')
        : new RenderError('the view shows an error: Experiment not found', 'page-error');
    });
    const base = await serveRoute({ token: undefined, openRenderer: async () => renderer });
    const slow = await fetch(`${base}/render/slow.png`);
    expect(slow.status).toBe(504);
    expect(((await slow.json()) as { message: string }).message).toMatch(/still loading: "Loading runs…"/);
    const bad = await fetch(`${base}/render/experiments/nope.png`);
    expect(bad.status).toBe(502);
    expect(((await bad.json()) as { message: string }).message).toBe('the view shows an error: Experiment not found');
  });

  it('says so when no Chromium can be started, and tries again on the next request', async () => {
    let attempts = 0;
    const base = await serveRoute({
      token: undefined,
      openRenderer: async () => {
        attempts += 1;
        throw new Error('no Chromium found: install it');
      },
    });
    const first = await fetch(`${base}/render/a.png`);
    expect(first.status).toBe(500);
    expect(((await first.json()) as { message: string }).message).toMatch(/no Chromium found/);
    await fetch(`${base}/render/a.png`);
    expect(attempts).toBe(2);
  });
});
