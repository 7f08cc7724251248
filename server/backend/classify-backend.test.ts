import { describe, expect, it } from 'vitest';
import type { BackendInfo } from '../../contract/runlens-http.ts';
import { createBackendInfo } from './backend-probe.ts';
import { classifyBackend, routeExists, type ProbeAnswer, type ProbeAnswers } from './classify-backend.ts';
import type { ServeOptions } from '../options.ts';

const answer = (status: number, body = '', server = ''): ProbeAnswer => ({ status, body, server });
const notFoundJson = answer(404, '{"message":"Not found","error_code":"ENDPOINT_NOT_FOUND"}');
const flaskNotFound = answer(404, '<!doctype html><title>404 Not Found</title>');

// Answers as each backend gave them to backend-probe.ts's requests (MLflow 3.17.2, FastTrackML
// 0.6.0; the gateway as nginx answers paths it does not pass).
const mlflow3: ProbeAnswers = {
  trackingHost: '127.0.0.1',
  version: answer(200, '3.17.2', 'uvicorn'),
  getArtifact: answer(400, '<!doctype html>\n<title>400 Bad Request</title>', 'uvicorn'),
  artifactsGet: flaskNotFound,
  loggedModels: answer(200, '{}'),
  registry: answer(200, '{}'),
};
const mlflow2: ProbeAnswers = { ...mlflow3, version: answer(200, '2.22.5'), loggedModels: flaskNotFound };
const fasttrackml: ProbeAnswers = {
  trackingHost: '127.0.0.1',
  version: answer(200, '0.6.0', 'FastTrackML/0.6.0'),
  getArtifact: answer(404, 'Cannot GET /get-artifact', 'FastTrackML/0.6.0'),
  artifactsGet: answer(400, '{"message":"Missing value for required parameter \'run_id\'","error_code":"INVALID_PARAMETER_VALUE"}'),
  loggedModels: notFoundJson,
  registry: answer(200, '{"registered_models":[]}'),
};
const gateway: ProbeAnswers = {
  trackingHost: 'mlflow.example.internal',
  version: answer(404, '<html>404 Not Found</html>', 'nginx'),
  getArtifact: answer(404, '<html>404 Not Found</html>', 'nginx'),
  artifactsGet: flaskNotFound,
  loggedModels: answer(400, '{"error_code": "INVALID_PARAMETER_VALUE"}'),
  registry: answer(200, '{}'),
};

describe('classifyBackend', () => {
  it('names MLflow by its /version and uses /get-artifact', () => {
    expect(classifyBackend(mlflow3)).toEqual<BackendInfo>({
      kind: 'mlflow',
      name: 'MLflow',
      version: '3.17.2',
      artifactDownload: 'get-artifact',
      loggedModels: true,
      registry: true,
    });
    expect(classifyBackend(mlflow2)).toMatchObject({ version: '2.22.5', loggedModels: false });
  });

  it('names FastTrackML by its Server header, though it answers /version too, and uses artifacts/get', () => {
    expect(classifyBackend(fasttrackml)).toEqual<BackendInfo>({
      kind: 'fasttrackml',
      name: 'FastTrackML',
      version: '0.6.0',
      artifactDownload: 'artifacts-get',
      loggedModels: false,
      registry: true,
    });
  });

  it('calls a gateway without /version MLflow-compatible, or Databricks by its host, and uses the artifact proxy', () => {
    expect(classifyBackend(gateway)).toMatchObject({ kind: 'mlflow-compatible', version: null, artifactDownload: 'mlflow-artifacts' });
    expect(classifyBackend({ ...gateway, trackingHost: 'adb-123.4.azuredatabricks.net' })).toMatchObject({
      kind: 'databricks',
      name: 'Databricks',
    });
  });

  it('calls a server without /version Databricks when MLFLOW_TRACKING_URI=databricks said so', () => {
    expect(classifyBackend({ ...gateway, declaredKind: 'databricks' })).toMatchObject({ kind: 'databricks', name: 'Databricks' });
  });

  it('does not take an HTML page answered to every path for a version', () => {
    expect(classifyBackend({ ...gateway, version: answer(200, '<!doctype html><html>…</html>') })).toMatchObject({ version: null });
  });
});

describe('routeExists', () => {
  it('counts a missing parameter, a credential refusal or a missing object as a route that exists', () => {
    expect(routeExists(answer(400))).toBe(true);
    expect(routeExists(answer(401))).toBe(true);
    expect(routeExists(answer(404, '{"error_code":"RESOURCE_DOES_NOT_EXIST"}'))).toBe(true);
  });

  it('counts no such route, a method not allowed, not implemented or a server error as missing', () => {
    for (const a of [notFoundJson, flaskNotFound, answer(405), answer(501), answer(500, 'ENDPOINT_NOT_FOUND: Not found')]) {
      expect(routeExists(a)).toBe(false);
    }
  });
});

describe('createBackendInfo', () => {
  const info = classifyBackend(mlflow3);
  const options = {} as ServeOptions;

  it('probes once for concurrent pages and keeps a success', async () => {
    let probes = 0;
    const source = createBackendInfo(options, async () => (probes++, info));
    await Promise.all([source.get(), source.get(), source.get()]);
    await source.get();
    expect(probes).toBe(1);
  });

  it('asks again after a failure, and after the kept result is ten minutes old', async () => {
    let probes = 0;
    const source = createBackendInfo(options, async () => {
      probes++;
      if (probes === 1) throw new Error('ECONNREFUSED');
      return info;
    });
    await expect(source.get()).rejects.toThrow('ECONNREFUSED');
    await expect(source.get()).resolves.toEqual(info);
    await source.get(Date.now() + 11 * 60_000);
    expect(probes).toBe(3);
  });
});
