import { describe, expect, it } from 'vitest';
import { decideProxyRoute, isSafeArtifactPath } from './proxy-routes.ts';

describe('decideProxyRoute', () => {
  it('passes the read endpoints the app uses, path and query unchanged', () => {
    expect(decideProxyRoute('GET', '/mlflow/api/2.0/mlflow/experiments/search?max_results=1000&view_type=ALL')).toEqual({
      ok: true,
      upstreamPath: '/api/2.0/mlflow/experiments/search?max_results=1000&view_type=ALL',
      artifactDownload: false,
    });
    expect(decideProxyRoute('POST', '/mlflow/api/2.0/mlflow/runs/search')).toMatchObject({ ok: true });
    expect(decideProxyRoute('HEAD', '/mlflow/version')).toMatchObject({ ok: true });
    expect(decideProxyRoute('GET', '/mlflow/get-artifact?path=outputs%2Ftest.txt&run_uuid=abc')).toMatchObject({ ok: true });
  });

  it('refuses writes and endpoints Runlens does not use', () => {
    expect(decideProxyRoute('POST', '/mlflow/api/2.0/mlflow/experiments/delete')).toMatchObject({ ok: false, status: 404 });
    expect(decideProxyRoute('POST', '/mlflow/api/2.0/mlflow/runs/get')).toMatchObject({ ok: false, status: 405 });
    expect(decideProxyRoute('DELETE', '/mlflow/api/2.0/mlflow/runs/search')).toMatchObject({ ok: false, status: 405 });
    expect(decideProxyRoute('GET', '/mlflow/graphql')).toMatchObject({ ok: false, status: 404 });
  });

  it('never lets a request choose another upstream', () => {
    for (const url of [
      '/mlflow//evil.example/api/2.0/mlflow/experiments/search',
      '/mlflow/%2F%2Fevil.example/x',
      '/mlflow/\\\\evil.example/x',
      '/mlflow/%5c%5cevil.example/x',
      '/mlflow/api/2.0/mlflow/../../admin',
      '/mlflow/api/2.0/mlflow/%2e%2e/%2e%2e/admin',
      '/mlflow/api/2.0/mlflow/%252e%252e/x',
      '/mlflow/http://evil.example/',
      '/mlflow/version%00',
    ]) {
      expect(decideProxyRoute('GET', url), url).toMatchObject({ ok: false });
    }
  });

  it('checks artifact paths in query parameters and path tails', () => {
    expect(decideProxyRoute('GET', '/mlflow/get-artifact?path=..%2F..%2Fetc%2Fpasswd&run_uuid=a')).toMatchObject({ ok: false, status: 400 });
    expect(decideProxyRoute('GET', '/mlflow/api/2.0/mlflow/artifacts/list?run_id=a&path=%2Fetc')).toMatchObject({ ok: false });
    expect(decideProxyRoute('GET', '/mlflow/api/2.0/mlflow-artifacts/artifacts/0/abc/artifacts/..%2F..%2Fx')).toMatchObject({ ok: false });
    expect(decideProxyRoute('GET', '/mlflow/api/2.0/mlflow-artifacts/artifacts/0/abc/artifacts/model/MLmodel')).toMatchObject({ ok: true });
  });
});

describe('artifact downloads', () => {
  it('marks the routes that answer with artifact bytes, and only those', () => {
    for (const url of [
      '/mlflow/get-artifact?path=a.html&run_uuid=r',
      '/mlflow/api/2.0/mlflow/artifacts/get?run_id=r&path=a.html',
      '/mlflow/api/2.0/mlflow-artifacts/artifacts/0/r/artifacts/a.html',
      '/mlflow/ajax-api/2.0/mlflow/logged-models/m-1/artifacts/files?artifact_file_path=a.html',
    ]) {
      expect(decideProxyRoute('GET', url), url).toMatchObject({ ok: true, artifactDownload: true });
    }
    expect(decideProxyRoute('GET', '/mlflow/api/2.0/mlflow/artifacts/list?run_id=r')).toMatchObject({ ok: true, artifactDownload: false });
    expect(decideProxyRoute('GET', '/mlflow/ajax-api/2.0/mlflow/logged-models/m-1/artifacts/files?artifact_file_path=..%2Fx')).toMatchObject({ ok: false });
  });
});

describe('isSafeArtifactPath', () => {
  it.each([
    ['model/MLmodel', true],
    ['images/category%23name+step1.png', true],
    ['outputs/test.txt', true],
    ['../secret', false], // mlflow#7166
    ['a/../../b', false],
    ['%2e%2e/secret', false],
    ['%252e%252e%252fsecret', false], // double encoding, CVE-2024-1560
    ['\\..\\..\\secret', false], // CVE-2023-2780
    ['/etc/passwd', false], // CVE-2023-1177
    ['file:///etc/passwd', false],
    ['model;x=1', false], // CVE-2024-1593
    ['a\u0000b', false],
  ])('%s → %s', (path, safe) => {
    expect(isSafeArtifactPath(path)).toBe(safe);
  });
});
