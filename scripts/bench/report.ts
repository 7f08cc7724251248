// The printed table: each row's numbers, the ratios the targets use, and PASS/MISS per target.
import type { Result } from './measure.ts';

const fmt = (v: number | null | undefined, unit = 'ms') =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : `${v.toLocaleString('en-US')} ${unit}`;

interface Target {
  row: string;
  text: string;
  check: (r: Result) => boolean | undefined;
}

const TARGETS: Target[] = [
  {
    row: '10k-runs first rows',
    text: 'Runlens ≤ 0.5 × mlflow ui',
    check: (r) => (r.runlens_ms !== null && r.mlflow_ui_ms !== null ? r.runlens_ms <= 0.5 * r.mlflow_ui_ms : undefined),
  },
  {
    row: '10k-runs first rows',
    text: 'Runlens ≤ raw first page + 150 ms',
    check: (r) => (r.runlens_ms !== null && r.raw_api_ms !== null ? r.runlens_ms <= r.raw_api_ms + 150 : undefined),
  },
  {
    row: '10k-runs all rows',
    text: 'Runlens ≤ 0.7 × raw sequential paging (pages of 1,000, as mlflow.search_runs)',
    check: (r) => (r.runlens_ms !== null && r.raw_api_ms !== null ? r.runlens_ms <= 0.7 * r.raw_api_ms : undefined),
  },
  {
    row: '10k-runs bytes',
    text: 'bytes on the wire ≤ 15 % of the uncompressed bodies',
    check: (r) => (r.runlens_bytes !== undefined && r.raw_bytes ? r.runlens_bytes <= 0.15 * r.raw_bytes : undefined),
  },
  { row: '10k-runs heap', text: 'JS heap < 150 MB', check: (r) => (r.runlens_heap_mb === undefined ? undefined : r.runlens_heap_mb < 150) },
  {
    row: '1500x1500 open',
    text: 'no task > 200 ms while opening',
    check: (r) => (r.max_task_ms === null ? undefined : r.max_task_ms <= 200),
  },
  {
    row: '1500x1500 scroll',
    text: 'no task > 200 ms while scrolling',
    check: (r) => (r.max_task_ms === null ? undefined : r.max_task_ms <= 200),
  },
  {
    row: 'chart 10x100k drawn',
    text: 'every point drawn ≤ 1.2 × raw history fetch',
    check: (r) => (r.runlens_ms !== null && r.raw_api_ms !== null ? r.runlens_ms <= 1.2 * r.raw_api_ms : undefined),
  },
  { row: 'chart 10x100k drawn', text: 'no task > 200 ms', check: (r) => (r.max_task_ms === null ? undefined : r.max_task_ms <= 200) },
  {
    row: 'chart 1M-step run drawn',
    text: 'every point drawn ≤ 1.2 × raw history fetch',
    check: (r) => (r.runlens_ms !== null && r.raw_api_ms !== null ? r.runlens_ms <= 1.2 * r.raw_api_ms : undefined),
  },
  { row: 'chart 1M-step run drawn', text: 'no task > 200 ms', check: (r) => (r.max_task_ms === null ? undefined : r.max_task_ms <= 200) },
  {
    row: '100k-runs scroll',
    text: 'no task > 100 ms while scrolling',
    check: (r) => (r.max_task_ms === null ? undefined : r.max_task_ms <= 100),
  },
  { row: 'compare 100 runs', text: 'no task > 200 ms', check: (r) => (r.max_task_ms === null ? undefined : r.max_task_ms <= 200) },
  {
    row: 'brush 500 runs',
    text: 'no task > 50 ms while brushing',
    check: (r) => (r.max_task_ms === null ? undefined : r.max_task_ms <= 50),
  },
  {
    row: 'brush 500 runs',
    text: 'JS heap < 200 MB with 500 runs compared',
    check: (r) => (r.runlens_heap_mb === undefined ? undefined : r.runlens_heap_mb < 200),
  },
  { row: 'sweep 1,000 children', text: 'no task > 200 ms', check: (r) => (r.max_task_ms === null ? undefined : r.max_task_ms <= 200) },
];

export function report(results: Result[], quick: boolean): string {
  const lines = [
    '',
    `Runlens benchmark${quick ? ' (--quick: one tenth of the sizes; targets are for the full sizes)' : ''}`,
    '',
    `${'name'.padEnd(22)}${'runlens'.padStart(12)}${'mlflow ui'.padStart(12)}${'raw api'.padStart(12)}${'max task'.padStart(12)}  ratios`,
  ];
  for (const r of results) {
    const ratios = [];
    if (r.runlens_ms !== null && r.mlflow_ui_ms) ratios.push(`runlens/ui ${(r.runlens_ms / r.mlflow_ui_ms).toFixed(2)}`);
    if (r.runlens_ms !== null && r.raw_api_ms)
      ratios.push(`runlens/raw ${(r.runlens_ms / r.raw_api_ms).toFixed(2)}`, `runlens−raw ${r.runlens_ms - r.raw_api_ms} ms`);
    if (r.runlens_heap_mb !== undefined) ratios.push(`heap ${r.runlens_heap_mb} MB`);
    if (r.runlens_bytes !== undefined && r.raw_bytes)
      ratios.push(
        `bytes ${(r.runlens_bytes / 1e6).toFixed(2)} MB / ${(r.raw_bytes / 1e6).toFixed(2)} MB = ${((100 * r.runlens_bytes) / r.raw_bytes).toFixed(1)} %`,
      );
    lines.push(
      `${r.name.padEnd(22)}${fmt(r.runlens_ms).padStart(12)}${fmt(r.mlflow_ui_ms).padStart(12)}${fmt(r.raw_api_ms).padStart(12)}${fmt(r.max_task_ms).padStart(12)}  ${ratios.join(', ')}`,
    );
  }
  const notes = results.filter((r) => r.note);
  if (notes.length > 0) lines.push('', 'Notes:', ...notes.map((r) => `  ${r.name}: ${r.note}`));
  lines.push('', 'Targets:');
  for (const target of TARGETS) {
    const row = results.find((r) => r.name === target.row);
    const ok = row ? target.check(row) : undefined;
    lines.push(`  ${ok === undefined ? 'n/a ' : ok ? 'PASS' : 'MISS'}  ${target.row}: ${target.text}`);
  }
  return lines.join('\n');
}
