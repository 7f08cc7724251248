// MLflow runs: wire schema, fetchers, query keys and query options.
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { requestJson, type RequestSpec } from './client.ts';
import { id, int64, keyValue, lifecycleStage, list, pageToken, toDouble, type ViewType } from './wire.ts';
import { PROXY_BASE } from '../../contract/runlens-http.ts';
import { RUN_SEARCH_PATH, runSearchBody } from '../../contract/run-table-request.ts';

const API = `${PROXY_BASE}/api/2.0/mlflow`;

export const RUN_STATUSES = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number] | 'UNKNOWN';

/** A run whose values may still change: what live refresh watches (refresh= in the URL). */
export const isLiveStatus = (status: string | undefined): boolean => status === 'RUNNING' || status === 'SCHEDULED';

/** Key → value maps without a prototype, so keys such as `__proto__` or `constructor` are plain keys. */
function toRecord<V>(entries: readonly { key: string; value: V }[]): Readonly<Record<string, V>> {
  const record = Object.create(null) as Record<string, V>;
  for (const { key, value } of entries) record[key] = value;
  return record;
}

/**
 * Latest metric values, key → value. A run can hold 1,500 metrics and a page 50,000 entries, so
 * the list is checked by zod as a list and each entry normalised by one plain loop (a zod object
 * per metric costs several times the JSON parse), with wire.ts's `double` rules.
 */
function toMetricRecord(entries: readonly unknown[]): Readonly<Record<string, number>> {
  const record = Object.create(null) as Record<string, number>;
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { key, value } = entry as { key?: unknown; value?: unknown };
    if (typeof key === 'string') record[key] = toDouble(value);
  }
  return record;
}

const NO_STEPPED_METRICS: Readonly<Record<string, true>> = Object.freeze(Object.create(null) as Record<string, true>);

/**
 * Metric keys whose latest value was logged at a step other than 0: they have a history worth a
 * line chart. `log_metric` without a step logs step 0, so a metric logged once (a final score,
 * GridSearchCV's mean_test_score) is absent here and is drawn as a bar. Only the few stepped
 * keys are kept, so 100,000 runs of single-step metrics cost nothing extra.
 */
function toSteppedMetrics(entries: readonly unknown[]): Readonly<Record<string, true>> {
  let record: Record<string, true> | undefined;
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { key, step } = entry as { key?: unknown; step?: unknown };
    // int64 as a number or a string (docs/mlflow-wire.md); absent means 0.
    if (typeof key === 'string' && step !== undefined && step !== 0 && step !== '0')
      (record ??= Object.create(null) as Record<string, true>)[key] = true;
  }
  return record ?? NO_STEPPED_METRICS;
}

/** A dataset the run used (mlflow.log_input). schema and profile arrive as JSON strings, parsed where shown. */
const datasetInput = z.object({
  tags: list(keyValue),
  dataset: z.object({
    name: z._default(z.string(), ''),
    digest: z._default(z.string(), ''),
    source_type: z._default(z.string(), ''),
    source: z._default(z.string(), ''),
    schema: z.optional(z.string()),
    profile: z.optional(z.string()),
  }),
});
export type DatasetInput = z.output<typeof datasetInput>;

const runSchema = z.pipe(
  z.object({
    info: z.object({
      run_id: z.optional(id),
      // run_uuid is the deprecated duplicate some older servers send alone.
      run_uuid: z.optional(id),
      run_name: z.optional(z.string()),
      experiment_id: id,
      user_id: z.optional(z.string()),
      status: z.optional(z.string()),
      start_time: z.optional(int64),
      end_time: z.optional(int64),
      artifact_uri: z.optional(z.string()),
      lifecycle_stage: z._default(lifecycleStage, 'active'),
    }),
    data: z._default(z.object({ metrics: list(z.unknown()), params: list(keyValue), tags: list(keyValue) }), {
      metrics: [],
      params: [],
      tags: [],
    }),
    // Absent on servers before 2.4 (inputs) and 3.0 (outputs).
    inputs: z.optional(z.object({ dataset_inputs: list(datasetInput) })),
    outputs: z.optional(z.object({ model_outputs: list(z.object({ model_id: z.string(), step: z.optional(int64) })) })),
  }),
  z.transform(({ info, data, inputs, outputs }) => {
    const tags = toRecord(data.tags);
    const runId = info.run_id ?? info.run_uuid ?? '';
    const status = (RUN_STATUSES as readonly string[]).includes(info.status ?? '') ? (info.status as RunStatus) : 'UNKNOWN';
    return {
      runId,
      experimentId: info.experiment_id,
      // The name lives in run_name on 2.x+, in the mlflow.runName tag on older servers.
      name: info.run_name || tags['mlflow.runName'] || '',
      status,
      startTime: info.start_time,
      endTime: info.end_time,
      user: tags['mlflow.user'] ?? info.user_id ?? '',
      artifactUri: info.artifact_uri,
      lifecycleStage: info.lifecycle_stage,
      parentRunId: tags['mlflow.parentRunId'],
      metrics: toMetricRecord(data.metrics),
      steppedMetrics: toSteppedMetrics(data.metrics),
      params: toRecord(data.params),
      tags,
      datasets: inputs?.dataset_inputs ?? [],
      /** LoggedModel ids this run produced (MLflow 3). */
      modelIds: (outputs?.model_outputs ?? []).map((output) => output.model_id),
      /** Artifact folders of models logged the MLflow 2 way (tag mlflow.log-model.history). */
      modelPaths: modelHistoryPaths(tags['mlflow.log-model.history']),
    };
  }),
);
export type Run = z.output<typeof runSchema>;

