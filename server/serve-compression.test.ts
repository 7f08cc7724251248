// Compression as a browser sees it (docs/compression.md): a real Runlens server in front of a
// local upstream, read with node:http, which (unlike fetch) hands over the bytes on the wire, so
// each compressed answer is decoded here and compared byte for byte with what the upstream sent.
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBED_SCOPE_PARAM, EMBED_SIG_PARAM } from '../contract/runlens-http.ts';
import { createRunlensServer } from './app.ts';
import { signScope } from './embed/embed-scope.ts';
import { resolveServeOptions } from './options.ts';
import { listen, rawRequest, type RawAnswer, type RawRequest } from './testing/raw-http.ts';

const SECRET = 'a-test-embed-secret-of-32-bytes-or-more!';
const BROWSER = 'gzip, deflate, br, zstd';

/** A runs/search page as MLflow writes it (pretty-printed), about 300 KB. */
const RUNS_PAGE = Buffer.from(
  JSON.stringify(
    {
      runs: Array.from({ length: 200 }, (_, i) => ({
        info: { run_id: `run${i.toString(16).padStart(29, '0')}`, experiment_id: '1', status: 'FINISHED', start_time: 1733140000000 + i },
        data: {
          metrics: Array.from({ length: 10 }, (_, m) => ({
            key: `metric_${m}`,
            value: Math.sin(i * 7 + m),
            timestamp: 1733140000000 + i,
            step: i,
          })),
          params: Array.from({ length: 10 }, (_, p) => ({ key: `param_${p}`, value: String((i * (p + 3)) % 97) })),
          tags: [{ key: 'mlflow.runName', value: `run-${i} ✓` }],
        },
      })),
    },
    null,
    2,
  ),
);
/** Text that compresses poorly, so a compressor has output long before the answer ends. */
const NOISE = Buffer.from(
  JSON.stringify({ metrics: Array.from({ length: 200_000 }, (_, i) => ((i * 2654435761) % 4294967296).toString(36)) }),
);
const CSV = Buffer.from(Array.from({ length: 5000 }, (_, i) => `${i},${(i * 0.37) % 1},label_${i % 7}\n`).join(''));
const CSV_GZ = zlib.gzipSync(CSV);
const WEIGHTS = Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 131) % 251));
const ARTIFACTS: Record<string, { type: string; bytes: Buffer }> = {
  'eval/predictions.csv': { type: 'text/csv; charset=utf-8', bytes: CSV },
  // MLflow types a gzipped CSV as text/csv (Python's mimetypes), with no Content-Encoding.
  'eval/predictions.csv.gz': { type: 'text/csv; charset=utf-8', bytes: CSV_GZ },
  'model/weights.bin': { type: 'application/octet-stream', bytes: WEIGHTS },
};
const EXPERIMENTS = {
  experiments: [
    { experiment_id: '1', name: 'shown', tags: [{ key: 'mlflow.note.content', value: 'A long description. '.repeat(200) }] },
    { experiment_id: '2', name: 'outside the link' },
  ],
};

const INDEX_HTML = Buffer.from(`<!doctype html><title>Runlens</title>${'<link rel="modulepreload" href="/assets/x.js">'.repeat(20)}`);
const APP_JS = Buffer.from(`export const answer = ${JSON.stringify('forty-two '.repeat(500))};\n`);

let upstream: http.Server;
let runlens: http.Server;
let runlensPort = 0;
/** Answers the upstream is still sending (never ended), with whether Runlens hung up on them. */
const endless: { closed: boolean }[] = [];
const seenAcceptEncoding: (string | undefined)[] = [];

