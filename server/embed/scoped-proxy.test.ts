import { describe, expect, it } from 'vitest';
import { resolveServeOptions } from '../options.ts';
import { signScope } from './embed-scope.ts';
import { parseKeepingLongIntegers, resolveRequestScope, takeEmbedCredential } from './scoped-proxy.ts';

const SECRET = 'a-test-embed-secret-of-32-bytes-or-more!';

describe('takeEmbedCredential', () => {
  it('takes the embed parameters out and keeps every other parameter as it was sent', () => {
    const { url, credential } = takeEmbedCredential('/mlflow/api/2.0/mlflow/runs/get?run_id=a%2Fb&runlens_scope=S&x=1,2&runlens_sig=G');
    expect(url).toBe('/mlflow/api/2.0/mlflow/runs/get?run_id=a%2Fb&x=1,2');
    expect(credential).toEqual({ scope: 'S', sig: 'G' });
  });

  it('leaves a request without them alone, and notices one that carries half of them', () => {
    expect(takeEmbedCredential('/mlflow/version')).toEqual({ url: '/mlflow/version' });
    expect(takeEmbedCredential('/mlflow/version?a=1')).toEqual({ url: '/mlflow/version?a=1' });
    expect(takeEmbedCredential('/mlflow/version?runlens_sig=G')).toEqual({ url: '/mlflow/version', credential: { scope: null, sig: 'G' } });
  });
});

describe('resolveRequestScope', () => {
  const withSecret = resolveServeOptions({ embedSecret: SECRET }, {});
  const now = 1_800_000_000_000;

  it('is unscoped without a credential, and checks one against the secret', () => {
    expect(resolveRequestScope(withSecret, undefined, now)).toBeUndefined();
    const signed = signScope({ experiments: ['1'], runs: [], expires: now + 1000 }, SECRET);
    expect(resolveRequestScope(withSecret, signed, now)).toEqual({
      ok: true,
      scope: { experiments: ['1'], runs: [], expires: now + 1000 },
    });
    expect(resolveRequestScope(withSecret, signed, now + 1000)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('refuses a signed link when the server has no secret to check it with', () => {
    const signed = signScope({ experiments: ['1'], runs: [], expires: now + 1000 }, SECRET);
    expect(resolveRequestScope(resolveServeOptions({}, {}), signed, now)).toMatchObject({
      ok: false,
      message: expect.stringContaining('--embed-secret'),
    });
  });
});

describe('parseKeepingLongIntegers', () => {
  it('keeps every digit of integers past 2^53 as strings, and leaves floats and strings alone', () => {
    const text =
      '{"step": 4611686018427387904, "value": 0.1234567890123456, "big": 1e+16, "name": "12345678901234567", "list": [-9007199254740993]}';
    expect(parseKeepingLongIntegers(text)).toEqual({
      step: '4611686018427387904',
      value: 0.1234567890123456,
      big: 1e16,
      name: '12345678901234567',
      list: ['-9007199254740993'],
    });
  });

  it('says undefined for what is not JSON', () => {
    expect(parseKeepingLongIntegers('<html>')).toBeUndefined();
  });
});