/** The artifact paths in a mlflow.log-model.history tag (a JSON list); nothing when it is absent or malformed. */
export function modelHistoryPaths(tag: string | undefined): string[] {
  if (!tag) return [];
  try {
    const entries: unknown = JSON.parse(tag);
    if (!Array.isArray(entries)) return [];
    const paths = entries.map((entry: unknown) =>
      entry && typeof entry === 'object' ? (entry as Record<string, unknown>)['artifact_path'] : undefined,
    );
    return [...new Set(paths.filter((path): path is string => typeof path === 'string' && path !== ''))];
  } catch {
    return [];
  }
}

const searchResponse = z.object({ runs: list(runSchema), next_page_token: pageToken });
export type RunPage = z.infer<typeof searchResponse>;
const getResponse = z.object({ run: runSchema });

import { FIRST_RUN_PAGE_SIZE, MAX_RUN_PAGE_SIZE } from './run-page-size.ts';

export { FIRST_RUN_PAGE_SIZE, MAX_RUN_PAGE_SIZE, nextRunPageSize } from './run-page-size.ts';

export interface RunSearchParams {
  experimentIds: readonly string[];
  /** MLflow search syntax, evaluated by the server; empty for all runs. */
  filter: string;
  viewType: ViewType;
  /** MLflow order_by clauses, e.g. `metrics.\`rmse\` ASC`; start time, newest first, when absent. */
  orderBy?: readonly string[];
}

export interface RunPageParam {
  pageToken?: string | undefined;
  maxResults: number;
}

/** The runs/search request for one page; also what src/app/main.tsx primes at navigation. */
export function runSearchRequest(params: RunSearchParams & RunPageParam): RequestSpec {
  // POST only (runs/search has no GET); the proxy makes MLflow ≥ 3.5's origin check see no Origin.
  // The body's shape is shared with `runlens serve`, which sends the run table's first page early
  // and matches the page's request by its bytes (contract/run-table-request.ts).
  return { method: 'POST', path: RUN_SEARCH_PATH, body: runSearchBody(params) };
}

export async function searchRuns(params: RunSearchParams & RunPageParam, signal?: AbortSignal): Promise<RunPage> {
  return requestJson({ ...runSearchRequest(params), signal }, searchResponse);
}

export async function getRun(runId: string, signal?: AbortSignal): Promise<Run> {
  return (await requestJson({ path: `${API}/runs/get`, query: { run_id: runId }, signal }, getResponse)).run;
}

export const runKeys = {
  all: ['runs'] as const,
  search: (params: RunSearchParams) => ['runs', 'search', params] as const,
  detail: (runId: string) => ['runs', 'detail', { runId }] as const,
  children: (experimentId: string, runId: string) => ['runs', 'children', { experimentId, runId }] as const,
  ancestors: (parentIds: readonly string[]) => ['runs', 'ancestors', { parentIds }] as const,
  top: (params: TopRunsParams) => ['runs', 'top', params] as const,
  names: (experimentIds: readonly string[], runIds: readonly string[]) => ['runs', 'names', { experimentIds, runIds }] as const,
};

export interface TopRunsParams {
  experimentIds: readonly string[];
  filter: string;
  /** attributes.start_time, metrics.<key>, params.<key> or tags.<key>. */
  orderByKey: string;
  orderByAsc: boolean;
  count: number;
}

/** An order_by clause for a column id; the key is backtick-quoted (keys may hold dots and spaces, never backticks). */
export function orderByClause(orderByKey: string, ascending: boolean): string {
  const dot = orderByKey.indexOf('.');
  const [kind, key] = dot < 0 ? ['attributes', orderByKey] : [orderByKey.slice(0, dot), orderByKey.slice(dot + 1)];
  const direction = ascending ? 'ASC' : 'DESC';
  // Attribute names are plain identifiers; only keys are quoted.
  return kind === 'attributes' ? `attributes.${key} ${direction}` : `${kind}.\`${key}\` ${direction}`;
}