function sendArtifact(req: http.IncomingMessage, res: http.ServerResponse, artifact: { type: string; bytes: Buffer }): void {
  const { bytes } = artifact;
  const headers = { 'content-type': artifact.type, 'accept-ranges': 'bytes', etag: '"v1"' };
  const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
  if (range) {
    const [start, end] = [Number(range[1]), Math.min(Number(range[2]), bytes.length - 1)];
    res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${bytes.length}`, 'content-length': end - start + 1 });
    res.end(bytes.subarray(start, end + 1));
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': bytes.length });
  res.end(bytes);
}

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    req.resume();
    seenAcceptEncoding.push(req.headers['accept-encoding']);
    const url = new URL(req.url ?? '/', 'http://upstream');
    switch (url.pathname) {
      case '/api/2.0/mlflow/runs/search':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': RUNS_PAGE.length });
        return void res.end(RUNS_PAGE);
      case '/api/2.0/mlflow/runs/get':
        // A gateway that compresses itself, as asked.
        if (req.headers['accept-encoding']?.includes('gzip')) {
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          return void res.end(zlib.gzipSync(RUNS_PAGE));
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(RUNS_PAGE);
      case '/api/2.0/mlflow/experiments/search':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify(EXPERIMENTS));
      case '/api/2.0/mlflow/metrics/get-history': {
        // Half an answer, then silence: the browser leaves before it ends.
        const entry = { closed: false };
        endless.push(entry);
        res.on('close', () => (entry.closed = true));
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.write(NOISE);
      }
      case '/api/2.0/mlflow/artifacts/list':
        // Cut off mid-answer, before a compressor has anything to send: the connection drops
        // before the promised length.
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': RUNS_PAGE.length });
        res.write(RUNS_PAGE.subarray(0, 4096), () => setTimeout(() => res.socket?.destroy(), 20));
        return;
      case '/version':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 6 });
        return void res.end('3.17.2');
      case '/get-artifact': {
        const artifact = ARTIFACTS[url.searchParams.get('path') ?? ''];
        if (artifact) return sendArtifact(req, res, artifact);
      }
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error_code":"RESOURCE_DOES_NOT_EXIST"}');
  });
  const upstreamPort = await listen(upstream);
  const options = resolveServeOptions({ trackingUri: `http://127.0.0.1:${upstreamPort}`, port: '0', embedSecret: SECRET }, {});
  // A build as `npm run build` leaves it: app.js with precompressed siblings, index.html with a .br only.
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'runlens-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(staticDir, 'index.html.br'), zlib.brotliCompressSync(INDEX_HTML));
  writeFileSync(path.join(staticDir, 'app.js'), APP_JS);
  writeFileSync(path.join(staticDir, 'app.js.br'), zlib.brotliCompressSync(APP_JS));
  writeFileSync(path.join(staticDir, 'app.js.gz'), zlib.gzipSync(APP_JS));
  runlens = createRunlensServer(options, staticDir, 'test');
  runlensPort = await listen(runlens);
});

afterAll(() => {
  runlens.closeAllConnections();
  runlens.close();
  upstream.closeAllConnections();
  upstream.close();
});

/** One request, the answer's bytes as they came over the wire (no decoding). */
const raw = (target: string, options: RawRequest = {}): Promise<RawAnswer> => rawRequest(runlensPort, target, options);

const searchRuns = (acceptEncoding?: string) =>
  raw('/mlflow/api/2.0/mlflow/runs/search', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: `http://127.0.0.1:${runlensPort}`,
      ...(acceptEncoding !== undefined ? { 'accept-encoding': acceptEncoding } : {}),
    },
    body: '{"experiment_ids":["1"]}',
  });

