// The run table's first page, asked for by `runlens serve` at navigation (docs/first-rows.md): a
// real Runlens server in front of a local upstream that counts what reaches it, driven with
// node:http as a browser would (navigation headers, then the page's same-origin POST).
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EMBED_SCOPE_PARAM, EMBED_SIG_PARAM } from '../../contract/runlens-http.ts';
import { createRunlensServer } from '../app.ts';
import { signScope } from '../embed/embed-scope.ts';
import { resolveServeOptions } from '../options.ts';
import { decodedBody, listen, rawRequest, type RawAnswer, type RawRequest } from '../testing/raw-http.ts';
import { firstPageRequest } from './run-table-prefetch.ts';

const SECRET = 'a-test-embed-secret-of-32-bytes-or-more!';

/** A first page as MLflow writes it (pretty-printed), a few KB. */
const page = (n: number) =>
  Buffer.from(
    JSON.stringify(
      { runs: Array.from({ length: 20 }, (_, i) => ({ info: { run_id: `r${n}-${i}`, experiment_id: '1', status: 'FINISHED' } })) },
      null,
      2,
    ),
  );

type Behaviour = 'ok' | '500' | 'hang' | 'cut' | 'slow';

interface Seen {
  body: string;
  headers: http.IncomingHttpHeaders;
  closed: boolean;
}

let upstream: http.Server;
let runlens: http.Server;
let strict: http.Server;
let runlensPort = 0;
let strictPort = 0;
/** runs/search requests the upstream received, in order. */
let seen: Seen[] = [];
/** How the upstream answers the next runs/search requests, one behaviour each; then 'ok'. */
let script: Behaviour[] = [];
/** Releases the upstream's held answers. */
const release: (() => void)[] = [];

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (!req.url?.startsWith('/api/2.0/mlflow/runs/search')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"runs":[]}');
      }
      const entry: Seen = { body: Buffer.concat(chunks).toString(), headers: req.headers, closed: false };
      seen.push(entry);
      res.on('close', () => (entry.closed = !res.writableFinished));
      const body = page(seen.length);
      const answer = () => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
        res.end(body);
      };
      switch (script.shift() ?? 'ok') {
        case 'ok':
          return answer();
        case '500':
          res.writeHead(500, { 'content-type': 'application/json' });
          return void res.end('{"error_code":"INTERNAL_ERROR","message":"boom"}');
        case 'hang':
          return;
        case 'slow':
          return void release.push(answer);
        case 'cut':
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
          res.write(body.subarray(0, 100), () => setTimeout(() => res.socket?.destroy(), 10));
          return;
      }
    });
  });
  const upstreamPort = await listen(upstream);
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'runlens-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Runlens</title>');
  const trackingUri = `http://127.0.0.1:${upstreamPort}`;
  // A short upstream timeout, so a hung upstream shows its 504 within a test.
  const env = { RUNLENS_UPSTREAM_TIMEOUT: '1' };
  runlens = createRunlensServer(resolveServeOptions({ trackingUri, port: '0', embedSecret: SECRET }, env), staticDir, 'test');
  runlensPort = await listen(runlens);
  strict = createRunlensServer(
    resolveServeOptions({ trackingUri, port: '0', embedSecret: SECRET, requireSignedEmbeds: true }, env),
    staticDir,
    'test',
  );
  strictPort = await listen(strict);
});

afterEach(async () => {
  for (const answer of release.splice(0)) answer();
  script = [];
  // Entries left by a test expire; wait for none to be in flight before the next test counts.
  await new Promise((resolve) => setTimeout(resolve, 50));
  seen = [];
});

afterAll(() => {
  for (const server of [runlens, strict, upstream]) {
    server.closeAllConnections();
    server.close();
  }
});

type Answer = RawAnswer;

const request = (target: string, options: RawRequest & { port?: number } = {}): Promise<Answer> =>
  rawRequest(options.port ?? runlensPort, target, options);

