import { describe, expect, it } from 'vitest';
import { acceptableEncodings, chooseAnswerEncoding, compressedHeaders, negotiateEncoding, type ProxiedAnswer } from './compression.ts';

describe('negotiateEncoding', () => {
  it.each([
    // What browsers send.
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate', 'gzip'],
    // No header, or an empty one: the client asked for nothing (curl without --compressed).
    [undefined, 'identity'],
    ['', 'identity'],
    ['identity', 'identity'],
    ['deflate, zstd', 'identity'],
    // q-values decide; brotli wins only a tie.
    ['br;q=0.5, gzip', 'gzip'],
    ['gzip;q=0.8, br;q=0.8', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['BR;Q=1.0, GZIP', 'br'],
    ['gzip ; q=0.3', 'gzip'],
    // Identity that is not named ranks last; named, it competes.
    ['gzip;q=0.1', 'gzip'],
    ['identity;q=1, br;q=0.5', 'identity'],
    ['identity;q=0.5, br;q=0.5', 'br'],
    ['identity;q=0, gzip', 'gzip'],
    // `*` stands for every coding that is not named.
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['*;q=0', 'identity'],
    ['x-gzip', 'gzip'],
    // Malformed q-values make their entry unacceptable rather than preferred.
    ['br;q=2, gzip', 'gzip'],
    ['br;q=abc', 'identity'],
    ['br;q=0.0001', 'identity'],
    // A repeated coding: its first entry counts.
    ['br;q=0, br', 'identity'],
    [',, ;q=1, gzip', 'gzip'],
  ] as const)('%j → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });

  it('lists every acceptable coding, best first', () => {
    expect(acceptableEncodings('gzip, br')).toEqual(['br', 'gzip']);
    expect(acceptableEncodings('gzip, br;q=0.9')).toEqual(['gzip', 'br']);
    expect(acceptableEncodings('identity;q=0.7, gzip;q=0.8, br;q=0.6')).toEqual(['gzip']);
  });
});

describe('chooseAnswerEncoding', () => {
  const json: ProxiedAnswer = {
    method: 'POST',
    request: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    status: 200,
    upstream: { 'content-type': 'application/json', 'content-length': '7400000' },
  };
  const choose = (change: Partial<ProxiedAnswer>) => chooseAnswerEncoding({ ...json, ...change });

  it('compresses JSON and other text answers, error bodies included, by what the browser accepts', () => {
    expect(choose({})).toBe('br');
    expect(choose({ request: { 'accept-encoding': 'gzip' } })).toBe('gzip');
    expect(choose({ status: 500, upstream: { 'content-type': 'text/html; charset=utf-8' } })).toBe('br');
    expect(choose({ upstream: { 'content-type': 'application/problem+json' } })).toBe('br');
    // A chunked answer has no length: it may be large.
    expect(choose({ upstream: { 'content-type': 'application/json' } })).toBe('br');
    expect(choose({ upstream: { ...json.upstream, 'content-encoding': 'identity' } })).toBe('br');
  });

  it('leaves plain what the browser did not ask to be compressed', () => {
    expect(choose({ request: {} })).toBeUndefined();
    expect(choose({ request: { 'accept-encoding': 'identity' } })).toBeUndefined();
    expect(choose({ request: { 'accept-encoding': 'deflate' } })).toBeUndefined();
  });

  it('passes answers without a body, ranges and answers the upstream encoded as they are', () => {
    expect(choose({ method: 'HEAD' })).toBeUndefined();
    for (const status of [101, 204, 206, 304]) expect(choose({ status }), String(status)).toBeUndefined();
    expect(choose({ request: { ...json.request, range: 'bytes=0-99' } })).toBeUndefined();
    expect(choose({ upstream: { ...json.upstream, 'content-range': 'bytes 0-99/7400000' } })).toBeUndefined();
    expect(choose({ upstream: { ...json.upstream, 'content-encoding': 'gzip' } })).toBeUndefined();
    expect(choose({ upstream: { ...json.upstream, 'cache-control': 'private, no-transform' } })).toBeUndefined();
  });

  it('leaves small bodies and anything that is not text alone', () => {
    expect(choose({ upstream: { 'content-type': 'application/json', 'content-length': '1023' } })).toBeUndefined();
    expect(choose({ upstream: { 'content-type': 'application/json', 'content-length': '1024' } })).toBe('br');
    for (const type of ['image/png', 'application/octet-stream', 'application/zip', 'video/mp4', 'application/jsonx', '']) {
      expect(choose({ upstream: { 'content-type': type } }), type).toBeUndefined();
    }
  });

  it('compresses text artifacts but not archives that the tracking server calls text', () => {
    const csv = { upstream: { 'content-type': 'text/csv; charset=utf-8' } };
    expect(choose({ ...csv, method: 'GET', artifactPath: 'eval/predictions.csv' })).toBe('br');
    expect(choose({ upstream: { 'content-type': 'text/plain' }, artifactPath: 'model/MLmodel' })).toBe('br');
    // MLflow types metrics.csv.gz as text/csv (Python's mimetypes), with no Content-Encoding.
    expect(choose({ ...csv, artifactPath: 'eval/predictions.csv.gz' })).toBeUndefined();
    expect(choose({ ...csv, artifactPath: 'data/table.PARQUET' })).toBeUndefined();
  });
});

describe('compressedHeaders', () => {
  it('names the coding, drops the length and range support, weakens a strong ETag and varies on Accept-Encoding', () => {
    const headers = compressedHeaders(
      { 'content-type': 'text/csv', 'content-length': '5000', 'accept-ranges': 'bytes', etag: '"abc"', 'last-modified': 'x' },
      'gzip',
    );
    expect(headers).toEqual({
      'content-type': 'text/csv',
      'content-encoding': 'gzip',
      etag: 'W/"abc"',
      'last-modified': 'x',
      vary: 'Accept-Encoding',
    });
    expect(compressedHeaders({ etag: 'W/"abc"' }, 'br').etag).toBe('W/"abc"');
  });
});
