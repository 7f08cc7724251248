// `npm run soak`: the serve command under a bounded storm (issue 10). A real `mlflow server`
// with the quickstart scenario, the built `runlens serve` in front of it, and 10,000 requests
// at 50 in flight on loopback: normal reads of every kind the app makes, POST bodies cut off by
// a connection reset, headers sent slowly, oversized bodies, and requests the proxy must refuse.
// Afterwards the server must still answer and its memory must be back near where it started.
// Exits non-zero otherwise. Kept out of `npm test` because it takes a minute or two.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startMlflowServer } from '../e2e/harness/mlflow-server.ts';
import { populate } from '../e2e/harness/populate.ts';
import { ensurePythonEnv } from '../e2e/harness/python-env.ts';
import { startRunlens } from '../e2e/harness/runlens-server.ts';

const TOTAL = Number(process.env.SOAK_REQUESTS ?? 10_000);
const IN_FLIGHT = 50;
const started = Date.now();
const log = (line: string) => console.log(`[soak ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

type Kind = 'read' | 'aborted-body' | 'slow-headers' | 'oversized-body' | 'refused';
/** Out of 20: the mix of request kinds. */
const MIX: readonly [Kind, number][] = [
  ['read', 10],
  ['aborted-body', 3],
  ['slow-headers', 2],
  ['oversized-body', 2],
  ['refused', 3],
];

interface Target {
  port: number;
  host: string;
  experimentId: string;
  runId: string;
}

/** The serve process's resident memory, in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN) / 1024;
}

/** The status code (0: the connection closed without one), and who produced an error status. */
interface Outcome {
  status: number;
  /** A RUNLENS_* error body: Runlens's own answer, not one passed on from MLflow. */
  fromRunlens: boolean;
}

/** Sends raw bytes (in timed pieces when asked) and resolves with what came back. */
function exchange(
  target: Target,
  pieces: readonly (string | Buffer)[],
  options: { gapMs?: number; reset?: boolean } = {},
): Promise<Outcome> {
  return new Promise((resolve) => {
    let response = '';
    const socket = net.connect(target.port, '127.0.0.1');
    const done = () =>
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0), fromRunlens: response.includes('"RUNLENS_') });
    socket.setTimeout(30_000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      if (response.length < 4096) response += chunk.toString('latin1');
    });
    socket.on('close', done);
    socket.on('error', () => undefined);
    socket.on('connect', async () => {
      for (const piece of pieces) {
        if (socket.destroyed) return;
        socket.write(piece);
        if (options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
      }
      if (options.reset) setTimeout(() => socket.resetAndDestroy(), 10);
    });
  });
}

function head(target: Target, method: string, url: string, extra: Record<string, string | number> = {}): string {
  const lines = [`${method} ${url} HTTP/1.1`, `Host: ${target.host}`, 'Connection: close'];
  for (const [name, value] of Object.entries(extra)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function jsonPost(target: Target, url: string, body: string, extra: Record<string, string | number> = {}): string {
  return head(target, 'POST', url, {
    Origin: `http://${target.host}`,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    ...extra,
  });
}

function send(kind: Kind, target: Target, i: number): Promise<Outcome> {
  const { experimentId: exp, runId: run } = target;
  switch (kind) {
    case 'read': {
      const reads: (() => Promise<Outcome>)[] = [
        () => exchange(target, [head(target, 'GET', '/mlflow/api/2.0/mlflow/experiments/search?max_results=100')]),
        () => {
          const body = JSON.stringify({ experiment_ids: [exp], max_results: 50 });
          return exchange(target, [jsonPost(target, '/mlflow/api/2.0/mlflow/runs/search', body), body]);
        },
        () => exchange(target, [head(target, 'GET', `/mlflow/api/2.0/mlflow/runs/get?run_id=${run}`)]),
        () =>
          exchange(target, [
            head(target, 'GET', `/mlflow/api/2.0/mlflow/metrics/get-history?run_id=${run}&metric_key=foo&max_results=25000`),
          ]),
        () => exchange(target, [head(target, 'GET', `/mlflow/api/2.0/mlflow/artifacts/list?run_id=${run}&path=outputs`)]),
        () => exchange(target, [head(target, 'GET', `/mlflow/get-artifact?path=outputs%2Ftest.txt&run_uuid=${run}`)]),
        () => exchange(target, [head(target, 'GET', `/experiments/${exp}`)]),
      ];
      const read = reads[Math.floor(i / 20) % reads.length];
      return read ? read() : Promise.resolve({ status: 0, fromRunlens: false });
    }
    case 'aborted-body':
      return exchange(target, [jsonPost(target, '/mlflow/api/2.0/mlflow/runs/search', '', { 'Content-Length': 1000 }), '{"experim'], {
        reset: true,
      });
    case 'slow-headers': {
      // A slow client: the request line and each header a little apart (100–400 ms in all).
      const pieces = head(target, 'GET', '/mlflow/api/2.0/mlflow/experiments/search?max_results=5').split(/(?<=\r\n)/);
      return exchange(target, pieces, { gapMs: 20 + (i % 4) * 20 });
    }
    case 'oversized-body': {
      const body = Buffer.alloc(2 * 1024 * 1024, 'a');
      return exchange(target, [jsonPost(target, '/mlflow/api/2.0/mlflow/runs/search', '', { 'Content-Length': body.length }), body]);
    }
    case 'refused': {
      const refused = [
        head(target, 'GET', `/mlflow/get-artifact?path=..%2F..%2Fetc%2Fpasswd&run_uuid=${run}`),
        head(target, 'GET', '/mlflow/api/2.0/mlflow/experiments/search', { 'Sec-Fetch-Site': 'cross-site' }),
        head(target, 'POST', '/mlflow/api/2.0/mlflow/experiments/delete', { Origin: 'http://evil.example', 'Content-Length': 0 }),
        head({ ...target, host: '10.attacker.example' }, 'GET', '/mlflow/version'),
      ];
      return exchange(target, [refused[Math.floor(i / 20) % refused.length] ?? '']);
    }
  }
}

