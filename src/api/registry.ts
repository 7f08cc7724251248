// The MLflow model registry, read-only: registered models (search, get), their versions
// (search by model, get one) and aliases. MLflow 2.x and 3.x differ on the wire
// (docs/mlflow-wire.md, Model registry): aliases are absent before 2.3, stages mean something
// only on 2.x, and a 3.x version registered from a LoggedModel names it in `source`.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { ApiError } from './api-error.ts';
import { requestJson } from './client.ts';
import { int64, keyValue, list, pageToken, tagValue } from './wire.ts';
import { PROXY_BASE } from '../../contract/runlens-http.ts';

const API = `${PROXY_BASE}/api/2.0/mlflow`;

/** Marks a registered model that holds prompt versions (MLflow's prompt registry), not models. */
const PROMPT_TAG = 'mlflow.prompt.is_prompt';

/** A LoggedModel's URI, `models:/<model_id>`: one segment, unlike `models:/<name>/<version>` or `models:/<name>@<alias>`. */
const LOGGED_MODEL_SOURCE = /^models:\/([^/@]+)$/;

const modelVersionSchema = z.pipe(
  z.object({
    name: z._default(z.string(), ''),
    // A string on the wire; a number from an odd backend is kept as its digits.
    version: z.pipe(
      z.union([z.string(), z.number()]),
      z.transform((value) => String(value)),
    ),
    creation_timestamp: z.optional(int64),
    last_updated_timestamp: z.optional(int64),
    // Stages were deprecated in 2.9; 3.x servers still send "None" for every version.
    current_stage: z.catch(z._default(z.string(), 'None'), 'None'),
    description: z._default(z.string(), ''),
    source: z.optional(z.string()),
    run_id: z.optional(z.string()),
    // An enum that may grow: unknown values are shown as they are.
    status: z.catch(z._default(z.string(), 'READY'), 'READY'),
    status_message: z.optional(z.string()),
    tags: list(keyValue),
    run_link: z.optional(z.string()),
    // 2.3+, and on 3.17 only from model-versions/get (search leaves it out).
    aliases: list(z.string()),
    // Newer 3.x builds name the LoggedModel; 3.17 leaves it out and says it in `source` only.
    model_id: z.optional(z.string()),
  }),
  z.transform((v) => ({
    name: v.name,
    version: v.version,
    createdAt: v.creation_timestamp,
    updatedAt: v.last_updated_timestamp,
    stage: v.current_stage || 'None',
    description: v.description,
    source: v.source,
    runId: v.run_id || undefined,
    status: v.status,
    statusMessage: v.status_message || undefined,
    tags: v.tags,
    aliases: v.aliases,
    /** The MLflow 3 LoggedModel this version was registered from, if any. */
    modelId: v.model_id || LOGGED_MODEL_SOURCE.exec(v.source ?? '')?.[1],
  })),
);
export type ModelVersion = z.output<typeof modelVersionSchema>;

const aliasSchema = z.object({ alias: z.string(), version: z.pipe(z.union([z.string(), z.number()]), z.transform(String)) });
export type ModelAlias = z.infer<typeof aliasSchema>;

const registeredModelSchema = z.pipe(
  z.object({
    name: z.string(),
    creation_timestamp: z.optional(int64),
    last_updated_timestamp: z.optional(int64),
    description: z._default(z.string(), ''),
    // One per stage on 2.x (READY versions only); a single "None" entry on 3.x.
    latest_versions: list(modelVersionSchema),
    tags: list(keyValue),
    // Absent before 2.3.
    aliases: list(aliasSchema),
  }),
  z.transform((m) => ({
    name: m.name,
    createdAt: m.creation_timestamp,
    updatedAt: m.last_updated_timestamp,
    description: m.description,
    latestVersions: m.latest_versions,
    tags: m.tags,
    aliases: m.aliases,
  })),
);
export type RegisteredModel = z.output<typeof registeredModelSchema>;

const searchModelsResponse = z.object({ registered_models: list(registeredModelSchema), next_page_token: pageToken });
const getModelResponse = z.object({ registered_model: registeredModelSchema });
const searchVersionsResponse = z.object({ model_versions: list(modelVersionSchema), next_page_token: pageToken });
const getVersionResponse = z.object({ model_version: modelVersionSchema });

