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
    expect(decideProxyRoute('GET', '/mlflow/get-artifact?path=..%2F..%2Fetc%2Fpasswd&run_uuid=a')).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(decideProxyRoute('GET', '/mlflow/api/2.0/mlflow/artifacts/list?run_id=a&path=%2Fetc')).toMatchObject({ ok: false });
    expect(decideProxyRoute('GET', '/mlflow/api/2.0/mlflow-artifacts/artifacts/0/abc/artifacts/..%2F..%2Fx')).toMatchObject({ ok: false });
    expect(decideProxyRoute('GET', '/mlflow/api/2.0/mlflow-artifacts/artifacts/0/abc/artifacts/model/MLmodel')).toMatchObject({ ok: true });
    // A stepped image's name (issue 10, finding 3), as the browser encodes it in a path and a query.
    const stepped = 'images/samples%step%3%timestamp%1733140000000%5c0b6f2c-8a4f-4e0b-9f57-3c8d1b6a2e11.png';
    const inPath = stepped.split('/').map(encodeURIComponent).join('/');
    expect(decideProxyRoute('GET', `/mlflow/api/2.0/mlflow-artifacts/artifacts/0/abc/artifacts/${inPath}`)).toMatchObject({ ok: true });
    expect(decideProxyRoute('GET', `/mlflow/get-artifact?path=${encodeURIComponent(stepped)}&run_uuid=abc`)).toMatchObject({ ok: true });
    expect(decideProxyRoute('GET', `/mlflow/api/2.0/mlflow/artifacts/list?run_id=abc&path=${encodeURIComponent('a:b.txt')}`)).toMatchObject(
      { ok: true },
    );
  });
});

describe('the allow-list', () => {
  // Every request src/api makes (one example each); nothing else passes (issue 10: the proxy
  // passed bulk histories, registry searches, server-info, get-by-name, single logged models
  // and /health although the app calls none of them).
  it.each([
    ['GET', '/mlflow/version'],
    ['GET', '/mlflow/api/2.0/mlflow/experiments/search?max_results=1000&view_type=ACTIVE_ONLY'],
    ['GET', '/mlflow/api/2.0/mlflow/experiments/get?experiment_id=1'],
    ['POST', '/mlflow/api/2.0/mlflow/runs/search'],
    ['GET', '/mlflow/api/2.0/mlflow/runs/get?run_id=abc'],
    ['GET', '/mlflow/api/2.0/mlflow/metrics/get-history?run_id=abc&metric_key=loss&max_results=25000'],
    ['GET', '/mlflow/api/2.0/mlflow/artifacts/list?run_id=abc&path=model'],
    ['GET', '/mlflow/api/2.0/mlflow/artifacts/get?run_id=abc&path=model%2FMLmodel'],
    ['GET', '/mlflow/get-artifact?path=model%2FMLmodel&run_uuid=abc'],
    ['GET', '/mlflow/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts/model/MLmodel'],
    ['POST', '/mlflow/api/2.0/mlflow/logged-models/search'],
    ['GET', '/mlflow/api/2.0/mlflow/logged-models/m-1/artifacts/directories?artifact_directory_path=x'],
    ['GET', '/mlflow/ajax-api/2.0/mlflow/logged-models/m-1/artifacts/files?artifact_file_path=MLmodel'],
    ['GET', '/mlflow/api/2.0/mlflow/registered-models/search?max_results=100'],
    ['GET', '/mlflow/api/2.0/mlflow/registered-models/get?name=m'],
    ['GET', '/mlflow/api/2.0/mlflow/registered-models/alias?name=m&alias=champion'],
    ['GET', '/mlflow/api/2.0/mlflow/model-versions/search?filter=name%3D%27m%27'],
    ['GET', '/mlflow/api/2.0/mlflow/model-versions/get?name=m&version=1'],
    ['GET', '/mlflow/api/2.0/mlflow/metrics/get-history-bulk-interval?run_ids=a&metric_key=loss&start_step=5&end_step=9'],
  ])('passes %s %s', (method, url) => {
    expect(decideProxyRoute(method, url)).toMatchObject({ ok: true });
  });

  it.each([
    '/mlflow/health',
    '/mlflow/api/3.0/mlflow/server-info',
    '/mlflow/api/2.0/mlflow/experiments/get-by-name?experiment_name=x',
    '/mlflow/ajax-api/2.0/mlflow/metrics/get-history-bulk?run_id=a&metric_key=loss',
    '/mlflow/api/2.0/mlflow/registered-models/delete',
    '/mlflow/api/2.0/mlflow/model-versions/get-download-uri',
    '/mlflow/api/2.0/mlflow/logged-models/m-1',
    '/mlflow/api/2.0/mlflow-artifacts/artifacts',
  ])('refuses GET %s, which the app never calls', (url) => {
    expect(decideProxyRoute('GET', url)).toMatchObject({ ok: false, status: 404 });
  });

  it('refuses POST to experiments/search (the app reads it with GET)', () => {
    expect(decideProxyRoute('POST', '/mlflow/api/2.0/mlflow/experiments/search')).toMatchObject({ ok: false, status: 405 });
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
      // The file's path goes with it: compression.ts spots archives by name.
      expect(decideProxyRoute('GET', url), url).toMatchObject({
        ok: true,
        artifactDownload: true,
        artifactPath: expect.stringMatching(/(^|\/)a\.html$/),
      });
    }
    expect(decideProxyRoute('GET', '/mlflow/get-artifact?path=eval%2Fpreds.csv.gz&run_uuid=r')).toMatchObject({
      artifactPath: 'eval/preds.csv.gz',
    });
    expect(decideProxyRoute('GET', '/mlflow/api/2.0/mlflow/artifacts/list?run_id=r')).toMatchObject({ ok: true, artifactDownload: false });
    expect(
      decideProxyRoute('GET', '/mlflow/ajax-api/2.0/mlflow/logged-models/m-1/artifacts/files?artifact_file_path=..%2Fx'),
    ).toMatchObject({ ok: false });
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
    // Issue 10, finding 3: names the mlflow client itself writes, and colons inside names.
    ['images/samples%step%3%timestamp%1733140000000%0b6f2c1e-8a4f-4e0b-9f57-3c8d1b6a2e11.png', true],
    ['images/samples%step%3%timestamp%1733140000000%0b6f2c1e%compressed.webp', true],
    ['100%.txt', true],
    ['a:b.txt', true],
    ['reports/12:30:00.log', true],
    // …while a stray % or a broken escape does not hide an encoded traversal beside it.
    ['%zz/%2e%2e/secret', false],
    ['%ff/%2e%2e/secret', false],
    ['%ff%2e%2e/not-a-traversal', true],
    ['images/%252e%252e/x', false],
    ['a%00b', false],
    ['s3://bucket/key', false],
    ['file:/etc/passwd', false],
    ['C:\\Windows\\win.ini', false],
    ['c:/Windows/win.ini', false],
  ])('%s → %s', (path, safe) => {
    expect(isSafeArtifactPath(path)).toBe(safe);
  });
});
