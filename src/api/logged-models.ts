// MLflow 3 LoggedModels: `log_model` and autolog store models outside the run's artifacts
// (docs/mlflow-wire.md, Logged models), so a run's models are found with logged-models/search
// by source run.
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { ApiError } from './api-error.ts';
import { requestJson } from './client.ts';
import { id, int64, keyValue, list, pageToken } from './wire.ts';
import { PROXY_BASE } from '../../contract/runlens-http.ts';

const API = `${PROXY_BASE}/api/2.0/mlflow`;

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
  }),
  z.transform(({ info }) => ({
    modelId: info.model_id,
    name: info.name,
    createdAt: info.creation_timestamp_ms,
    artifactUri: info.artifact_uri,
    status: info.status ?? 'UNKNOWN',
    modelType: info.model_type,
    sourceRunId: info.source_run_id,
  })),
);
export type LoggedModel = z.output<typeof loggedModelSchema>;

const searchResponse = z.object({ models: list(loggedModelSchema), next_page_token: pageToken });

/** The proto caps logged-models/search at 50 per page. */
const PAGE_SIZE = 50;
const MAX_PAGES = 20;

/**
 * The run's LoggedModels. Servers without them (MLflow 2.x, FastTrackML) answer 404 or
 * ENDPOINT_NOT_FOUND: that means "no logged models", not an error for the artifact panel.
 */
export async function searchRunLoggedModels(experimentId: string, runId: string, signal?: AbortSignal): Promise<LoggedModel[]> {
  const models: LoggedModel[] = [];
  let token: string | undefined;
  const escaped = runId.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await requestJson(
        {
          method: 'POST',
          path: `${API}/logged-models/search`,
          body: { experiment_ids: [experimentId], filter: `source_run_id = '${escaped}'`, max_results: PAGE_SIZE, page_token: token },
          signal,
        },
        searchResponse,
      );
      models.push(...body.models.filter((model) => model.sourceRunId === undefined || model.sourceRunId === runId));
      if (!body.next_page_token || body.next_page_token === token || body.models.length === 0) break;
      token = body.next_page_token;
    }
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.errorCode === 'ENDPOINT_NOT_FOUND' || err.status === 501)) return [];
    throw err;
  }
  return models.sort((a, b) => a.name.localeCompare(b.name) || a.modelId.localeCompare(b.modelId));
}

export const loggedModelKeys = {
  all: ['logged-models'] as const,
  byRun: (experimentId: string, runId: string) => ['logged-models', 'by-run', { experimentId, runId }] as const,
};

export function runLoggedModelsQueryOptions(experimentId: string, runId: string) {
  return queryOptions({
    queryKey: loggedModelKeys.byRun(experimentId, runId),
    queryFn: ({ signal }) => searchRunLoggedModels(experimentId, runId, signal),
    staleTime: 60_000,
  });
}