/**
 * A registry read on a server that has no registry is a notice, not an error: the answer says
 * so instead of failing (an error would be retried and counted by the page's ready signal).
 */
export type RegistryAnswer<T> = { registry: true; value: T } | { registry: false };

/**
 * The registry's routes are missing: 404 without MLflow's RESOURCE_DOES_NOT_EXIST (which means
 * "no such model" on a server that has them), ENDPOINT_NOT_FOUND, or 501 Not Implemented.
 */
export function isNoRegistryError(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.kind !== 'http') return false;
  if (error.errorCode === 'ENDPOINT_NOT_FOUND' || error.status === 501) return true;
  return error.status === 404 && error.errorCode === undefined;
}

async function registryRead<T>(read: () => Promise<T>): Promise<RegistryAnswer<T>> {
  try {
    return { registry: true, value: await read() };
  } catch (err) {
    if (isNoRegistryError(err)) return { registry: false };
    throw err;
  }
}

/** Quotes and backslashes escaped for a single-quoted string in a search filter. */
function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `name ILIKE '%…%'`, escaped as experiment names are (src/api/experiments.ts): portable across stores. */
export function registeredModelNameFilter(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const escaped = trimmed
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/[%_]/g, (c) => `\\${c}`);
  return `name ILIKE '%${escaped}%'`;
}

/** The proto's default page; servers accept up to 1000. Models are read a page at a time ("Show more"). */
export const REGISTERED_MODEL_PAGE_SIZE = 100;

export interface RegisteredModelPage {
  models: RegisteredModel[];
  nextPageToken: string | undefined;
}

export async function searchRegisteredModels(
  params: { nameContains: string; pageToken?: string | undefined },
  signal?: AbortSignal,
): Promise<RegistryAnswer<RegisteredModelPage>> {
  return registryRead(async () => {
    // GET only: the registry's search RPCs are not routed for POST.
    const body = await requestJson(
      {
        path: `${API}/registered-models/search`,
        query: {
          max_results: REGISTERED_MODEL_PAGE_SIZE,
          filter: registeredModelNameFilter(params.nameContains),
          page_token: params.pageToken,
        },
        signal,
      },
      searchModelsResponse,
    );
    // Prompts are registered models tagged as such; 3.x leaves them out of this search, servers
    // from before that (2.21+) do not, and a prompt is not a model to browse here.
    const models = body.registered_models.filter((model) => tagValue(model.tags, PROMPT_TAG) !== 'true');
    return { models, nextPageToken: body.next_page_token || undefined };
  });
}

export async function getRegisteredModel(name: string, signal?: AbortSignal): Promise<RegistryAnswer<RegisteredModel>> {
  return registryRead(
    async () => (await requestJson({ path: `${API}/registered-models/get`, query: { name }, signal }, getModelResponse)).registered_model,
  );
}

/** Versions of one model are usually few; pages are bounded so a token that never ends cannot loop. */
const VERSION_PAGE_SIZE = 1000;
const MAX_VERSION_PAGES = 20;

/** Every version of the model, newest (highest number) first. */
export async function searchModelVersions(name: string, signal?: AbortSignal): Promise<RegistryAnswer<ModelVersion[]>> {
  return registryRead(async () => {
    const versions: ModelVersion[] = [];
    const seen = new Set<string>();
    let token: string | undefined;
    for (let page = 0; page < MAX_VERSION_PAGES; page++) {
      const body = await requestJson(
        {
          path: `${API}/model-versions/search`,
          query: { filter: `name=${quoted(name)}`, max_results: VERSION_PAGE_SIZE, page_token: token },
          signal,
        },
        searchVersionsResponse,
      );
      // The filter is exact, but a backend that ignores it must not mix in other models.
      versions.push(...body.model_versions.filter((v) => v.name === name || v.name === ''));
      token = body.next_page_token;
      if (!token || seen.has(token) || body.model_versions.length === 0) break;
      seen.add(token);
    }
    return versions.sort(byVersionDescending);
  });
}

