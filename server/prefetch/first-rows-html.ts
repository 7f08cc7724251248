// The run table's first rows drawn by the server, into index.html, from the runs/search answer it
// fetched at navigation (run-table-prefetch.ts): a still picture the page shows before its code
// has run, which the app moves into the table's place and removes once the table itself is drawn
// (src/app/first-rows-preview.ts). Plain escaped HTML: no script, no link, no style attribute
// (the page's CSP allows neither inline scripts nor inline styles); its CSS is in the entry's
// stylesheet. Why and how it is measured: docs/first-rows.md.
import { FIRST_ROWS_PREVIEW_ID } from '../../contract/runlens-http.ts';
import { compareText } from '../../contract/display/compare.ts';
import { formatTimestamp, setDisplayTimeZone } from '../../contract/display/format-time.ts';
import { formatDuration, formatMetric } from '../../contract/display/format-value.ts';

/** Rows drawn: more than a tall window shows; the table replaces them within a second. */
export const PREVIEW_MAX_ROWS = 40;
/** Param and metric columns drawn, params first as in the table; the rest are off to the right anyway. */
export const PREVIEW_MAX_KEY_COLUMNS = 12;
/** Longer texts are cut, as the table cuts them (its full-text view is for the real table). */
const MAX_CELL_CHARS = 200;

interface WireKeyValue {
  key?: unknown;
  value?: unknown;
}

interface PreviewRun {
  id: string;
  name: string;
  status: string;
  start?: number;
  end?: number;
  user: string;
  source: string;
  parentId?: string;
  params: Map<string, string>;
  metrics: Map<string, number>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

const int64 = (value: unknown): number | undefined => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

// protobuf JSON writes NaN and the infinities as strings (as src/api/wire.ts reads them).
const double = (value: unknown): number => (typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN);

const pairs = (list: unknown): WireKeyValue[] =>
  Array.isArray(list) ? (list as WireKeyValue[]).filter((p) => p && typeof p === 'object') : [];

function toRun(raw: unknown): PreviewRun | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { info, data } = raw as { info?: Record<string, unknown>; data?: Record<string, unknown> };
  const id = text(info?.['run_id'] ?? info?.['run_uuid']);
  if (!info || !id) return undefined;
  const tags = new Map(pairs(data?.['tags']).map((t) => [text(t.key), text(t.value)]));
  return {
    id,
    name: text(info['run_name']) || tags.get('mlflow.runName') || id,
    status: text(info['status']),
    start: int64(info['start_time']),
    end: int64(info['end_time']),
    user: text(info['user_id']) || tags.get('mlflow.user') || '',
    source: tags.get('mlflow.source.name') ?? '',
    parentId: tags.get('mlflow.parentRunId') || undefined,
    params: new Map(pairs(data?.['params']).map((p) => [text(p.key), text(p.value)])),
    metrics: new Map(pairs(data?.['metrics']).map((m) => [text(m.key), double(m.value)])),
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const cell = (value: string): string => {
  const cut = value.length > MAX_CELL_CHARS ? `${value.slice(0, MAX_CELL_CHARS)}…` : value;
  return escapeHtml(cut);
};

/** Status words and badge classes as the table's status cell draws them. */
const STATUS_LABELS: Record<string, string> = {
  RUNNING: 'Running',
  SCHEDULED: 'Scheduled',
  FINISHED: 'Finished',
  FAILED: 'Failed',
  KILLED: 'Killed',
};

function statusBadge(status: string): string {
  const label = STATUS_LABELS[status];
  return label
    ? `<span class="status status--${status.toLowerCase()}">${label}</span>`
    : `<span class="status status--unknown">${cell(status || 'Unknown')}</span>`;
}

function sortedKeys(runs: readonly PreviewRun[], of: (run: PreviewRun) => Map<string, unknown>): string[] {
  const keys = new Set<string>();
  for (const run of runs) for (const key of of(run).keys()) if (key) keys.add(key);
  return [...keys].sort(compareText);
}

/**
 * The table's top rows as the table nests them: a run whose parent is on the page sits under it
 * (collapsed, counted on the parent's row); every other run is a row of its own, in the server's
 * order (the table's default: newest first).
 */
function topRows(runs: readonly PreviewRun[]): { run: PreviewRun; children: number }[] {
  const ids = new Set(runs.map((run) => run.id));
  const children = new Map<string, number>();
  for (const run of runs)
    if (run.parentId && run.parentId !== run.id && ids.has(run.parentId)) children.set(run.parentId, (children.get(run.parentId) ?? 0) + 1);
  return runs
    .filter((run) => !(run.parentId && run.parentId !== run.id && ids.has(run.parentId)))
    .map((run) => ({ run, children: children.get(run.id) ?? 0 }));
}

/**
 * The element that holds the rows, opened as soon as the page is served (so a slow tracking
 * server shows a line of text, not a blank page), closed by FIRST_ROWS_CLOSE. `inert` and
 * `aria-hidden`: a picture of rows that assistive technology meets once, in the table.
 */
export const FIRST_ROWS_OPEN =
  `<div id="${FIRST_ROWS_PREVIEW_ID}" class="first-rows" inert aria-hidden="true">` +
  `<p class="first-rows__note">Loading the run table…</p>`;
export const FIRST_ROWS_CLOSE = '</div>';

/**
 * The rows' HTML for a runs/search answer (inside FIRST_ROWS_OPEN … FIRST_ROWS_CLOSE), or
 * undefined when there is nothing to draw (no runs, an answer that is not what MLflow sends).
 * `timeZone` is the link's tz= (else the server's own zone: the viewer's is not known before the
 * page runs).
 */
export function firstRowsHtml(body: Buffer | string, timeZone?: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof body === 'string' ? body : body.toString('utf8'));
  } catch {
    return undefined;
  }
  const rawRuns = parsed && typeof parsed === 'object' ? (parsed as { runs?: unknown }).runs : undefined;
  if (!Array.isArray(rawRuns)) return undefined;
  const runs = rawRuns.map(toRun).filter((run): run is PreviewRun => run !== undefined);
  const rows = topRows(runs).slice(0, PREVIEW_MAX_ROWS);
  if (rows.length === 0) return undefined;