function kindOf(i: number): Kind {
  let slot = (i * 7) % 20;
  for (const [kind, weight] of MIX) {
    if (slot < weight) return kind;
    slot -= weight;
  }
  return 'read';
}

async function storm(target: Target, total: number): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const kind = kindOf(i);
      const { status, fromRunlens } = await send(kind, target, i);
      const who = status >= 400 ? (fromRunlens ? ' (Runlens)' : ' (MLflow)') : '';
      const key = `${kind} → ${status || 'closed'}${who}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return counts;
}

async function main(): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'runlens-soak-'));
  const env = await ensurePythonEnv(log);
  const mlflow = await startMlflowServer(env, { dataDir, workers: 2 });
  try {
    const manifest = await populate(env, mlflow.url, path.join(dataDir, 'manifest.json'), ['quickstart']);
    const quickstart = manifest.quickstart;
    if (!quickstart) throw new Error('the quickstart scenario was not logged');
    const runId = Object.values(quickstart.runs)[0] as string;
    const runlens = await startRunlens(mlflow.url);
    try {
      const port = Number(new URL(runlens.url).port);
      const target: Target = { port, host: `127.0.0.1:${port}`, experimentId: quickstart.experiment_id, runId };
      log(`mlflow ${mlflow.url}, runlens ${runlens.url} (pid ${runlens.pid})`);

      // Warm-up with the same mix: JIT, socket and buffer pools reach their working size, so the
      // reading after it is the baseline a leak would grow from.
      await storm(target, 2000);
      await new Promise((r) => setTimeout(r, 2000));
      const before = rssMb(runlens.pid);
      log(`memory after warm-up: ${before.toFixed(1)} MB; sending ${TOTAL} requests, ${IN_FLIGHT} in flight…`);
      const stormStart = Date.now();
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(runlens.pid))), 250);
      const counts = await storm(target, TOTAL);
      clearInterval(sampler);
      const seconds = (Date.now() - stormStart) / 1000;
      await new Promise((r) => setTimeout(r, 5000));
      const after = rssMb(runlens.pid);

      const alive =
        (await fetch(`${runlens.url}/mlflow/api/2.0/mlflow/experiments/search?max_results=1`).catch(() => undefined))?.status === 200;
      log(`${TOTAL} requests in ${seconds.toFixed(1)} s (${(TOTAL / seconds).toFixed(0)} req/s)`);
      for (const [key, count] of [...counts].sort()) log(`  ${key.padEnd(36)} ${count}`);
      log(`memory: ${before.toFixed(1)} MB before, ${peak.toFixed(1)} MB peak, ${after.toFixed(1)} MB 5 s after`);
      const crashes = runlens.output().match(/kept serving|failed:/g)?.length ?? 0;
      log(`serve log: ${crashes} stray errors logged`);

      const problems: string[] = [];
      if (!alive) problems.push('runlens serve stopped answering');
      // "Back near where it started": within 30 MB or 30 %, whichever is larger.
      if (after > before + Math.max(30, before * 0.3))
        problems.push(`memory did not come back (${before.toFixed(1)} → ${after.toFixed(1)} MB)`);
      if ((counts.get('read → 200') ?? 0) === 0) problems.push('no read succeeded');
      // MLflow itself may fail a read under this load (SQLite is busy); Runlens must not.
      for (const [key] of counts)
        if (key.startsWith('read →') && (key.endsWith('(Runlens)') || key === 'read → closed'))
          problems.push(`a normal read failed: ${key}`);
      for (const problem of problems) log(`FAIL: ${problem}`);
      if (problems.length === 0) log('PASS: still serving, memory back near where it started');
      return problems.length === 0 ? 0 : 1;
    } finally {
      await runlens.stop();
    }
  } finally {
    await mlflow.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