export async function getModelVersion(name: string, version: string, signal?: AbortSignal): Promise<RegistryAnswer<ModelVersion>> {
  return registryRead(
    async () =>
      (await requestJson({ path: `${API}/model-versions/get`, query: { name, version }, signal }, getVersionResponse)).model_version,
  );
}

/** The version an alias points at now (registered-models/alias, 2.3+). */
export async function getModelVersionByAlias(name: string, alias: string, signal?: AbortSignal): Promise<RegistryAnswer<ModelVersion>> {
  return registryRead(
    async () =>
      (await requestJson({ path: `${API}/registered-models/alias`, query: { name, alias }, signal }, getVersionResponse)).model_version,
  );
}

/** Version numbers are integers written as strings; "10" comes after "9". */
export function byVersionDescending(a: { version: string }, b: { version: string }): number {
  return Number(b.version) - Number(a.version) || b.version.localeCompare(a.version);
}

/**
 * The aliases of each version, from the registered model's `aliases` list: model-versions/search
 * leaves them out of its versions on 3.17 (docs/mlflow-wire.md, Model registry).
 */
export function aliasesByVersion(aliases: readonly ModelAlias[]): Map<string, string[]> {
  const byVersion = new Map<string, string[]>();
  for (const { alias, version } of aliases) byVersion.set(version, [...(byVersion.get(version) ?? []), alias]);
  for (const list of byVersion.values()) list.sort((a, b) => a.localeCompare(b));
  return byVersion;
}

/**
 * Whether stages mean anything here: on 3.x every version is "None"; a 2.x registry that used
 * them has Staging, Production or Archived versions.
 */
export function usesStages(versions: readonly ModelVersion[]): boolean {
  return versions.some((v) => v.stage !== 'None' && v.stage !== '');
}

export const registryKeys = {
  all: ['registry'] as const,
  search: (params: { nameContains: string }) => ['registry', 'models', 'search', params] as const,
  model: (name: string) => ['registry', 'models', 'detail', { name }] as const,
  versions: (name: string) => ['registry', 'versions', 'search', { name }] as const,
  version: (name: string, version: string) => ['registry', 'versions', 'detail', { name, version }] as const,
  alias: (name: string, alias: string) => ['registry', 'aliases', 'detail', { name, alias }] as const,
};

export function nextRegisteredModelPageToken(
  last: RegistryAnswer<RegisteredModelPage>,
  all: readonly RegistryAnswer<RegisteredModelPage>[],
): string | undefined {
  if (!last.registry) return undefined;
  // A page may come back empty with a token (every model on it was a prompt): paging goes on.
  // Pages are asked for one click at a time ("Show more"), so an odd server's endless tokens
  // cannot loop.
  const token = last.value.nextPageToken;
  if (!token) return undefined;
  const seen = all.slice(0, -1).some((page) => page.registry && page.value.nextPageToken === token);
  return seen ? undefined : token;
}

export function registeredModelSearchQueryOptions(params: { nameContains: string }) {
  return infiniteQueryOptions({
    queryKey: registryKeys.search(params),
    queryFn: ({ pageParam, signal }) => searchRegisteredModels({ ...params, pageToken: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextRegisteredModelPageToken,
  });
}

export function registeredModelQueryOptions(name: string) {
  return queryOptions({ queryKey: registryKeys.model(name), queryFn: ({ signal }) => getRegisteredModel(name, signal) });
}

export function modelVersionsQueryOptions(name: string) {
  return queryOptions({ queryKey: registryKeys.versions(name), queryFn: ({ signal }) => searchModelVersions(name, signal) });
}

export function modelVersionQueryOptions(name: string, version: string) {
  return queryOptions({ queryKey: registryKeys.version(name, version), queryFn: ({ signal }) => getModelVersion(name, version, signal) });
}

export function modelAliasQueryOptions(name: string, alias: string) {
  return queryOptions({
    queryKey: registryKeys.alias(name, alias),
    queryFn: ({ signal }) => getModelVersionByAlias(name, alias, signal),
    // An alias is moved to another version deliberately and rarely, but a link that follows it
    // must land on where it points now: asked again on every visit.
    staleTime: 0,
  });
}
