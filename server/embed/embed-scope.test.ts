import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalScope, MAX_SCOPE_PARAM_CHARS, signScope, validateEmbedSecret, verifyScope, type EmbedScope } from './embed-scope.ts';

const SECRET = 'k'.repeat(32);
const NOW = Date.UTC(2026, 11, 2);
const scope: EmbedScope = { experiments: ['2', '1'], runs: ['b', 'a', 'b'], expires: NOW + 60_000 };

const ids = fc.array(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 8 });
const anyScope = fc.record({ experiments: ids, runs: ids, expires: fc.integer({ min: NOW + 1, max: NOW + 400 * 86_400_000 }) });
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('canonicalScope', () => {
  it('sorts and deduplicates ids, so equal scopes sign equally', () => {
    expect(canonicalScope(scope)).toBe(`{"experiments":["1","2"],"runs":["a","b"],"expires":${NOW + 60_000}}`);
    expect(signScope(scope, SECRET)).toEqual(signScope({ experiments: ['1', '2', '1'], runs: ['a', 'b'], expires: NOW + 60_000 }, SECRET));
  });

  it('refuses scopes that cannot be signed', () => {
    expect(() => canonicalScope({ ...scope, expires: 1.5 })).toThrow(/whole number/);
    expect(() => canonicalScope({ ...scope, runs: [''] })).toThrow(/non-empty/);
    expect(() => signScope({ ...scope, runs: Array.from({ length: 400 }, (_, i) => `${i}`.padStart(32, '0')) }, SECRET)).toThrow(
      /too long/,
    );
  });
});

describe('validateEmbedSecret', () => {
  it('wants 32 bytes and names the flag', () => {
    expect(() => validateEmbedSecret('short')).toThrow(/--embed-secret/);
    expect(() => validateEmbedSecret('x'.repeat(31))).toThrow(/32 bytes/);
    expect(validateEmbedSecret(SECRET)).toBe(SECRET);
    expect(() => signScope(scope, 'short')).toThrow(/--embed-secret/);
  });
});

describe('verifyScope', () => {
  const signed = signScope(scope, SECRET);

  it('accepts its own signature and returns the canonical scope', () => {
    expect(verifyScope(signed.scope, signed.sig, SECRET, NOW)).toEqual({
      ok: true,
      scope: { experiments: ['1', '2'], runs: ['a', 'b'], expires: NOW + 60_000 },
    });
  });

  it('signs the versioned message: HMAC-SHA256 over "runlens-embed-v1\\n" + scope', () => {
    const expected = createHmac('sha256', SECRET).update(`runlens-embed-v1\n${signed.scope}`).digest('base64url');
    expect(signed.sig).toBe(expected);
    const unversioned = createHmac('sha256', SECRET).update(signed.scope).digest('base64url');
    expect(verifyScope(signed.scope, unversioned, SECRET, NOW)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('names each way a link fails', () => {
    expect(verifyScope(null, signed.sig, SECRET, NOW)).toMatchObject({ ok: false, reason: 'missing' });
    expect(verifyScope(signed.scope, '', SECRET, NOW)).toMatchObject({ ok: false, reason: 'missing' });
    expect(verifyScope(`${signed.scope}=`, signed.sig, SECRET, NOW)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verifyScope(signed.scope, signed.sig.slice(1), SECRET, NOW)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verifyScope(signed.scope, signed.sig, 'another secret of at least 32 bytes!', NOW)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifyScope(signed.scope, signed.sig, SECRET, NOW + 60_000)).toMatchObject({
      ok: false,
      reason: 'expired',
      message: expect.stringMatching(/expired on 2026-12-02T00:01:00.000Z/),
    });
  });

  it('refuses everything under a secret too short to trust', () => {
    const sig = createHmac('sha256', 'short').update(`runlens-embed-v1\n${signed.scope}`).digest('base64url');
    expect(verifyScope(signed.scope, sig, 'short', NOW)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('reads only canonical scopes, even correctly signed', () => {
    const sign = (json: string) => {
      const encoded = Buffer.from(json).toString('base64url');
      return verifyScope(encoded, createHmac('sha256', SECRET).update(`runlens-embed-v1\n${encoded}`).digest('base64url'), SECRET, NOW);
    };
    expect(sign(`{"experiments":["1"],"runs":[],"expires":${NOW + 1}}`)).toMatchObject({ ok: true });
    expect(sign(`{"runs":[],"experiments":["1"],"expires":${NOW + 1}}`)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(sign(`{"experiments":["2","1"],"runs":[],"expires":${NOW + 1}}`)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(sign('not json')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(sign('null')).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('refuses a scope longer than any link could carry before hashing it', () => {
    expect(verifyScope('A'.repeat(MAX_SCOPE_PARAM_CHARS + 1), signed.sig, SECRET, NOW)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('property: never throws, whatever the parameters', () => {
    const param = fc.option(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...BASE64URL) })), { nil: null });
    fc.assert(
      fc.property(param, param, fc.string(), fc.double(), (s, sig, secret, now) => {
        expect(verifyScope(s, sig, secret, now).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('property: signing then verifying any scope round-trips', () => {
    fc.assert(
      fc.property(anyScope, (s) => {
        const { scope: param, sig } = signScope(s, SECRET);
        const check = verifyScope(param, sig, SECRET, NOW);
        expect(check).toEqual({ ok: true, scope: JSON.parse(canonicalScope(s)) });
      }),
      { numRuns: 200 },
    );
  });

  it('property: any single-character change to scope or sig fails verification', () => {
    fc.assert(
      fc.property(anyScope, fc.boolean(), fc.nat(), fc.constantFrom(...BASE64URL, '=', '.', '%', ' '), (s, inScope, at, replacement) => {
        const signedScope = signScope(s, SECRET);
        const target = inScope ? signedScope.scope : signedScope.sig;
        const i = at % target.length;
        fc.pre(target[i] !== replacement);
        const changed = target.slice(0, i) + replacement + target.slice(i + 1);
        const check = inScope ? verifyScope(changed, signedScope.sig, SECRET, NOW) : verifyScope(signedScope.scope, changed, SECRET, NOW);
        expect(check.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('property: expired scopes fail', () => {
    fc.assert(
      fc.property(anyScope, fc.integer({ min: 0, max: 10 * 366 * 86_400_000 }), (s, after) => {
        const { scope: param, sig } = signScope(s, SECRET);
        expect(verifyScope(param, sig, SECRET, s.expires + after)).toMatchObject({ ok: false, reason: 'expired' });
      }),
      { numRuns: 200 },
    );
  });
});
