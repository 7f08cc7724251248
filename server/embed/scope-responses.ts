// The response half of an embed scope's rules (scope-rules.ts): which runs, experiments and
// logged models in an MLflow JSON answer the link may read. Whatever is not of the expected
// shape counts as outside the scope, and searches keep only the fields the app reads.
import type { EmbedScope } from './embed-scope.ts';

/** A runs/get answer (`{ run: { info } }`): a named run, or any run of a named experiment when the link names no runs. */
export function runResponseInScope(scope: EmbedScope, body: unknown): boolean {
  return runInScope(scope, field(body, 'run'));
}

/** A logged-models/get answer (`{ model: { info } }`): the model of a named run, or of a named experiment when the link names no runs. */
export function modelResponseInScope(scope: EmbedScope, body: unknown): boolean {
  return modelInScope(scope, field(body, 'model'));
}

/** A runs/search answer without the runs the link may not read. */
export function filterRunsResponse(scope: EmbedScope, body: unknown): Record<string, unknown> {
  return filterList(body, 'runs', (run) => runInScope(scope, run));
}

/** An experiments/search answer with only the named experiments. */
export function filterExperimentsResponse(scope: EmbedScope, body: unknown): Record<string, unknown> {
  return filterList(body, 'experiments', (experiment) => {
    const id = idOf(field(experiment, 'experiment_id'));
    return id !== undefined && scope.experiments.includes(id);
  });
}

/** A logged-models/search answer without the models the link may not read. */
export function filterLoggedModelsResponse(scope: EmbedScope, body: unknown): Record<string, unknown> {
  return filterList(body, 'models', (model) => modelInScope(scope, model));
}

function runInScope(scope: EmbedScope, run: unknown): boolean {
  const info = field(run, 'info');
  // run_uuid is the deprecated duplicate some servers send alone (src/api/runs.ts); both must agree.
  const raw = [field(info, 'run_id'), field(info, 'run_uuid')].filter((id) => id !== undefined && id !== '');
  const ids = raw.map(idOf);
  if (ids.length === 0 || ids.includes(undefined)) return false;
  if (scope.runs.length > 0) return ids.every((id) => scope.runs.includes(id as string));
  const experimentId = idOf(field(info, 'experiment_id'));
  return experimentId !== undefined && scope.experiments.includes(experimentId);
}

function modelInScope(scope: EmbedScope, model: unknown): boolean {
  const info = field(model, 'info');
  if (scope.runs.length > 0) {
    const runId = idOf(field(info, 'source_run_id'));
    return runId !== undefined && scope.runs.includes(runId);
  }
  const experimentId = idOf(field(info, 'experiment_id'));
  return experimentId !== undefined && scope.experiments.includes(experimentId);
}

/** Keeps `key`'s entries that pass and the page token; drops every other field (none is expected). */
function filterList(body: unknown, key: string, keep: (item: unknown) => boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const list = field(body, key);
  if (list !== undefined) out[key] = Array.isArray(list) ? list.filter(keep) : [];
  const token = field(body, 'next_page_token');
  if (typeof token === 'string') out.next_page_token = token;
  return out;
}

/** Ids are strings, or integers on some servers (src/api/wire.ts `id`). */
function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return Number.isSafeInteger(value) ? String(value) : undefined;
}

function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}
