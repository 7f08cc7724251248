// MLflow experiments: wire schema, fetchers, query keys and query options.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { requestJson, type RequestSpec } from './client.ts';
import { id, int64, keyValue, lifecycleStage, list, pageToken, type ViewType } from './wire.ts';
import { PROXY_BASE } from '../../contract/runlens-http.ts';

const API = `${PROXY_BASE}/api/2.0/mlflow`;

export const experimentSchema = z.object({
  experiment_id: id,
  name: z._default(z.string(), ''),
  artifact_location: z.optional(z.string()),
  lifecycle_stage: z._default(lifecycleStage, 'active'),
  creation_time: z.optional(int64),
  last_update_time: z.optional(int64),
  tags: list(keyValue),
});
export type Experiment = z.infer<typeof experimentSchema>;

const searchResponse = z.object({
  experiments: list(experimentSchema),
  next_page_token: pageToken,
});
export type ExperimentPage = z.infer<typeof searchResponse>;

const getResponse = z.object({ experiment: experimentSchema });

/**
 * Page size for experiments/search. The proto promises servers accept ≥ 1000; OSS allows 50,000,
 * but 1000 keeps the first page quick on slow backends while the rest streams in.
 */
export const EXPERIMENT_PAGE_SIZE = 1000;

export interface ExperimentSearchParams {
  viewType: ViewType;
  /** Server-side filter; empty means every experiment. */
  nameContains: string;
}

export function experimentNameFilter(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  // ILIKE is portable (RLIKE is not); quotes and LIKE wildcards in the text are escaped.
  const escaped = trimmed
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/[%_]/g, (c) => `\\${c}`);
  return `name ILIKE '%${escaped}%'`;
}

/** One experiments/search page; also primed at navigation by src/app/main.tsx. */
export function experimentSearchRequest(params: ExperimentSearchParams & { pageToken?: string | undefined }): RequestSpec {
  // GET: experiments/search accepts both; GET also passes MLflow >= 3.5's origin check unproxied.
  return {
    path: `${API}/experiments/search`,
    query: {
      max_results: EXPERIMENT_PAGE_SIZE,
      view_type: params.viewType,
      filter: experimentNameFilter(params.nameContains),
      page_token: params.pageToken,
    },
  };
}

export async function searchExperiments(
  params: ExperimentSearchParams & { pageToken?: string | undefined },
  signal?: AbortSignal,
): Promise<ExperimentPage> {
  return requestJson({ ...experimentSearchRequest(params), signal }, searchResponse);
}

/** The experiments/get request; also primed at navigation by src/app/main.tsx. */
export const experimentRequest = (experimentId: string): RequestSpec => ({
  path: `${API}/experiments/get`,
  query: { experiment_id: experimentId },
});

export async function getExperiment(experimentId: string, signal?: AbortSignal): Promise<Experiment> {
  const body = await requestJson({ ...experimentRequest(experimentId), signal }, getResponse);
  return body.experiment;
}

export const experimentKeys = {
  all: ['experiments'] as const,
  search: (params: ExperimentSearchParams) => ['experiments', 'search', params] as const,
  detail: (experimentId: string) => ['experiments', 'detail', { experimentId }] as const,
};

/** Next token, or undefined when paging is over (absent, empty, repeated or an empty page). */
export function nextExperimentPageToken(last: ExperimentPage, all: readonly ExperimentPage[]): string | undefined {
  const token = last.next_page_token;
  if (!token || last.experiments.length === 0) return undefined;
  const seen = all.slice(0, -1).some((page) => page.next_page_token === token);
  return seen ? undefined : token;
}

export function experimentSearchQueryOptions(params: ExperimentSearchParams) {
  return infiniteQueryOptions({
    queryKey: experimentKeys.search(params),
    queryFn: ({ pageParam, signal }) => searchExperiments({ ...params, pageToken: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextExperimentPageToken,
  });
}

export function experimentQueryOptions(experimentId: string) {
  return queryOptions({
    queryKey: experimentKeys.detail(experimentId),
    queryFn: ({ signal }) => getExperiment(experimentId, signal),
  });
}