const NAVIGATION = { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', 'sec-fetch-site': 'none', 'accept-encoding': 'gzip, br' };

const navigate = (href: string, headers: Record<string, string> = NAVIGATION, port = runlensPort) => request(href, { headers, port });

/** The page's first runs/search, as its fetch sends it (src/api/client.ts), for the page at `href`. */
function pageRequest(href: string, options: { port?: number; headers?: Record<string, string>; query?: string } = {}): Promise<Answer> {
  const first = firstPageRequest(href)!;
  return request(`${first.url}${options.query ?? ''}`, {
    method: 'POST',
    port: options.port ?? runlensPort,
    headers: {
      ...first.headers,
      'accept-encoding': 'gzip, deflate, br, zstd',
      'sec-fetch-site': 'same-origin',
      'sec-fetch-mode': 'cors',
      'sec-fetch-dest': 'empty',
      origin: `http://127.0.0.1:${options.port ?? runlensPort}`,
      ...options.headers,
    },
    body: first.body,
  });
}

const decoded = decodedBody;

const until = async (check: () => boolean, ms = 2000) => {
  for (const start = Date.now(); !check();) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('a navigation to a run table', () => {
  it('sends the first page upstream, and the page’s identical request takes that answer', async () => {
    const href = '/experiments/7?searchFilter=grid&lifecycleFilter=all';
    const html = await navigate(href);
    expect(html.status).toBe(200);
    await until(() => seen.length === 1);
    // Exactly the bytes the page sends, with the page's headers, asked for uncompressed.
    expect(Buffer.from(seen[0]!.body).equals(firstPageRequest(href)!.body)).toBe(true);
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(seen[0]!.headers['accept-encoding']).toBeUndefined();

    const answer = await pageRequest(href);
    expect(answer.status).toBe(200);
    // Compressed by the proxy's rules, as any proxied answer.
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(answer.headers['content-type']).toBe('application/json');
    expect(decoded(answer).equals(page(1))).toBe(true);
    expect(seen).toHaveLength(1);

    // Used once: the next identical request (a refetch) asks upstream.
    const again = await pageRequest(href);
    expect(decoded(again).equals(page(2))).toBe(true);
    expect(seen).toHaveLength(2);
  });

  it('passes the answer uncompressed to a client that accepts no coding, headers as upstream sent them', async () => {
    await navigate('/experiments/8');
    const answer = await pageRequest('/experiments/8', { headers: { 'accept-encoding': '' } });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers['content-length']).toBe(String(page(1).length));
    expect(answer.body.equals(page(1))).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it('is never used by a request of another shape', async () => {
    await navigate('/experiments/9?searchFilter=a');
    await until(() => seen.length === 1);
    // Another filter, another experiment, other forwarded headers: each goes upstream itself.
    expect(decoded(await pageRequest('/experiments/9?searchFilter=b')).equals(page(2))).toBe(true);
    expect(decoded(await pageRequest('/experiments/10?searchFilter=a')).equals(page(3))).toBe(true);
    expect(decoded(await pageRequest('/experiments/9?searchFilter=a', { headers: { accept: '*/*' } })).equals(page(4))).toBe(true);
    expect(seen).toHaveLength(4);
    // The kept answer is still there for the request it was made for.
    expect(decoded(await pageRequest('/experiments/9?searchFilter=a')).equals(page(1))).toBe(true);
    expect(seen).toHaveLength(4);
  });

  it('starts nothing for HEAD, frames, prefetches, signed links, or clients without Fetch Metadata', async () => {
    await request('/experiments/1', { method: 'HEAD', headers: NAVIGATION });
    await navigate('/experiments/1', { ...NAVIGATION, 'sec-fetch-dest': 'iframe' });
    await navigate('/experiments/1', { ...NAVIGATION, 'sec-purpose': 'prefetch' });
    await navigate('/experiments/1', { 'accept-encoding': 'gzip' });
    const scope = signScope({ experiments: ['1'], runs: [], expires: Date.now() + 60_000 }, SECRET);
    await navigate(`/experiments/1?scope=${scope.scope}&sig=${scope.sig}`);
    await navigate('/experiments/1/runs/abc');
    await navigate('/experiments/1/models');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toHaveLength(0);
  });

  it('never answers a signed link’s request from the cache', async () => {
    const scope = signScope({ experiments: ['1'], runs: [], expires: Date.now() + 60_000 }, SECRET);
    await navigate('/experiments/1');
    await until(() => seen.length === 1);
    const query = `?${EMBED_SCOPE_PARAM}=${encodeURIComponent(scope.scope)}&${EMBED_SIG_PARAM}=${encodeURIComponent(scope.sig)}`;
    const scoped = await pageRequest('/experiments/1', { query });
    expect(scoped.status).toBe(200);
    // Checked and sent upstream as every scoped request is.
    expect(seen).toHaveLength(2);
    // The unscoped page still finds its answer.
    expect(decoded(await pageRequest('/experiments/1')).equals(page(1))).toBe(true);
  });

  it('hands nothing to a cross-site request, which is refused as before', async () => {
    // A link from another site is a top-level navigation like any other...
    await navigate('/experiments/11', { ...NAVIGATION, 'sec-fetch-site': 'cross-site' });
    await until(() => seen.length === 1);
    // ...but only the page's own same-origin requests may read answers.
    const refused = await pageRequest('/experiments/11', { headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } });
    expect(refused.status).toBe(403);
    expect(decoded(await pageRequest('/experiments/11')).equals(page(1))).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it('with --require-signed-embeds, starts nothing for a refused unsigned frame', async () => {
    const refused = await navigate(
      '/experiments/1',
      { ...NAVIGATION, 'sec-fetch-dest': 'iframe', 'sec-fetch-site': 'cross-site' },
      strictPort,
    );
    expect(refused.status).toBe(403);
    // A top-level page is not an embed: it is served, and prefetched, as without the flag.
    await navigate('/experiments/1', NAVIGATION, strictPort);
    await until(() => seen.length === 1);
    expect(decoded(await pageRequest('/experiments/1', { port: strictPort })).equals(page(1))).toBe(true);
    expect(seen).toHaveLength(1);
  });
});

describe('when the upstream fails, the page’s request behaves as without the cache', () => {
  it('an error answer is not kept: the page asks again', async () => {
    script = ['500'];
    await navigate('/experiments/1');
    await until(() => seen.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const answer = await pageRequest('/experiments/1');
    expect(answer.status).toBe(200);
    expect(decoded(answer).equals(page(2))).toBe(true);
    expect(seen).toHaveLength(2);
  });

  it('a body cut off before the page asks is not kept: the page asks again', async () => {
    script = ['cut'];
    await navigate('/experiments/1');
    await until(() => seen.length === 1 && seen[0]!.closed);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const answer = await pageRequest('/experiments/1');
    expect(decoded(answer).equals(page(2))).toBe(true);
    expect(seen).toHaveLength(2);
  });

  it('a slow upstream: the page waits for the request already on its way instead of sending another', async () => {
    script = ['slow'];
    await navigate('/experiments/1');
    await until(() => seen.length === 1);
    const pending = pageRequest('/experiments/1');
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const answer of release.splice(0)) answer();
    expect(decoded(await pending).equals(page(1))).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it('a hung upstream: the page gets the timeout it would have got (--upstream-timeout)', async () => {
    script = ['hang'];
    await navigate('/experiments/1');
    await until(() => seen.length === 1);
    const answer = await pageRequest('/experiments/1');
    expect(answer.status).toBe(504);
    expect(JSON.parse(answer.body.toString())).toMatchObject({ error_code: 'RUNLENS_UPSTREAM_TIMEOUT' });
    expect(seen).toHaveLength(1);
  });

  it('a page that leaves while it waits aborts the upstream request, and the server carries on', async () => {
    script = ['hang'];
    await navigate('/experiments/1');
    await until(() => seen.length === 1);
    const first = firstPageRequest('/experiments/1')!;
    const req = http.request({
      host: '127.0.0.1',
      port: runlensPort,
      path: first.url,
      method: 'POST',
      headers: { ...first.headers, 'sec-fetch-site': 'same-origin' },
    });
    req.on('error', () => undefined);
    req.end(first.body);
    await new Promise((resolve) => setTimeout(resolve, 50));
    req.destroy();
    await until(() => seen[0]!.closed);
    const answer = await pageRequest('/experiments/1');
    expect(answer.status).toBe(200);
    expect(seen).toHaveLength(2);
  });
});

// Last: it leaves the cache full for its entries' few seconds.
describe('many navigations', () => {
  it('start a bounded number of upstream requests', async () => {
    script = Array.from({ length: 30 }, () => 'slow');
    await Promise.all(Array.from({ length: 30 }, (_, i) => navigate(`/experiments/${100 + i}`)));
    await until(() => seen.length >= 16);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toHaveLength(16);
    // Every page gets its first page: the 16 from their entries, the others by asking themselves.
    script = [];
    for (const answer of release.splice(0)) answer();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => pageRequest(`/experiments/${100 + i}`)));
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 30 }, () => 200));
    expect(seen).toHaveLength(30);
  });
});