  const params = sortedKeys(runs, (run) => run.params);
  const metrics = sortedKeys(runs, (run) => run.metrics);
  const keyColumns = [
    ...params.map((key) => ({ kind: 'param' as const, key })),
    ...metrics.map((key) => ({ kind: 'metric' as const, key })),
  ].slice(0, PREVIEW_MAX_KEY_COLUMNS);

  setDisplayTimeZone(timeZone);
  try {
    const head = ['Run name', 'Status', 'Started', 'Duration', 'User', 'Source', ...keyColumns.map((c) => c.key)]
      .map((name) => `<th scope="col">${cell(name)}</th>`)
      .join('');
    const body = rows
      .map(({ run, children }) => {
        const childCount = children > 0 ? ` <span class="child-count">${children} ${children === 1 ? 'child' : 'children'}</span>` : '';
        const duration = run.start !== undefined && run.end !== undefined && run.end > 0 ? formatDuration(run.end - run.start) : '—';
        const keys = keyColumns.map((column) =>
          column.kind === 'param'
            ? `<td>${cell(run.params.get(column.key) ?? '')}</td>`
            : `<td class="cell-number">${cell(formatMetric(run.metrics.get(column.key)))}</td>`,
        );
        return (
          `<tr><th scope="row"><span class="run-name__text">${cell(run.name)}</span>${childCount}</th>` +
          `<td>${statusBadge(run.status)}</td><td>${cell(formatTimestamp(run.start))}</td><td>${cell(duration)}</td>` +
          `<td>${cell(run.user)}</td><td>${cell(run.source)}</td>${keys.join('')}</tr>`
        );
      })
      .join('');
    return `<div class="run-table-scroll"><table class="data-table first-rows__table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
  } finally {
    setDisplayTimeZone(undefined);
  }
}
