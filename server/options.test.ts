import { describe, expect, it } from 'vitest';
import { displayTrackingUri, resolveServeOptions } from './options.ts';
import { OptionsError } from './options-error.ts';

describe('resolveServeOptions', () => {
  it('defaults like the mlflow client', () => {
    const options = resolveServeOptions({}, {});
    expect(displayTrackingUri(options.trackingUri)).toBe('http://127.0.0.1:5000');
    expect(options.auth).toEqual({ kind: 'none' });
    expect(options.port).toBe(5173);
    expect(options.host).toBe('127.0.0.1');
  });

  it('takes the flag over the environment and keeps a path prefix', () => {
    const options = resolveServeOptions({ trackingUri: 'https://ml.example.com/mlflow' }, { MLFLOW_TRACKING_URI: 'http://other:5000' });
    expect(options.trackingUri.toString()).toBe('https://ml.example.com/mlflow/');
  });

  it('prefers a token over basic credentials, as the mlflow client does', () => {
    const env = { MLFLOW_TRACKING_TOKEN: 't0k', MLFLOW_TRACKING_USERNAME: 'u', MLFLOW_TRACKING_PASSWORD: 'p' };
    expect(resolveServeOptions({}, env).auth).toEqual({ kind: 'bearer', token: 't0k' });
    expect(resolveServeOptions({}, { MLFLOW_TRACKING_USERNAME: 'u', MLFLOW_TRACKING_PASSWORD: 'p' }).auth).toEqual({
      kind: 'basic',
      username: 'u',
      password: 'p',
    });
  });

  it('moves credentials out of the URI so they are never shown', () => {
    const options = resolveServeOptions({ trackingUri: 'http://admin:s%40cret@mlflow:5000/' }, {});
    expect(options.auth).toEqual({ kind: 'basic', username: 'admin', password: 's@cret' });
    expect(displayTrackingUri(options.trackingUri)).toBe('http://mlflow:5000');
  });

  it('rejects what it cannot serve with a readable message', () => {
    expect(() => resolveServeOptions({ trackingUri: 'file:///tmp/mlruns' }, {})).toThrow(OptionsError);
    expect(() => resolveServeOptions({ trackingUri: 'not a url' }, {})).toThrow(/http\(s\) URL/);
    expect(() => resolveServeOptions({ port: '70000' }, {})).toThrow(/--port/);
    expect(() => resolveServeOptions({ frameAncestors: 'https://ok.example, javascript:alert(1)' }, {})).toThrow(/--frame-ancestors/);
  });

  it('serves image links only with --render, with a token from the flag or RUNLENS_RENDER_TOKEN', () => {
    expect(resolveServeOptions({}, { RUNLENS_RENDER_TOKEN: 's3cret' }).render).toBeUndefined();
    expect(resolveServeOptions({ render: true }, {}).render).toEqual({ token: undefined, browserPath: undefined });
    expect(resolveServeOptions({ render: true }, { RUNLENS_RENDER_TOKEN: 's3cret' }).render?.token).toBe('s3cret');
    expect(resolveServeOptions({ render: true, renderToken: 'fl4g-token' }, { RUNLENS_RENDER_TOKEN: 's3cret' }).render?.token).toBe(
      'fl4g-token',
    );
    expect(() => resolveServeOptions({ renderToken: 's3cret' }, {})).toThrow(/add --render/);
    expect(() => resolveServeOptions({ render: true, renderToken: 'abc' }, {})).toThrow(/at least 6 characters/);
  });
});

describe('embed options', () => {
  const secret = 'x'.repeat(32);

  it('takes the embed secret from the flag or RUNLENS_EMBED_SECRET, and refuses a short one', () => {
    expect(resolveServeOptions({ embedSecret: secret }, {}).embed).toEqual({ secret, requireSigned: false });
    expect(resolveServeOptions({}, { RUNLENS_EMBED_SECRET: secret }).embed).toEqual({ secret, requireSigned: false });
    expect(resolveServeOptions({}, {}).embed).toBeUndefined();
    expect(() => resolveServeOptions({ embedSecret: 'short' }, {})).toThrow(/at least 32 bytes/);
  });

  it('requires a secret for --require-signed-embeds', () => {
    expect(resolveServeOptions({ embedSecret: secret, requireSignedEmbeds: true }, {}).embed?.requireSigned).toBe(true);
    expect(() => resolveServeOptions({ requireSignedEmbeds: true }, {})).toThrow(OptionsError);
  });
});
