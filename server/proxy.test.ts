// The proxy against a local recording HTTP server: checks what reaches the upstream and what
// comes back. (End-to-end tests run against a real MLflow; this pins the header handling.)
import http from 'node:http';
import net from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunlensServer } from './app.ts';
import { resolveServeOptions } from './options.ts';

let upstream: http.Server;
let runlens: http.Server;
let runlensUrl = '';
const seen: http.IncomingHttpHeaders[] = [];
const seenUrls: string[] = [];
/** Requests the upstream never answers, with whether the proxy hung up on them. */
const hanging: { url: string; closed: boolean }[] = [];

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    seen.push(req.headers);
    seenUrls.push(req.url ?? '');
    if (req.url?.startsWith('/prefix/api/2.0/mlflow/runs/get')) {
      const entry = { url: req.url, closed: false };
      hanging.push(entry);
      res.on('close', () => (entry.closed = true));
      return;
    }
    if (req.url?.startsWith('/prefix/get-artifact')) {
      res.writeHead(302, { location: 'http://elsewhere.example/x' });
      return void res.end();
    }
    res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic realm="mlflow"', 'set-cookie': 'a=b' });
    res.end('{"error_code":"UNAUTHENTICATED","message":"nope"}');
  });
  const upstreamPort = await listen(upstream);
  const options = resolveServeOptions(
    { trackingUri: `http://user:pw@127.0.0.1:${upstreamPort}/prefix`, port: '0', upstreamTimeout: '0.5' },
    { MLFLOW_TRACKING_TOKEN: 'secret-token' },
  );
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'runlens-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  runlens = createRunlensServer(options, staticDir, 'test');
  runlensUrl = `http://127.0.0.1:${await listen(runlens)}`;
});

afterAll(() => {
  runlens.close();
  upstream.close();
});

