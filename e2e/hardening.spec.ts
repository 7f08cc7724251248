// Issue 10's findings about the serve command, against the real `runlens serve` process in front
// of the real MLflow server: each of these stopped the server, read through it, or refused a
// legitimate file before the fix.
import http from 'node:http';
import net from 'node:net';
import { expect, test, waitUntilReady } from './fixtures.ts';
import type { Manifest } from './harness/populate.ts';

const scenario = (manifest: Manifest, name: string) => Object.values(manifest).find((s) => s.experiment_name === name)!;
const runOf = (manifest: Manifest, name: string, role: string) => scenario(manifest, name).runs[role] as string;

/** Sends a POST whose body stops after 10 of 1,000 bytes, then resets the connection. */
function abortedPost(url: string): Promise<void> {
  const { hostname, port, host, origin } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(
        [
          'POST /mlflow/api/2.0/mlflow/runs/search HTTP/1.1',
          `Host: ${host}`,
          `Origin: ${origin}`,
          'Content-Type: application/json',
          'Content-Length: 1000',
          '',
          '{"experim',
        ].join('\r\n'),
      );
      setTimeout(() => socket.resetAndDestroy(), 100);
    });
    socket.on('close', () => resolve());
    socket.on('error', () => undefined);
  });
}

test('a POST cut off by a connection reset ends that request only; the server keeps serving the page', async ({
  page,
  baseURL,
  manifest,
}) => {
  for (let i = 0; i < 5; i++) await abortedPost(baseURL!);
  const quickstart = scenario(manifest, 'quickstart');
  await page.goto(`/experiments/${quickstart.experiment_id}`);
  await waitUntilReady(page);
  await expect(page.getByRole('link', { name: 'quickstart', exact: true }).first()).toBeVisible();
});

test('the DNS-rebinding guard refuses public names that start like private addresses', async ({ baseURL }) => {
  const { hostname, port } = new URL(baseURL!);
  const get = (host: string) =>
    new Promise<number>((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () => {
        socket.write(`GET /mlflow/api/2.0/mlflow/experiments/search?max_results=5 HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      });
      let response = '';
      socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
      socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0)));
      socket.on('error', reject);
    });
  for (const rebound of [`10.attacker.example:${port}`, '192.168.evil.test', `172.16.x.example:${port}`]) {
    expect(await get(rebound), rebound).toBe(403);
  }
  // Private and loopback addresses themselves still work.
  expect(await get(`127.0.0.1:${port}`)).toBe(200);
  expect(await get(`192.168.1.20:${port}`)).toBe(200);
});

test('a read that another site’s page makes the browser send is refused', async ({ page, baseURL }) => {
  // Another site's page (served here on localhost, a different site from 127.0.0.1 to the
  // browser) asks the browser for a Runlens URL; the browser marks it Sec-Fetch-Site:
  // cross-site. The browser hides the answer from that page (CORP), so the status is read from
  // the network layer (CDP).
  const elsewhere = http.createServer((_, res) => res.end('<!doctype html><title>elsewhere</title><p>another site</p>'));
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://localhost:${(elsewhere.address() as net.AddressInfo).port}/`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const target = `${baseURL!}/mlflow/api/2.0/mlflow/experiments/search?max_results=1`;
    // The ExtraInfo events may arrive before or after requestWillBeSent (CDP does not order
    // them), so each is kept by request id and matched once all have come.
    const toTarget = new Set<string>();
    const fetchSite = new Map<string, string | undefined>();
    const status = new Map<string, number>();
    cdp.on('Network.requestWillBeSent', (event) => {
      if (event.request.url === target) toTarget.add(event.requestId);
    });
    cdp.on('Network.requestWillBeSentExtraInfo', (event) => fetchSite.set(event.requestId, event.headers['Sec-Fetch-Site']));
    cdp.on('Network.responseReceivedExtraInfo', (event) => status.set(event.requestId, event.statusCode));
    const seen = () => [...toTarget].map((id) => ({ status: status.get(id), fetchSite: fetchSite.get(id) }));
    await page.evaluate((url) => fetch(url, { mode: 'no-cors' }).catch(() => undefined), target);
    await expect.poll(seen).toEqual([{ status: 403, fetchSite: 'cross-site' }]);
  } finally {
    elsewhere.close();
  }
  // The same read from Runlens's own page passes.
  await page.goto(`${baseURL!}/`);
  await waitUntilReady(page);
  const sameOrigin = await page.evaluate(async () => (await fetch('/mlflow/api/2.0/mlflow/experiments/search?max_results=1')).status);
  expect(sameOrigin).toBe(200);
});

test('a compare link naming 150 runs loads the first 100 and says so', async ({ page, manifest }) => {
  const real = runOf(manifest, 'quickstart', 'quickstart');
  const ids = [real, ...Array.from({ length: 149 }, (_, i) => `${i.toString(16).padStart(32, '0')}`)];
  let runGets = 0;
  page.on('request', (request) => {
    if (request.url().includes('/mlflow/api/2.0/mlflow/runs/get')) runGets += 1;
  });
  await page.goto(`/compare?runs=${ids.join(',')}`);
  await waitUntilReady(page);
  await expect(page.getByRole('status').filter({ hasText: 'The link names 150 runs; showing the first 100.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comparing 100 runs');
  expect(runGets).toBe(100);
});

test('the served build publishes no source maps', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) {
    const js = await (await request.get(src)).text();
    expect(js, src).not.toContain('sourceMappingURL');
    expect((await request.get(`${src}.map`)).status(), `${src}.map`).toBe(404);
  }
});
