// MLflow 3 LoggedModels: `log_model` and autolog store models outside the run's artifacts
// (docs/mlflow-wire.md, Logged models), so a run's models are found with logged-models/search
// by source run, and an experiment's with the same search by experiment.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { ApiError } from './api-error.ts';
import { requestJson } from './client.ts';
import { double, id, int64, keyValue, list, pageToken } from './wire.ts';
import { PROXY_BASE } from '../../contract/runlens-http.ts';

const API = `${PROXY_BASE}/api/2.0/mlflow`;

/**
 * A metric of a model. A key can appear more than once: per dataset it was evaluated on, and per
 * step; `run_id` is the run that logged it, not always the model's source run (GridSearchCV's
 * best_estimator carries its best child's scores).
 */
const modelMetric = z.pipe(
  z.object({
    key: z.string(),
    value: z._default(double, NaN),
    step: z._default(int64, 0),
    timestamp: z.optional(int64),
    dataset_name: z.optional(z.string()),
    dataset_digest: z.optional(z.string()),
    run_id: z.optional(z.string()),
  }),
  z.transform((metric) => ({
    key: metric.key,
    value: metric.value,
    step: metric.step,
    timestamp: metric.timestamp,
    datasetName: metric.dataset_name || undefined,
    datasetDigest: metric.dataset_digest || undefined,
    runId: metric.run_id || undefined,
  })),
);
export type LoggedModelMetric = z.output<typeof modelMetric>;

const loggedModelSchema = z.pipe(
  z.object({
    info: z.object({
      model_id: id,
      experiment_id: z.optional(id),
      name: z._default(z.string(), ''),
      creation_timestamp_ms: z.optional(int64),
      artifact_uri: z.optional(z.string()),
      status: z.optional(z.string()),
      model_type: z.optional(z.string()),
      source_run_id: z.optional(z.string()),
      tags: list(keyValue),
    }),
    // Absent when the model has neither metrics nor params (protobuf JSON omits empty fields).
    data: z._default(z.object({ metrics: list(modelMetric), params: list(keyValue) }), { metrics: [], params: [] }),
  }),
  z.transform(({ info, data }) => ({
    modelId: info.model_id,
    experimentId: info.experiment_id,
    name: info.name,
    createdAt: info.creation_timestamp_ms,
    artifactUri: info.artifact_uri,
    status: info.status ?? 'UNKNOWN',
    modelType: info.model_type || undefined,
    // A model can be logged outside any run (mlflow.initialize_logged_model): no source run.
    sourceRunId: info.source_run_id || undefined,
    tags: info.tags,
    metrics: data.metrics,
    params: data.params,
  })),
);
export type LoggedModel = z.output<typeof loggedModelSchema>;

const searchResponse = z.object({ models: list(loggedModelSchema), next_page_token: pageToken });

/** The proto caps logged-models/search at 50 per page. */
export const LOGGED_MODEL_PAGE_SIZE = 50;
const MAX_PAGES = 20;

/**
 * A server without LoggedModels (MLflow 2.x, FastTrackML) answers the endpoint with 404,
 * ENDPOINT_NOT_FOUND or 501: "this server keeps no logged models", not a failure.
 */
export function isLoggedModelsUnsupported(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 404 || err.status === 501 || err.errorCode === 'ENDPOINT_NOT_FOUND');
}

/** One order_by entry: `name`, `creation_timestamp`, `status`… or `metrics.<key>` (the server sorts by nothing else). */
export interface LoggedModelOrder {
  field: string;
  ascending: boolean;
}

export interface LoggedModelSearchParams {
  experimentIds: readonly string[];
  /** MLflow's logged-model filter syntax (`name LIKE '%x%' AND metrics.acc > 0.9`); empty for all. */
  filter: string;
  /** Newest first when absent, as the server orders. */
  orderBy?: LoggedModelOrder | undefined;
}

interface PageRequest extends LoggedModelSearchParams {
  pageToken?: string | undefined;
  maxResults?: number;
}