describe('the proxy compresses JSON', () => {
  it('with brotli for a browser that accepts it, decoding to exactly the upstream’s bytes', async () => {
    const answer = await searchRuns(BROWSER);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(answer.headers['content-length']).toBeUndefined();
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.body.length).toBeLessThan(RUNS_PAGE.length / 5);
    expect(zlib.brotliDecompressSync(answer.body).equals(RUNS_PAGE)).toBe(true);
  });

  it('with gzip when that is all the client takes', async () => {
    const answer = await searchRuns('gzip');
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(answer.body).equals(RUNS_PAGE)).toBe(true);
  });

  it('not at all for a client that asks for identity or says nothing', async () => {
    for (const header of ['identity', 'br;q=0, gzip;q=0', undefined]) {
      const answer = await searchRuns(header);
      expect(answer.headers['content-encoding'], header).toBeUndefined();
      expect(answer.headers['content-length']).toBe(String(RUNS_PAGE.length));
      expect(answer.body.equals(RUNS_PAGE)).toBe(true);
    }
  });

  it('passes an answer the upstream compressed as it is, never twice', async () => {
    const answer = await raw('/mlflow/api/2.0/mlflow/runs/get?run_id=r', { headers: { 'accept-encoding': BROWSER } });
    expect(seenAcceptEncoding.at(-1)).toBe(BROWSER);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.body.equals(zlib.gzipSync(RUNS_PAGE))).toBe(true);
  });

  it('leaves a small answer plain', async () => {
    const answer = await raw('/mlflow/version', { headers: { 'accept-encoding': BROWSER } });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toBe('3.17.2');
  });

  it('compresses the filtered answer of a signed embed link too', async () => {
    const signed = signScope({ experiments: ['1'], runs: [], expires: Date.now() + 60_000 }, SECRET);
    const query = `max_results=10&${EMBED_SCOPE_PARAM}=${encodeURIComponent(signed.scope)}&${EMBED_SIG_PARAM}=${encodeURIComponent(signed.sig)}`;
    const answer = await raw(`/mlflow/api/2.0/mlflow/experiments/search?${query}`, { headers: { 'accept-encoding': BROWSER } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    // Read whole to be filtered, so asked for uncompressed.
    expect(seenAcceptEncoding.at(-1)).toBeUndefined();
    const decoded = JSON.parse(zlib.brotliDecompressSync(answer.body).toString()) as typeof EXPERIMENTS;
    expect(decoded).toEqual({ experiments: [EXPERIMENTS.experiments[0]] });
  });

  it('tears the compressor and the upstream answer down when the browser leaves mid-answer, and keeps serving', async () => {
    endless.length = 0;
    const firstBytes = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: runlensPort,
          path: '/mlflow/api/2.0/mlflow/metrics/get-history?run_id=r&metric_key=loss',
          headers: { 'accept-encoding': 'br' },
        },
        (res) => {
          expect(res.headers['content-encoding']).toBe('br');
          res.once('data', (chunk: Buffer) => {
            req.destroy();
            resolve(chunk.length);
          });
        },
      );
      req.on('error', (err) => {
        if (!req.destroyed) reject(err);
      });
      req.end();
    });
    expect(firstBytes).toBeGreaterThan(0);
    await expect.poll(() => endless[0]?.closed, { timeout: 1000, interval: 10 }).toBe(true);
    const next = await searchRuns(BROWSER);
    expect(zlib.brotliDecompressSync(next.body).equals(RUNS_PAGE)).toBe(true);
  });

  it('ends the browser’s answer with an error, not a short body, when the upstream is cut off mid-answer', async () => {
    // The status and headers arrive although the compressor never had a block to send, so the
    // page reads it as a cut-off body ("the response was cut off"), not as an unreachable Runlens.
    const outcome = await new Promise<string>((resolve) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: runlensPort,
          path: '/mlflow/api/2.0/mlflow/artifacts/list?run_id=r',
          headers: { 'accept-encoding': 'br' },
        },
        (res) => {
          expect([res.statusCode, res.headers['content-encoding']]).toEqual([200, 'br']);
          res.resume();
          res.on('end', () => resolve(res.complete ? 'complete' : 'incomplete'));
          res.on('aborted', () => resolve('body cut off'));
        },
      );
      req.on('error', (err) => resolve(`no answer: ${err.message}`));
      req.end();
    });
    expect(outcome).toBe('body cut off');
  });
});

