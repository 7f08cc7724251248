// index.html with the run table's first rows drawn in by the server (docs/first-rows.md): a real
// Runlens server in front of a local upstream, navigated to with a browser's headers.
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_ROWS_PREVIEW_ID } from '../../contract/runlens-http.ts';
import { createRunlensServer } from '../app.ts';
import { resolveServeOptions } from '../options.ts';
import { decodedBody, listen, rawRequest } from '../testing/raw-http.ts';
import { FIRST_ROWS_CLOSE, FIRST_ROWS_OPEN } from './first-rows-html.ts';
import { FIRST_ROWS_WAIT_MS, splitIndexHtml } from './index-with-first-rows.ts';
import { firstPageRequest } from './run-table-prefetch.ts';

const INDEX = `<!doctype html>
<html lang="en"><head><title>Runlens</title><script type="module" crossorigin src="/assets/index-abc.js"></script></head>
<body><div id="root"></div><noscript>Runlens needs JavaScript.</noscript></body></html>`;

const HOSTILE = '<img src=x onerror=alert(1)>';
const PAGE = Buffer.from(
  JSON.stringify({
    runs: [
      { info: { run_id: 'r1', run_name: 'first-run', status: 'FINISHED', start_time: 1764700000000 } },
      { info: { run_id: 'r2', run_name: HOSTILE, status: 'FAILED', start_time: 1764600000000 } },
    ],
  }),
);

type Behaviour = 'ok' | '500' | 'hang';
let behaviour: Behaviour = 'ok';
let searches = 0;
let upstream: http.Server;
let runlens: http.Server;
let port = 0;

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (!req.url?.startsWith('/api/2.0/mlflow/runs/search')) return void res.end('{}');
      searches++;
      if (behaviour === 'hang') return;
      if (behaviour === '500') {
        res.writeHead(500, { 'content-type': 'application/json' });
        return void res.end('{"error_code":"INTERNAL_ERROR","message":"boom"}');
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': PAGE.length });
      res.end(PAGE);
    });
  });
  const upstreamPort = await listen(upstream);
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'runlens-index-'));
  writeFileSync(path.join(staticDir, 'index.html'), INDEX);
  runlens = createRunlensServer(resolveServeOptions({ trackingUri: `http://127.0.0.1:${upstreamPort}`, port: '0' }, {}), staticDir, 'test');
  port = await listen(runlens);
});

afterEach(() => {
  behaviour = 'ok';
  searches = 0;
});

afterAll(() => {
  for (const server of [runlens, upstream]) {
    server.closeAllConnections();
    server.close();
  }
});

const NAVIGATION = { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', 'sec-fetch-site': 'none' };
const HREF = '/experiments/4';

/** The page as sent when no rows could be drawn: the element with its loading line only. */
const withoutRows = () => {
  const { head, tail } = splitIndexHtml(INDEX)!;
  return head + FIRST_ROWS_OPEN + FIRST_ROWS_CLOSE + tail;
};

const pageRequest = () => {
  const first = firstPageRequest(HREF)!;
  return rawRequest(port, first.url, {
    method: 'POST',
    headers: { ...first.headers, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', origin: `http://127.0.0.1:${port}` },
    body: first.body,
  });
};

describe('index.html for a run-table navigation', () => {
  it('carries the first rows between the app’s root and the rest, and the page still gets the answer', async () => {
    const html = await rawRequest(port, HREF, { headers: NAVIGATION });
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    // The page's security headers, as on any page.
    expect(html.headers['content-security-policy']).toContain("script-src 'self'");
    const text = html.body.toString();
    const { head, tail } = splitIndexHtml(INDEX)!;
    expect(text.startsWith(head + FIRST_ROWS_OPEN)).toBe(true);
    expect(text.endsWith(FIRST_ROWS_CLOSE + tail)).toBe(true);
    expect(FIRST_ROWS_OPEN).toContain(`<div id="${FIRST_ROWS_PREVIEW_ID}"`);
    const rows = text.slice((head + FIRST_ROWS_OPEN).length, text.length - (FIRST_ROWS_CLOSE + tail).length);
    expect(rows).toContain('<tbody><tr><th scope="row"><span class="run-name__text">first-run</span>');
    expect(rows).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(rows).not.toContain(HOSTILE);

    // The page's identical request takes the same answer, byte for byte; upstream asked once.
    const answer = await pageRequest();
    expect(answer.status).toBe(200);
    expect(decodedBody(answer).equals(PAGE)).toBe(true);
    expect(searches).toBe(1);
  });

  it('ends without rows when the tracking server fails; the page asks again itself', async () => {
    behaviour = '500';
    const html = await rawRequest(port, HREF, { headers: NAVIGATION });
    expect(html.body.toString()).toBe(withoutRows());
    behaviour = 'ok';
    expect(decodedBody(await pageRequest()).equals(PAGE)).toBe(true);
    expect(searches).toBe(2);
  });

  it('ends without rows once FIRST_ROWS_WAIT_MS pass without an answer', async () => {
    behaviour = 'hang';
    const started = Date.now();
    const html = await rawRequest(port, HREF, { headers: NAVIGATION });
    expect(html.body.toString()).toBe(withoutRows());
    expect(Date.now() - started).toBeGreaterThanOrEqual(FIRST_ROWS_WAIT_MS - 50);
  });

  it('is the plain index.html for a client that is not a browser navigating (no early request)', async () => {
    const html = await rawRequest(port, HREF, { headers: { 'accept-encoding': 'identity' } });
    expect(html.body.toString()).toBe(INDEX);
    expect(searches).toBe(0);
  });
});
