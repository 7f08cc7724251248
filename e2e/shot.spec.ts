// `runlens shot` and image links (`runlens serve --render`), run as a user runs them: the built
// CLI as a child process, against the real tracking server of the global setup.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures.ts';
import type { Manifest } from './harness/populate.ts';
import { REPO_ROOT } from './harness/python-env.ts';
import { startRunlens } from './harness/runlens-server.ts';

const scenario = (manifest: Manifest, name: string) => Object.values(manifest).find((s) => s.experiment_name === name)!;

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runlensCli(args: string[], timeoutMs = 90_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/runlens.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`runlens ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const decode = (bytes: Buffer) => PNG.sync.read(bytes);

test.describe.configure({ timeout: 180_000 });

test('runlens shot of a chart view twice gives pixel-identical PNGs of the asked size', async ({ baseURL, manifest }, testInfo) => {
  const quickstart = scenario(manifest, 'quickstart');
  const view = `${baseURL}/experiments/${quickstart.experiment_id}/runs/${quickstart.runs.quickstart as string}/metrics`;
  const files = [testInfo.outputPath('first.png'), testInfo.outputPath('second.png')];
  const images: PNG[] = [];
  for (const file of files) {
    const result = await runlensCli(['shot', view, '-o', file, '--width', '1000', '--height', '700']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(file);
    images.push(decode(await readFile(file)));
  }
  const [first, second] = images;
  if (!first || !second) throw new Error('two shots expected');
  expect([first.width, first.height]).toEqual([1000, 700]);
  expect([second.width, second.height]).toEqual([1000, 700]);
  // Something was drawn: not one flat colour.
  const colours = new Set<number>();
  for (let i = 0; i < first.data.length; i += 4) colours.add(first.data.readUInt32BE(i));
  expect(colours.size).toBeGreaterThan(10);
  expect(pixelmatch(first.data, second.data, null, first.width, first.height, { threshold: 0 })).toBe(0);
});

test('runlens shot against an unreachable tracking server exits non-zero saying "cannot reach"', async ({}, testInfo) => {
  const port = await freePort();
  const out = testInfo.outputPath('unreachable.png');
  const started = Date.now();
  const result = await runlensCli(['shot', '/', '--tracking-uri', `http://127.0.0.1:${port}`, '-o', out, '--timeout', '30']);
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain(`cannot reach http://127.0.0.1:${port}`);
  // The page's own error ends the shot; it does not wait out the timeout.
  expect(Date.now() - started).toBeLessThan(25_000);
});

test.describe('image links from runlens serve --render --render-token', () => {
  test('a view renders to a PNG of the asked size; without the token it is refused; a bad view is an HTTP error with a message', async ({
    manifest,
    mlflowUrl,
  }) => {
    const serve = await startRunlens(mlflowUrl, { args: ['--render', '--render-token', 's3cret'] });
    try {
      const quickstart = scenario(manifest, 'quickstart');
      const image = `${serve.url}/render/experiments/${quickstart.experiment_id}.png?width=800&height=600`;

      const refused = await fetch(image);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).not.toBe('image/png');

      const ok = await fetch(`${image}&token=s3cret`);
      expect(
        ok.status,
        await ok
          .clone()
          .text()
          .catch(() => ''),
      ).toBe(200);
      expect(ok.headers.get('content-type')).toBe('image/png');
      expect(ok.headers.get('cache-control')).toMatch(/max-age=30/);
      const png = decode(Buffer.from(await ok.arrayBuffer()));
      expect([png.width, png.height]).toEqual([800, 600]);

      const started = Date.now();
      const bad = await fetch(`${serve.url}/render/experiments/no-such-experiment-404.png?token=s3cret`);
      expect(bad.status).toBeGreaterThanOrEqual(400);
      const body = (await bad.json()) as { message: string };
      expect(body.message).toMatch(/^the view shows an error: .+/);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await serve.stop();
    }
  });
});