describe('artifact bytes', () => {
  const artifact = (name: string, headers: Record<string, string> = {}) =>
    raw(`/mlflow/get-artifact?run_uuid=r&path=${encodeURIComponent(name)}`, { headers: { 'accept-encoding': BROWSER, ...headers } });

  it('are sent as they are when they are not text, and a Range still gives its bytes', async () => {
    const whole = await artifact('model/weights.bin');
    expect(whole.headers['content-encoding']).toBeUndefined();
    expect(whole.headers['content-length']).toBe(String(WEIGHTS.length));
    expect(whole.body.equals(WEIGHTS)).toBe(true);
    const part = await artifact('model/weights.bin', { range: 'bytes=1000-1999' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${WEIGHTS.length}`);
    expect(part.body.equals(WEIGHTS.subarray(1000, 2000))).toBe(true);
  });

  it('of text are compressed whole, served plain for a Range, and never when they are archives', async () => {
    const whole = await artifact('eval/predictions.csv');
    expect(whole.headers['content-encoding']).toBe('br');
    expect(whole.headers.etag).toBe('W/"v1"');
    expect(whole.headers['accept-ranges']).toBeUndefined();
    expect(whole.headers['content-security-policy']).toMatch(/^sandbox /);
    expect(zlib.brotliDecompressSync(whole.body).equals(CSV)).toBe(true);

    const part = await artifact('eval/predictions.csv', { range: 'bytes=10-99' });
    expect(part.status).toBe(206);
    expect(part.headers['content-encoding']).toBeUndefined();
    expect(part.headers['content-range']).toBe(`bytes 10-99/${CSV.length}`);
    expect(part.body.equals(CSV.subarray(10, 100))).toBe(true);

    const archive = await artifact('eval/predictions.csv.gz');
    expect(archive.headers['content-encoding']).toBeUndefined();
    expect(archive.body.equals(CSV_GZ)).toBe(true);
  });
});

describe('static files', () => {
  it('are sent precompressed to a browser that accepts it, and plain otherwise', async () => {
    const br = await raw('/app.js', { headers: { 'accept-encoding': BROWSER } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(zlib.brotliDecompressSync(br.body).equals(APP_JS)).toBe(true);

    const gz = await raw('/app.js', { headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).equals(APP_JS)).toBe(true);

    // sirv alone would send brotli for "br;q=0": it is told what the browser really accepts.
    for (const header of ['identity', 'br;q=0', undefined]) {
      const plain = await raw('/app.js', { headers: header === undefined ? {} : { 'accept-encoding': header } });
      expect(plain.headers['content-encoding'], header).toBeUndefined();
      expect(plain.body.equals(APP_JS)).toBe(true);
    }
    expect((await raw('/app.js', { headers: { 'accept-encoding': 'br;q=0, gzip' } })).headers['content-encoding']).toBe('gzip');

    const part = await raw('/app.js', { headers: { 'accept-encoding': BROWSER, range: 'bytes=0-9' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-encoding']).toBeUndefined();
    expect(part.body.equals(APP_JS.subarray(0, 10))).toBe(true);
  });

  it('serve the app’s index.html compressed for client routes, plain without a sibling of that coding', async () => {
    const route = await raw('/experiments/1/runs/r/artifacts/data/cv_results.csv', { headers: { 'accept-encoding': BROWSER } });
    expect(route.status).toBe(200);
    expect(route.headers['content-encoding']).toBe('br');
    expect(route.headers['content-type']).toMatch(/^text\/html/);
    expect(zlib.brotliDecompressSync(route.body).equals(INDEX_HTML)).toBe(true);
    const gzipOnly = await raw('/experiments/1', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipOnly.headers['content-encoding']).toBeUndefined();
    expect(gzipOnly.body.equals(INDEX_HTML)).toBe(true);
  });
});
