import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EmbedScope } from './embed-scope.ts';
import { checkScopedResponse, decideRequest, modelLookupPath, responseInScope, runLookupPath } from './scope-rules.ts';

const byExperiment: EmbedScope = { experiments: ['1', '2'], runs: [], expires: 0 };
const byRun: EmbedScope = { experiments: ['1'], runs: ['r1', 'r2'], expires: 0 };
const API = '/api/2.0/mlflow';

const get = (scope: EmbedScope, url: string) => {
  const [path = '', query = ''] = url.split('?');
  return decideRequest(scope, { method: 'GET', path, query: new URLSearchParams(query), body: undefined });
};
const post = (scope: EmbedScope, path: string, body: unknown) =>
  decideRequest(scope, { method: 'POST', path, query: new URLSearchParams(), body });
const run = (runId: string, experimentId: string | number) => ({ info: { run_id: runId, experiment_id: experimentId }, data: {} });
const model = (experimentId: string, sourceRunId?: string) => ({
  info: { model_id: 'm', experiment_id: experimentId, source_run_id: sourceRunId },
});

describe('decideRequest: one rule per allow-listed endpoint', () => {
  it('passes the backend probe', () => {
    expect(get(byRun, '/version')).toEqual({ allow: true });
  });

  it('experiments/search passes, its answer filtered; experiments/get only of named experiments', () => {
    expect(get(byRun, `${API}/experiments/search?max_results=1000`)).toEqual({ allow: true, checkResponse: true });
    expect(get(byExperiment, `${API}/experiments/get?experiment_id=2`)).toEqual({ allow: true });
    expect(get(byExperiment, `${API}/experiments/get?experiment_id=3`)).toMatchObject({
      allow: false,
      message: expect.stringContaining('experiment 3'),
    });
    expect(get(byExperiment, `${API}/experiments/get?experiment_id=1&experiment_id=3`)).toMatchObject({ allow: false });
    expect(get(byExperiment, `${API}/experiments/get`)).toMatchObject({ allow: false });
  });

  it('runs/search only within named experiments; the body sent is the one checked, unknown fields dropped', () => {
    const body = {
      experiment_ids: ['1'],
      filter: 'metrics.loss < 1',
      max_results: 50,
      order_by: ['attributes.start_time DESC'],
      page_token: 't',
      run_view_type: 'ACTIVE_ONLY',
    };
    expect(post(byExperiment, `${API}/runs/search`, { ...body, extra: 1 })).toEqual({ allow: true, body });
    expect(post(byRun, `${API}/runs/search`, body)).toEqual({ allow: true, body, checkResponse: true });
    expect(post(byExperiment, `${API}/runs/search`, { experiment_ids: ['1', '3'] })).toMatchObject({
      allow: false,
      message: expect.stringContaining('experiment 3'),
    });
    for (const bad of [{}, { experiment_ids: [] }, { experiment_ids: '1' }, { experiment_ids: [1] }, null, [], 'x']) {
      expect(post(byExperiment, `${API}/runs/search`, bad), JSON.stringify(bad)).toMatchObject({ allow: false });
    }
  });

  it('logged-models/search follows the same rule', () => {
    expect(post(byExperiment, `${API}/logged-models/search`, { experiment_ids: ['2'], max_results: 50 })).toEqual({
      allow: true,
      body: { experiment_ids: ['2'], max_results: 50 },
    });
    expect(post(byRun, `${API}/logged-models/search`, { experiment_ids: ['1'] })).toMatchObject({ allow: true, checkResponse: true });
    expect(post(byRun, `${API}/logged-models/search`, { experiment_ids: ['2'] })).toMatchObject({ allow: false });
  });

  it('runs/get: a named run, or any run checked by its answer when the link names none', () => {
    expect(get(byRun, `${API}/runs/get?run_id=r1`)).toEqual({ allow: true });
    expect(get(byRun, `${API}/runs/get?run_id=r3`)).toMatchObject({ allow: false, message: expect.stringContaining('run r3') });
    expect(get(byExperiment, `${API}/runs/get?run_id=r3`)).toEqual({ allow: true, checkResponse: true });
    expect(get(byExperiment, `${API}/runs/get`)).toMatchObject({ allow: false });
  });

  it.each([
    `${API}/metrics/get-history?metric_key=loss&`,
    `${API}/artifacts/list?path=model&`,
    `${API}/artifacts/get?path=a.txt&`,
    '/get-artifact?path=a.txt&',
  ])('%s: a named run, or a run looked up first when the link names none', (prefix) => {
    const param = prefix.startsWith('/get-artifact') ? 'run_uuid' : 'run_id';
    expect(get(byRun, `${prefix}${param}=r2`)).toEqual({ allow: true });
    expect(get(byRun, `${prefix}${param}=r3`)).toMatchObject({ allow: false });
    expect(get(byExperiment, `${prefix}${param}=r3`)).toEqual({ allow: true, needsRunLookup: 'r3' });
  });

  it('checks every parameter MLflow reads a run id from', () => {
    // MLflow reads run_uuid when run_id is empty: neither may smuggle another run.
    expect(get(byRun, `${API}/metrics/get-history?run_id=&run_uuid=r3`)).toMatchObject({ allow: false });
    expect(get(byRun, `${API}/runs/get?run_id=r1&run_uuid=r3`)).toMatchObject({ allow: false });
    expect(get(byRun, `${API}/runs/get?run_id=r1&run_id=r2`)).toMatchObject({
      allow: false,
      message: expect.stringContaining('more than one run'),
    });
    expect(get(byExperiment, '/get-artifact?path=a&run_id=x&run_uuid=y')).toMatchObject({ allow: false });
    expect(get(byRun, `${API}/runs/get?run_id=r1&run_uuid=r1`)).toEqual({ allow: true });
  });

  it('the artifact store: <experiment>/<run>/artifacts/<path> only', () => {
    const store = '/api/2.0/mlflow-artifacts/artifacts';
    expect(get(byRun, `${store}/7/r1/artifacts/model/MLmodel`)).toEqual({ allow: true });
    expect(get(byRun, `${store}/1/r3/artifacts/model/MLmodel`)).toMatchObject({ allow: false });
    expect(get(byExperiment, `${store}/2/r3/artifacts/a.txt`)).toEqual({ allow: true, needsRunLookup: 'r3' });
    expect(get(byExperiment, `${store}/3/r3/artifacts/a.txt`)).toMatchObject({ allow: false });
    // Decided as the tracking server routes it: an encoded slash is a slash.
    expect(get(byExperiment, `${store}/2%2Fr3/artifacts/a.txt`)).toEqual({ allow: true, needsRunLookup: 'r3' });
    expect(get(byExperiment, `${store}/3%2Fr3/artifacts/a.txt`)).toMatchObject({ allow: false });
    expect(get(byExperiment, `${store}/2/models/m-1/artifacts/a`)).toMatchObject({ allow: false });
    expect(get(byExperiment, `${store}/2/r3/artifacts`)).toMatchObject({ allow: false });
  });

  it("a logged model's artifacts wait for the model to be looked up", () => {
    expect(get(byRun, `${API}/logged-models/m-1/artifacts/directories?artifact_directory_path=x`)).toEqual({
      allow: true,
      needsModelLookup: 'm-1',
    });
    expect(get(byRun, `/ajax-api/2.0/mlflow/logged-models/m-1/artifacts/files?artifact_file_path=MLmodel`)).toEqual({
      allow: true,
      needsModelLookup: 'm-1',
    });
  });

  it('refuses anything else, naming it, and wrong methods', () => {
    expect(get(byRun, `${API}/registered-models/search`)).toEqual({
      allow: false,
      message: `this embed link cannot call GET ${API}/registered-models/search`,
    });
    expect(get(byRun, `${API}/runs/search`)).toMatchObject({ allow: false });
    expect(post(byRun, `${API}/runs/get`, {})).toMatchObject({ allow: false });
    expect(get(byRun, `${API}/logged-models/m-1`)).toMatchObject({ allow: false });
    expect(get(byRun, '/api/2.0/mlflow/runs/get%ZZ')).toMatchObject({ allow: false });
    expect(decideRequest(byRun, { method: 'HEAD', path: '/version', query: new URLSearchParams(), body: undefined })).toEqual({
      allow: true,
    });
  });

  it('property: a request naming any experiment outside the scope is never allowed', () => {
    const id = fc.string({ minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(
        fc.uniqueArray(id, { maxLength: 5 }),
        fc.array(id, { maxLength: 5 }),
        id,
        fc.array(id, { maxLength: 4 }),
        fc.nat(5),
        (named, runs, outside, others, at) => {
          fc.pre(!named.includes(outside));
          const scope: EmbedScope = { experiments: named, runs, expires: 0 };
          const ids = [...others.filter((x) => named.includes(x)), ...named];
          ids.splice(at % (ids.length + 1), 0, outside);
          expect(post(scope, `${API}/runs/search`, { experiment_ids: ids }).allow).toBe(false);
          expect(post(scope, `${API}/logged-models/search`, { experiment_ids: ids }).allow).toBe(false);
          expect(get(scope, `${API}/experiments/get?${new URLSearchParams(ids.map((x) => ['experiment_id', x])).toString()}`).allow).toBe(
            false,
          );
          if (runs.length === 0 && !outside.includes('/')) {
            expect(get(scope, `/api/2.0/mlflow-artifacts/artifacts/${encodeURIComponent(outside)}/r/artifacts/f`).allow).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('response checks', () => {
  it('responseInScope: runs/get and the lookups', () => {
    expect(responseInScope(byExperiment, `${API}/runs/get`, { run: run('r9', '2') })).toBe(true);
    expect(responseInScope(byExperiment, `${API}/runs/get`, { run: run('r9', 2) })).toBe(true);
    expect(responseInScope(byExperiment, `${API}/runs/get`, { run: run('r9', '3') })).toBe(false);
    expect(responseInScope(byRun, `${API}/runs/get`, { run: run('r9', '1') })).toBe(false);
    expect(responseInScope(byRun, `${API}/runs/get`, { run: { info: { run_id: 'r1', run_uuid: 'r9', experiment_id: '1' } } })).toBe(false);
    for (const bad of [null, {}, { run: {} }, { run: { info: { experiment_id: '1' } } }, 'x'])
      expect(responseInScope(byExperiment, `${API}/runs/get`, bad)).toBe(false);
    expect(responseInScope(byExperiment, '/api/2.0/mlflow/logged-models/m-1', { model: model('2') })).toBe(true);
    expect(responseInScope(byRun, '/api/2.0/mlflow/logged-models/m-1', { model: model('1') })).toBe(false);
    expect(responseInScope(byRun, '/api/2.0/mlflow/logged-models/m-1', { model: model('9', 'r2') })).toBe(true);
    expect(responseInScope(byRun, `${API}/experiments/get`, {})).toBe(false);
  });

  it('lookup paths are upstream paths the checks understand', () => {
    expect(runLookupPath('a b')).toBe(`${API}/runs/get?run_id=a+b`);
    expect(modelLookupPath('m/1')).toBe(`${API}/logged-models/m%2F1`);
  });

  it('checkScopedResponse filters searches and refuses a run of another experiment', () => {
    const runs = { runs: [run('r1', '1'), run('r3', '1'), run('r2', '1')], next_page_token: 't', leaked: 'x' };
    expect(checkScopedResponse(byRun, `${API}/runs/search`, runs)).toEqual({
      ok: true,
      body: { runs: [run('r1', '1'), run('r2', '1')], next_page_token: 't' },
    });
    expect(checkScopedResponse(byExperiment, `${API}/runs/search`, { runs: [run('r1', '1'), run('r3', '3')] })).toEqual({
      ok: true,
      body: { runs: [run('r1', '1')] },
    });
    expect(checkScopedResponse(byExperiment, `${API}/runs/search`, {})).toEqual({ ok: true, body: {} });
    expect(checkScopedResponse(byExperiment, `${API}/runs/search`, { runs: 'x' })).toEqual({ ok: true, body: { runs: [] } });
    const experiments = { experiments: [{ experiment_id: '1' }, { experiment_id: '3' }, { experiment_id: 2 }] };
    expect(checkScopedResponse(byExperiment, `${API}/experiments/search`, experiments)).toEqual({
      ok: true,
      body: { experiments: [{ experiment_id: '1' }, { experiment_id: 2 }] },
    });
    const models = { models: [model('1', 'r1'), model('1', 'r3'), model('1')] };
    expect(checkScopedResponse(byRun, `${API}/logged-models/search`, models)).toEqual({ ok: true, body: { models: [model('1', 'r1')] } });
    expect(checkScopedResponse(byExperiment, `${API}/runs/get`, { run: run('r3', '1') })).toEqual({
      ok: true,
      body: { run: run('r3', '1') },
    });
    expect(checkScopedResponse(byExperiment, `${API}/runs/get`, { run: run('r3', '3') })).toMatchObject({ ok: false });
  });
});