/** The first `count` active runs of a query, in the server's order: one request (count ≤ 1,000). */
export function topRunsQueryOptions(params: TopRunsParams) {
  return queryOptions({
    queryKey: runKeys.top(params),
    queryFn: ({ signal }) =>
      searchRuns(
        {
          experimentIds: params.experimentIds,
          filter: params.filter,
          viewType: 'ACTIVE_ONLY',
          // Start time breaks ties, so equal scores come in a stable order.
          orderBy: [orderByClause(params.orderByKey, params.orderByAsc), 'attributes.start_time DESC'],
          maxResults: Math.min(params.count, MAX_RUN_PAGE_SIZE),
        },
        signal,
      ).then((page) => page.runs),
  });
}

/** The first page's parameters: a small page, so the first rows show at once. */
export const FIRST_RUN_PAGE: RunPageParam = { maxResults: FIRST_RUN_PAGE_SIZE };

export function runSearchQueryOptions(params: RunSearchParams) {
  return queryOptions({
    queryKey: runKeys.search(params),
    // The paging engine loads with the first request rather than with the first page's code (it
    // is not needed to list experiments); the first runs/search is already on its way (primed).
    queryFn: async (context) => (await import('./run-pages.ts')).streamRunPages(searchRuns, params, context),
    // Each request is retried by itself (withQuietRetries); starting the whole paging again would
    // throw away every page already in.
    retry: false,
  });
}

/** Direct children of a run (tag mlflow.parentRunId), deleted ones included, up to one page of 1,000. */
export function childRunsQueryOptions(experimentId: string, runId: string) {
  return queryOptions({
    queryKey: runKeys.children(experimentId, runId),
    queryFn: ({ signal }) => {
      const escaped = runId.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
      const filter = `tags.mlflow.parentRunId = '${escaped}'`;
      return searchRuns({ experimentIds: [experimentId], filter, viewType: 'ALL', maxResults: MAX_RUN_PAGE_SIZE }, signal).then(
        (page) => page.runs,
      );
    },
  });
}

export function runQueryOptions(runId: string) {
  return queryOptions({ queryKey: runKeys.detail(runId), queryFn: ({ signal }) => getRun(runId, signal) });
}

/** How far up a chain of missing parents is followed before giving up. */
const MAX_ANCESTOR_DEPTH = 50;

/**
 * Fetches parents that are not among the loaded runs, then their parents, up the chain.
 * Parents that no longer exist (deleted and garbage-collected) are skipped, not errors.
 * (A fetched ancestor that is also loaded is harmless: loaded runs take precedence.)
 */
export async function getMissingAncestors(parentIds: readonly string[], signal?: AbortSignal): Promise<Run[]> {
  const found: Run[] = [];
  const seen = new Set<string>();
  let wanted = parentIds.filter((runId) => !seen.has(runId));
  for (let depth = 0; wanted.length > 0 && depth < MAX_ANCESTOR_DEPTH; depth++) {
    wanted.forEach((runId) => seen.add(runId));
    const runs = await Promise.all(wanted.map((runId) => getRun(runId, signal).catch(() => null)));
    const next: string[] = [];
    for (const run of runs) {
      if (!run) continue;
      found.push(run);
      if (run.parentRunId && !seen.has(run.parentRunId)) next.push(run.parentRunId);
    }
    wanted = [...new Set(next)];
  }
  return found;
}

export function missingAncestorsQueryOptions(parentIds: readonly string[]) {
  return queryOptions({
    queryKey: runKeys.ancestors(parentIds),
    queryFn: ({ signal }) => getMissingAncestors(parentIds, signal),
    enabled: parentIds.length > 0,
  });
}

/**
 * Names of a few runs (deleted ones too), run id → name, in one runs/search: for a table that
 * shows runs beside something else (a LoggedModel's source run). Up to 1,000 ids.
 */
export function runNamesQueryOptions(experimentIds: readonly string[], runIds: readonly string[]) {
  return queryOptions({
    queryKey: runKeys.names(experimentIds, runIds),
    queryFn: async ({ signal }) => {
      const quoted = runIds.map((runId) => `'${runId.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
      const page = await searchRuns(
        {
          experimentIds,
          filter: `attributes.run_id IN (${quoted.join(', ')})`,
          viewType: 'ALL',
          maxResults: Math.min(Math.max(runIds.length, 1), MAX_RUN_PAGE_SIZE),
        },
        signal,
      );
      return new Map(page.runs.map((run) => [run.runId, run.name]));
    },
    enabled: runIds.length > 0,
    // A run's name rarely changes; every page of models asks for its own runs' names once.
    staleTime: 5 * 60_000,
  });
}
