// The run table's first request, from its URL alone. Two sides compute it and must agree byte for
// byte: the app (src/app/prime-route-requests.ts at navigation, and the table's own query through
// src/api/runs.ts `runSearchRequest`) and `runlens serve`, which sends it upstream while the page's
// code still loads and keeps the answer for the page's identical request (server/prefetch/,
// docs/first-rows.md). Plain functions without dependencies, so the server imports no app code and
// the entry script stays small.
import { PROXY_BASE } from './runlens-http.ts';

/** runs/search through Runlens's proxy. POST only: MLflow has no GET for it. */
export const RUN_SEARCH_PATH = `${PROXY_BASE}/api/2.0/mlflow/runs/search`;

/** The first page is small (a screenful and then some) so the first rows show at once whatever a run weighs. */
export const RUN_TABLE_FIRST_PAGE_SIZE = 50;

/** MLflow's run_view_type. */
export type RunViewType = 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';

/** The table's `lifecycleFilter` URL values (features/runs/url-state.ts) and what each asks MLflow for. */
export const LIFECYCLE_VIEW_TYPES = { active: 'ACTIVE_ONLY', deleted: 'DELETED_ONLY', all: 'ALL' } as const satisfies Record<
  string,
  RunViewType
>;
export type LifecycleFilter = keyof typeof LIFECYCLE_VIEW_TYPES;

/** Start time, newest first: the order of a search that names none. */
export const DEFAULT_RUN_ORDER = 'attributes.start_time DESC';

export interface RunSearchBodyParams {
  experimentIds: readonly string[];
  /** MLflow search syntax; empty for all runs. */
  filter: string;
  viewType: RunViewType;
  maxResults: number;
  orderBy?: readonly string[] | undefined;
  pageToken?: string | undefined;
}

/**
 * The JSON body of one runs/search page. Field order and the fields left out (an empty filter, no
 * page token) are part of the contract: the server finds the page's request by its exact bytes.
 */
export function runSearchBody(params: RunSearchBodyParams) {
  return {
    experiment_ids: params.experimentIds,
    filter: params.filter || undefined,
    run_view_type: params.viewType,
    max_results: params.maxResults,
    order_by: params.orderBy ?? [DEFAULT_RUN_ORDER],
    page_token: params.pageToken,
  };
}

/** A filter clause matching run names that contain `text` (ILIKE: released servers reject RLIKE). */
export function runNameFilter(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  return `attributes.run_name ILIKE '%${escaped}%'`;
}

// Anything with a comparison is MLflow search syntax, passed as is; plain words search run names.
const LOOKS_LIKE_SYNTAX = /(=|<|>|\b(LIKE|ILIKE|IN)\b)/i;

/** The table's search box (`searchFilter`) as an MLflow filter. */
export function toRunFilter(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  return LOOKS_LIKE_SYNTAX.test(trimmed) ? trimmed : runNameFilter(trimmed);
}

/** The experiment id of a run-table pathname (`/experiments/<id>`, decoded as the router decodes it). */
export function runTableExperimentId(pathname: string): string | undefined {
  const found = /^\/experiments\/([^/]+)\/?$/.exec(pathname)?.[1];
  try {
    return found === undefined ? undefined : decodeURIComponent(found);
  } catch {
    return undefined;
  }
}

/**
 * A URL parameter as the app's URL schemas read it (src/lib/search-params.ts): the last of repeated
 * values wins. A unit test (src/app/prime-route-requests.test.ts) holds this reading and the
 * table's zod schema to the same answers.
 */
function lastValue(params: URLSearchParams, name: string): string | undefined {
  return params.getAll(name).at(-1);
}

const isLifecycleFilter = (value: string | undefined): value is LifecycleFilter =>
  value !== undefined && Object.hasOwn(LIFECYCLE_VIEW_TYPES, value);

/** The table's filter state as its first request needs it (a bad or absent value degrades to the default). */
export function runTableFilter(search: URLSearchParams): { searchFilter: string; lifecycleFilter: LifecycleFilter } {
  const lifecycle = lastValue(search, 'lifecycleFilter');
  return { searchFilter: lastValue(search, 'searchFilter') ?? '', lifecycleFilter: isLifecycleFilter(lifecycle) ? lifecycle : 'active' };
}

export interface FirstRunPageRequest {
  method: 'POST';
  path: string;
  body: ReturnType<typeof runSearchBody>;
}

/** The first runs/search page a run-table URL asks for, or nothing when the URL shows no run table. */
export function runTableFirstRequest(pathname: string, search: URLSearchParams): FirstRunPageRequest | undefined {
  const experimentId = runTableExperimentId(pathname);
  if (experimentId === undefined) return undefined;
  const { searchFilter, lifecycleFilter } = runTableFilter(search);
  return {
    method: 'POST',
    path: RUN_SEARCH_PATH,
    body: runSearchBody({
      experimentIds: [experimentId],
      filter: toRunFilter(searchFilter),
      viewType: LIFECYCLE_VIEW_TYPES[lifecycleFilter],
      maxResults: RUN_TABLE_FIRST_PAGE_SIZE,
    }),
  };
}