describe('proxy', () => {
  it('injects the configured credentials and drops what the browser sent', async () => {
    seen.length = 0;
    const res = await fetch(`${runlensUrl}/mlflow/api/2.0/mlflow/runs/search`, {
      method: 'POST',
      headers: { origin: runlensUrl, 'content-type': 'application/json', cookie: 'session=browser', authorization: 'Basic browser' },
      body: '{}',
    });
    const headers = seen[0]!;
    expect(headers.authorization).toBe('Bearer secret-token');
    expect(headers.cookie).toBeUndefined();
    expect(headers.origin).toBeUndefined();
    expect(headers.host).toMatch(/^127\.0\.0\.1:\d+$/);
    // The upstream's challenge never reaches the browser (no native login dialog), nor its cookies.
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBeNull();
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await res.json()).toEqual({ error_code: 'UNAUTHENTICATED', message: 'nope' });
  });

  it('keeps the tracking URI path prefix', async () => {
    seenUrls.length = 0;
    await fetch(`${runlensUrl}/mlflow/api/2.0/mlflow/experiments/search?max_results=5`);
    expect(seenUrls).toEqual(['/prefix/api/2.0/mlflow/experiments/search?max_results=5']);
  });

  it('does not follow upstream redirects, nor tell the browser where they point', async () => {
    const res = await fetch(`${runlensUrl}/mlflow/get-artifact?path=a.txt&run_uuid=r`);
    expect(res.status).toBe(502);
    const body = (await res.json()) as { error_code: string; message: string };
    expect(body.error_code).toBe('RUNLENS_UPSTREAM_REDIRECT');
    expect(body.message).toContain('redirect (HTTP 302)');
    expect(body.message).not.toContain('elsewhere.example');
    expect(res.headers.get('location')).toBeNull();
  });

  it('answers 504 when the tracking server stays silent longer than --upstream-timeout', async () => {
    const res = await fetch(`${runlensUrl}/mlflow/api/2.0/mlflow/runs/get?run_id=slow`);
    expect(res.status).toBe(504);
    const body = (await res.json()) as { error_code: string; message: string };
    expect(body.error_code).toBe('RUNLENS_UPSTREAM_TIMEOUT');
    expect(body.message).toMatch(/did not answer within 0\.5 s/);
  });

  it('hangs up on the tracking server when the browser goes away', async () => {
    hanging.length = 0;
    const controller = new AbortController();
    const pending = fetch(`${runlensUrl}/mlflow/api/2.0/mlflow/runs/get?run_id=abandoned`, { signal: controller.signal }).catch(
      () => 'aborted',
    );
    await expect.poll(() => hanging.length).toBe(1);
    controller.abort();
    expect(await pending).toBe('aborted');
    // Well before the 0.5 s upstream timeout would have closed it anyway.
    await expect.poll(() => hanging[0]!.closed, { timeout: 150, interval: 10 }).toBe(true);
  });

  it('refuses reads that another site’s page makes the browser send, before they reach the upstream', async () => {
    seenUrls.length = 0;
    for (const site of ['cross-site', 'same-site']) {
      const res = await fetch(`${runlensUrl}/mlflow/api/2.0/mlflow/experiments/search?max_results=5`, {
        headers: { 'sec-fetch-site': site },
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { message: string }).message).toBe('cross-site request refused by Runlens');
    }
    expect(seenUrls).toHaveLength(0);
    // Runlens's own pages, typed-in URLs and clients that are not browsers still pass.
    for (const headers of [{ 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'none' }, {}] as Record<string, string>[]) {
      await fetch(`${runlensUrl}/mlflow/api/2.0/mlflow/experiments/search?max_results=5`, { headers });
    }
    expect(seenUrls).toHaveLength(3);
  });

  // Issue 10, finding 1: this request used to end the process with an uncaught ECONNRESET.
  it('keeps serving after a POST whose body is cut off by a connection reset', async () => {
    const { port } = new URL(runlensUrl);
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => {
          socket.write(
            [
              'POST /mlflow/api/2.0/mlflow/runs/search HTTP/1.1',
              `Host: 127.0.0.1:${port}`,
              `Origin: ${runlensUrl}`,
              'Content-Type: application/json',
              'Content-Length: 1000',
              '',
              '{"experim',
            ].join('\r\n'),
          );
          setTimeout(() => socket.resetAndDestroy(), 50);
        });
        socket.on('close', () => resolve());
        socket.on('error', () => undefined);
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const res = await fetch(`${runlensUrl}/runlens/config.json`);
    expect(res.status).toBe(200);
  });

  it('refuses cross-origin and null-origin writes before they reach the upstream', async () => {
    seen.length = 0;
    for (const origin of ['http://evil.example', 'null']) {
      const res = await fetch(`${runlensUrl}/mlflow/api/2.0/mlflow/runs/search`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(403);
    }
    expect(seen).toHaveLength(0);
  });

  it('serves artifact bytes sandboxed (opaque origin, no network) and everything else with the app CSP', async () => {
    const artifact = await fetch(
      `${runlensUrl}/mlflow/ajax-api/2.0/mlflow/logged-models/m-1/artifacts/files?artifact_file_path=report.html`,
    );
    const csp = artifact.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^sandbox allow-scripts;/);
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toContain('allow-same-origin');
    const api = await fetch(`${runlensUrl}/mlflow/api/2.0/mlflow/experiments/search?max_results=5`);
    expect(api.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('serves the app for client routes that end like a file name (artifact paths)', async () => {
    const res = await fetch(`${runlensUrl}/experiments/1/runs/r/artifacts/data/cv_results.csv`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<!doctype html>');
  });

  it('publishes the tracking URI without credentials', async () => {
    const config = (await (await fetch(`${runlensUrl}/runlens/config.json`)).json()) as Record<string, string>;
    expect(config.auth).toBe('bearer');
    expect(JSON.stringify(config)).not.toMatch(/secret-token|user:pw|pw@/);
    expect(config.trackingUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/prefix\/$/);
  });
});
