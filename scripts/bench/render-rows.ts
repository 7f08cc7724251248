// Reporting rows (issue 11): `runlens shot` of the 10-run chart view, from command start to file
// written, beside the raw history fetch of the same runs; and 100 image links rendered in a row
// through `runlens serve --render`, with the memory of the serve process and the Chromium it
// drives before and after (it must level off, not grow per render).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../e2e/harness/python-env.ts';
import { startRunlens } from '../../e2e/harness/runlens-server.ts';
import type { HistoryExperiment } from './history-dataset.ts';
import { rawHistory } from './chart-rows.ts';
import type { Result } from './measure.ts';

const RENDERS = 100;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;

function runShot(url: string, out: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/runlens.js'), 'shot', url, '-o', out, '--timeout', '300'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('close', (code) =>
      code === 0 && statSync(out).size > 0
        ? resolve(performance.now() - started)
        : reject(new Error(`runlens shot exited ${code}: ${errors}`)),
    );
  });
}

/** Resident memory (MB) of a process and all its descendants (Chromium runs as children). */
function treeRssMb(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let kb = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Gone.
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return Math.round(kb / 1024);
}

export async function measureRendering(
  servers: { runlens: string; mlflow: string },
  history: HistoryExperiment,
  log: (line: string) => void,
): Promise<Result[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runlens-bench-shot-'));
  try {
    log('measuring runlens shot of the 10-run chart view (3×)');
    const view = `${servers.runlens}/compare?runs=${history.tenRuns.join(',')}&metrics=loss&plots=`;
    const shots: number[] = [];
    const raws: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await Promise.all(history.tenRuns.map((runId) => rawHistory(servers.mlflow, runId)));
      raws.push(performance.now() - started);
      shots.push(await runShot(view, path.join(dir, `shot-${i}.png`)));
    }

    log(`measuring ${RENDERS} image links through runlens serve --render`);
    const serve = await startRunlens(servers.mlflow, { args: ['--render'] });
    try {
      // A distinct URL each time (an unknown parameter), so the 30 s cache never answers.
      const link = (i: number) =>
        `${serve.url}/render/experiments/${encodeURIComponent(history.experimentId)}.png?width=1024&height=640&bench=${i}`;
      const first = await fetch(link(-1));
      if (first.status !== 200) throw new Error(`/render answered ${first.status}: ${await first.text()}`);
      const before = treeRssMb(serve.pid);
      const times: number[] = [];
      // Every 10 renders: a leak shows as a rising series, Chromium's renderer processes coming
      // and going as noise around a level.
      const samples: number[] = [];
      for (let i = 0; i < RENDERS; i++) {
        const started = performance.now();
        const res = await fetch(link(i));
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`render ${i}: HTTP ${res.status}`);
        times.push(performance.now() - started);
        if (i % 10 === 9) samples.push(treeRssMb(serve.pid));
      }
      const after = treeRssMb(serve.pid);
      const peak = Math.max(before, ...samples);
      const half = Math.floor(samples.length / 2);
      const mean = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length));
      return [
        {
          name: 'shot 10-run chart',
          runlens_ms: Math.round(median(shots)),
          mlflow_ui_ms: null,
          raw_api_ms: Math.round(median(raws)),
          max_task_ms: null,
          note: 'runlens shot, command start to PNG written (starts Chromium); raw = the 10 full histories fetched in parallel',
        },
        {
          name: 'render link ×100',
          runlens_ms: Math.round(median(times)),
          mlflow_ui_ms: null,
          raw_api_ms: null,
          max_task_ms: null,
          note: `median of ${RENDERS} /render/<run table>.png in a row; serve + Chromium memory ${before} MB after the first, ${peak} MB peak, ${after} MB after the last; every 10 renders: ${samples.join(', ')} MB (mean of the first half ${mean(samples.slice(0, half))}, of the second ${mean(samples.slice(half))})`,
        },
      ];
    } finally {
      await serve.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