async function searchPage(params: PageRequest, signal?: AbortSignal) {
  return requestJson(
    {
      // POST only; the proxy makes MLflow ≥ 3.5's origin check see no Origin.
      method: 'POST',
      path: `${API}/logged-models/search`,
      body: {
        experiment_ids: params.experimentIds,
        filter: params.filter || undefined,
        // Ties (a metric few models have, equal names) keep the server's own tie-break: newest first, then id.
        order_by: params.orderBy ? [{ field_name: params.orderBy.field, ascending: params.orderBy.ascending }] : undefined,
        max_results: params.maxResults ?? LOGGED_MODEL_PAGE_SIZE,
        page_token: params.pageToken,
      },
      signal,
    },
    searchResponse,
  );
}

/**
 * The run's LoggedModels. Servers without them (MLflow 2.x, FastTrackML) answer 404 or
 * ENDPOINT_NOT_FOUND: that means "no logged models", not an error for the artifact panel.
 */
export async function searchRunLoggedModels(experimentId: string, runId: string, signal?: AbortSignal): Promise<LoggedModel[]> {
  const models: LoggedModel[] = [];
  let token: string | undefined;
  const filter = `source_run_id = '${quote(runId)}'`;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await searchPage({ experimentIds: [experimentId], filter, pageToken: token }, signal);
      models.push(...body.models.filter((model) => model.sourceRunId === undefined || model.sourceRunId === runId));
      if (!body.next_page_token || body.next_page_token === token || body.models.length === 0) break;
      token = body.next_page_token;
    }
  } catch (err) {
    if (isLoggedModelsUnsupported(err)) return [];
    throw err;
  }
  return models.sort((a, b) => a.name.localeCompare(b.name) || a.modelId.localeCompare(b.modelId));
}

export interface LoggedModelPage {
  models: LoggedModel[];
  nextPageToken: string | undefined;
  /** The server has no logged-models endpoint (MLflow 2.x, FastTrackML): a notice, not an error. */
  unsupported: boolean;
}

/** One page of an experiment's LoggedModels, as the server filters and orders them. */
export async function searchLoggedModels(params: PageRequest, signal?: AbortSignal): Promise<LoggedModelPage> {
  try {
    const body = await searchPage(params, signal);
    return { models: body.models, nextPageToken: body.next_page_token || undefined, unsupported: false };
  } catch (err) {
    if (isLoggedModelsUnsupported(err)) return { models: [], nextPageToken: undefined, unsupported: true };
    throw err;
  }
}

/** Next token, or undefined when paging is over (absent, repeated, or an empty page). */
export function nextLoggedModelPageToken(last: LoggedModelPage, all: readonly LoggedModelPage[]): string | undefined {
  const token = last.nextPageToken;
  if (!token || last.models.length === 0) return undefined;
  return all.slice(0, -1).some((page) => page.nextPageToken === token) ? undefined : token;
}

/** A single-quoted filter string's body: backslashes and quotes escaped. */
function quote(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}

/** Models whose name contains `text`, case-insensitively (% and _ stay wildcards, as in MLflow's own UI). */
export function loggedModelNameFilter(text: string): string {
  const trimmed = text.trim();
  return trimmed ? `name ILIKE '%${quote(trimmed)}%'` : '';
}

export const loggedModelKeys = {
  all: ['logged-models'] as const,
  byRun: (experimentId: string, runId: string) => ['logged-models', 'by-run', { experimentId, runId }] as const,
  search: (params: LoggedModelSearchParams) => ['logged-models', 'search', params] as const,
};

export function runLoggedModelsQueryOptions(experimentId: string, runId: string) {
  return queryOptions({
    queryKey: loggedModelKeys.byRun(experimentId, runId),
    queryFn: ({ signal }) => searchRunLoggedModels(experimentId, runId, signal),
    staleTime: 60_000,
  });
}

/** An experiment's LoggedModels, 50 a page, filtered and ordered by the server. */
export function loggedModelSearchQueryOptions(params: LoggedModelSearchParams) {
  return infiniteQueryOptions({
    queryKey: loggedModelKeys.search(params),
    queryFn: ({ pageParam, signal }) => searchLoggedModels({ ...params, pageToken: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextLoggedModelPageToken,
  });
}
